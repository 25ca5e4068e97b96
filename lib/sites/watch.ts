import type { ContentScriptContext } from '#imports';

/**
 * Runs `check` on load, on in-page navigation and on DOM changes (debounced), tied to the
 * content script's context so every listener, observer and timer stops on invalidation.
 */
export function watchPage(ctx: ContentScriptContext, check: () => void, debounceMs = 250): void {
  let timer: number | undefined;
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = ctx.setTimeout(check, debounceMs);
  };
  check();
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  ctx.addEventListener(window, 'hashchange', schedule);
  const observer = new MutationObserver(schedule);
  observer.observe(document.body, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
}
