import { z } from 'zod';

/** `?from=&to=&owner=` of a report link (issue #15 item 5): ISO instants and an owner. */
export const ReportLink = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  owner: z.string().trim().min(1).max(200).optional(),
});
export type ReportLink = z.infer<typeof ReportLink>;

export function parseReportLink(search: string): ReportLink {
  const params = new URLSearchParams(search);
  const raw = {
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    owner: params.get('owner') ?? undefined,
  };
  const parsed = ReportLink.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

export function formatReportLink(link: { from: number; to: number; owner?: string }): string {
  const params = new URLSearchParams({
    from: new Date(link.from).toISOString(),
    to: new Date(link.to).toISOString(),
  });
  if (link.owner) params.set('owner', link.owner);
  return `?${params.toString()}`;
}
