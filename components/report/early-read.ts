import { request } from '@/lib/messaging/messenger';
import type { ReportWindow } from '@/lib/report/report-data-schema';
import type { ReportAnswer } from '@/lib/report/report-schema';
import { parseReportLink } from '@/lib/report/report-url';

/**
 * A report link's period, asked for the moment the page loads: the background's read is most of
 * the wait, and it need not wait for the page to start and read its settings. The page takes it
 * once, if the period it settles on is that one; any other period is asked for then.
 */
let early: { window: ReportWindow; data: Promise<ReportAnswer> } | undefined;

export function startEarlyRead(search: string): void {
  const link = parseReportLink(search);
  if (!link.from || !link.to) return;
  const window = { from: Date.parse(link.from), to: Date.parse(link.to) };
  if (!(window.to > window.from)) return;
  // Marks (User Timing) let the bench tell the page's start, the background's answer and the
  // render apart; they cost nothing a user notices.
  performance.mark('report:asked');
  const data = request('reportAnswer', window).then((answer) => {
    performance.mark('report:answered');
    return answer;
  });
  // Not taken (the link's days were not whole days in the team's zone): its error is nobody's.
  data.catch(() => undefined);
  early = { window, data };
}

/** The period's report: the early read when it is this period, else a new request. */
export function readReportAnswer(window: ReportWindow): Promise<ReportAnswer> {
  const taken = early;
  early = undefined;
  if (taken && taken.window.from === window.from && taken.window.to === window.to) return taken.data;
  return request('reportAnswer', window);
}
