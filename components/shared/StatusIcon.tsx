/**
 * Small inline SVG status icons: they render the same everywhere (an emoji or symbol glyph
 * shows as a box where the system lacks the font). Decorative: the word beside them says it.
 */
export type IconName = 'check' | 'cross' | 'clock' | 'alert' | 'dot' | 'pause';

const PATHS: Record<IconName, string> = {
  check: 'M3 8.5l3 3 7-7',
  cross: 'M4 4l8 8M12 4l-8 8',
  clock: 'M8 4v4l2.5 2.5M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13z',
  alert: 'M8 2l6.5 12h-13zM8 6.5v3.5M8 12v.5',
  dot: 'M8 6.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z',
  pause: 'M5.5 4v8M10.5 4v8',
};

export function StatusIcon({ name }: { name: IconName }) {
  return (
    <svg
      className="icon"
      data-icon={name}
      width="12"
      height="12"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
