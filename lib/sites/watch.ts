import type { ContentScriptContext } from '#imports';

/**
 * Runs `check` on load, on in-page navigation (history and hash changes), on the rep's own
 * actions that change what is on screen without touching the DOM tree (focusing a compose,
 * selecting an inbox row) and on DOM changes, tied to the content script's context so every
 * listener, observer and timer stops on invalidation.
 *
 * Navigation and the rep's actions are checked `debounceMs` later. A DOM change is checked
 * `debounceMs` later too, and the observer rests until then: one callback says a check is due,
 * so a page that changes every frame costs one callback per check, not one per frame. While a
 * page keeps changing right after each check, the delay doubles up to `maxWaitMs`; it drops back
 * once the page has been still for longer than the delay.
 */
export function watchPage(
  ctx: ContentScriptContext,
  check: () => void,
  { debounceMs = 250, maxWaitMs = 2000 }: { debounceMs?: number; maxWaitMs?: number } = {},
): void {
  let due = 0; // when the pending check runs; 0 when none is pending
  let timer: number | undefined;
  let delay = debounceMs;
  let lastCheck = performance.now();
  const observer = new MutationObserver(() => {
    observer.disconnect();
    const now = performance.now();
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
  // The first check runs in a task of its own, not in the one that evaluates the script, so
  // neither makes the other a long task on a big page.
  plan(0);
  ctx.addEventListener(window, 'wxt:locationchange', soon);
  ctx.addEventListener(window, 'hashchange', soon);
  for (const type of ['focusin', 'click', 'keyup'] as const) {
    ctx.addEventListener(document, type, soon, { capture: true, passive: true });
  }
  ctx.onInvalidated(() => observer.disconnect());
}
