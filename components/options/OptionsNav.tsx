import { useEffect, useState } from 'react';
import { OPTIONS_SECTIONS, sectionOfHash } from './options-sections';

/**
 * The sections of the options page as links (`#sla`), the current one marked. Opening the page
 * at a section's URL scrolls to it, so a manager can send a rep straight to "Business calendar".
 */
/**
 * The sections render after the page loaded and grow as their settings arrive, so the browser's
 * own jump to the hash lands short. Keep the section at the top while the page settles (up to
 * two seconds), until the user scrolls or clicks themselves.
 */
function keepHashInView(): () => void {
  const id = sectionOfHash(window.location.hash);
  if (!window.location.hash || !id) return () => {};
  const scroll = () => document.getElementById(id)?.scrollIntoView();
  const observer = new ResizeObserver(scroll);
  observer.observe(document.body);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const type of ['wheel', 'keydown', 'pointerdown', 'touchstart'])
      window.removeEventListener(type, stop, true);
  };
  const timer = setTimeout(stop, 2_000);
  for (const type of ['wheel', 'keydown', 'pointerdown', 'touchstart'])
    window.addEventListener(type, stop, { capture: true, passive: true });
  scroll();
  return stop;
}

export function OptionsNav() {
  const [current, setCurrent] = useState(() => sectionOfHash(window.location.hash));
  useEffect(() => {
    const onHash = () => setCurrent(sectionOfHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    const stopKeeping = keepHashInView();
    return () => {
      window.removeEventListener('hashchange', onHash);
      stopKeeping();
    };
  }, []);
  return (
    <nav className="options-nav" aria-label="Options sections">
      <ul className="plain">
        {OPTIONS_SECTIONS.map((section) => (
          <li key={section.id}>
            <a
              href={`#${section.id}`}
              aria-current={current === section.id ? 'location' : undefined}
              data-testid={`options-nav-${section.id}`}
            >
              {section.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
