import type { ContentScriptContext } from '#imports';

/**
 * Runs `check` on load, on in-page navigation (history and hash changes), on the rep's own
 * actions that change what is on screen without touching the DOM tree (focusing a compose,
 * selecting an inbox row) and on DOM changes, tied to the content script's context so every
 * listener, observer and timer stops on invalidation.
 *
 * A DOM change is checked `debounceMs` later, and the observer rests until then: one callback
 * says a check is due, so a page that changes every frame costs one callback per check, not one
 * per frame. While a page keeps changing right after each check, the delay doubles up to
 * `maxWaitMs`; it drops back once the page has been still for longer than the delay.
 *
 * Navigation and the rep's clicks and focus are when a new lead comes on screen, so they are
 * checked at once (in the next task, after the page's own handlers), and for `settleMs` after
 * them DOM changes are checked `settleDebounceMs` later, without the doubling: the thread a
 * busy page renders a moment after the click is seen in tens of milliseconds, not seconds.
 * Typing changes the DOM at every key, so `keyup`, and a click or focus in a text field (a
 * compose, a search box), are checked with the plain debounce after that first check.
 */
export function watchPage(
  ctx: ContentScriptContext,
  check: () => void,
  {
    debounceMs = 250,
    maxWaitMs = 2000,
    settleMs = 1500,
    settleDebounceMs = 60,
  }: { debounceMs?: number; maxWaitMs?: number; settleMs?: number; settleDebounceMs?: number } = {},
): void {
  let due = 0; // when the pending check runs; 0 when none is pending
  let timer: number | undefined;
  let delay = debounceMs;
  let lastCheck = performance.now();
  let settleUntil = 0;
  const observer = new MutationObserver(() => {
    observer.disconnect();
    const now = performance.now();
    if (now < settleUntil) {
      delay = debounceMs;
      plan(settleDebounceMs);
      return;
    }
    delay = now - lastCheck < delay ? Math.min(maxWaitMs, delay * 2) : debounceMs;
    plan(delay);
  });
  const observe = () => observer.observe(document.body, { childList: true, subtree: true });
  const run = () => {
    due = 0;
    timer = undefined;
    lastCheck = performance.now();
    check();
    if (!ctx.isInvalid) observe();
  };
  const plan = (wait: number) => {
    const at = performance.now() + wait;
    if (due && due <= at) return;
    due = at;
    if (timer !== undefined) clearTimeout(timer);
    timer = ctx.setTimeout(run, wait);
  };
  const soon = () => plan(debounceMs);
  const attention = (event: Event) => {
    if (!isTextField(event.target)) settleUntil = performance.now() + settleMs;
    plan(0);
  };
  // The first check runs in a task of its own, not in the one that evaluates the script, so
  // neither makes the other a long task on a big page.
  plan(0);
  ctx.addEventListener(window, 'wxt:locationchange', attention);
  ctx.addEventListener(window, 'hashchange', attention);
  for (const type of ['focusin', 'click'] as const) {
    ctx.addEventListener(document, type, attention, { capture: true, passive: true });
  }
  ctx.addEventListener(document, 'keyup', soon, { capture: true, passive: true });
  ctx.onInvalidated(() => observer.disconnect());
}

/** A field the rep types in: the DOM changes at every key there, which is no new lead. */
function isTextField(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element || typeof element.matches !== 'function') return false;
  return (
    element.isContentEditable ||
    element.matches(
      'textarea, input:not([type=checkbox], [type=radio], [type=button], [type=submit], [type=reset], [type=image], [type=file], [type=range], [type=color])',
    )
  );
}
