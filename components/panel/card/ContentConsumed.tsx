import { relativeTime } from '@/lib/format/relative-time';
import { safeHttpUrl } from '@/lib/format/safe-url';
import type { Touch, TouchKind } from '@/lib/model/schemas';

const KIND: Record<TouchKind, { icon: string; label: string }> = {
  download: { icon: '⤓', label: 'Download' },
  webinar: { icon: '▶', label: 'Webinar' },
  page_view: { icon: '◉', label: 'Page visit' },
  email_click: { icon: '✉', label: 'Email click' },
  form: { icon: '✎', label: 'Form' },
  demo_request: { icon: '★', label: 'Demo request' },
  event: { icon: '◆', label: 'Event' },
};

export function ContentConsumed({
  touches,
  now,
  limit = 12,
}: {
  touches: Touch[];
  now: number;
  limit?: number;
}) {
  return (
    <section aria-label="Content consumed">
      <h2>Content consumed</h2>
      {touches.length === 0 ? (
        <p className="muted">Nothing consumed yet.</p>
      ) : (
        <ul className="plain">
          {touches.slice(0, limit).map((touch) => {
            const kind = KIND[touch.kind];
            const url = safeHttpUrl(touch.url);
            return (
              <li key={touch.id} data-testid="touch-item" className="row">
                <span className="kind" role="img" aria-label={kind.label} title={kind.label}>
                  {kind.icon}
                </span>
                <span className="grow">
                  {url ? (
                    <a href={url} target="_blank" rel="noopener noreferrer">
                      {touch.title}
                    </a>
                  ) : (
                    touch.title
                  )}
                </span>
                <time className="muted small" dateTime={touch.at} title={new Date(touch.at).toLocaleString()}>
                  {relativeTime(Date.parse(touch.at), now)}
                </time>
              </li>
            );
          })}
        </ul>
      )}
      {touches.length > limit && <p className="muted small">and {touches.length - limit} earlier</p>}
    </section>
  );
}
