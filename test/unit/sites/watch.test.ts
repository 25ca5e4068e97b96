// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ContentScriptContext } from '#imports';
import { watchPage } from '@/lib/sites/watch';

/** The part of WXT's context that watchPage uses, with invalidation under the test's control. */
function fakeContext() {
  const controller = new AbortController();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const onInvalidated: Array<() => void> = [];
  const ctx = {
    setTimeout: (handler: () => void, ms: number) => {
      const id = setTimeout(() => {
        timers.delete(id);
        if (!controller.signal.aborted) handler();
      }, ms);
      timers.add(id);
      return id;
    },
    addEventListener: (
      target: EventTarget,
      type: string,
      handler: EventListener,
      options?: AddEventListenerOptions,
    ) => target.addEventListener(type, handler, { ...options, signal: controller.signal }),
    onInvalidated: (callback: () => void) => onInvalidated.push(callback),
    get isInvalid() {
      return controller.signal.aborted;
    },
  } as unknown as ContentScriptContext;
  const invalidate = () => {
    controller.abort();
    for (const id of timers) clearTimeout(id);
    for (const callback of onInvalidated) callback();
  };
  return { ctx, invalidate };
}

describe('watchPage', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    document.body.innerHTML = '<main></main>';
  });
  afterEach(() => vi.useRealTimers());

  const mutate = () => document.querySelector('main')?.append(document.createElement('p'));
  const flushObservers = () => Promise.resolve();

  test('checks on load, then once per burst of changes', async () => {
    const { ctx, invalidate } = fakeContext();
    const check = vi.fn();
    watchPage(ctx, check, { debounceMs: 250, maxWaitMs: 1000 });
    // The first check waits for a task of its own.
    expect(check).toHaveBeenCalledTimes(0);
    vi.advanceTimersByTime(0);
    expect(check).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    for (let i = 0; i < 5; i++) {
      mutate();
      await flushObservers();
      vi.advanceTimersByTime(20);
    }
    expect(check).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(300);
    expect(check).toHaveBeenCalledTimes(2);
    invalidate();
  });

  test('a page that never stops changing still gets a check at least every maxWait', async () => {
    const { ctx, invalidate } = fakeContext();
    const check = vi.fn();
    watchPage(ctx, check, { debounceMs: 250, maxWaitMs: 1000 });
    for (let t = 0; t < 5000; t += 50) {
      mutate();
      await flushObservers();
      vi.advanceTimersByTime(50);
    }
    // 1 on load + one per second of constant change (a pure debounce would never fire).
    expect(check.mock.calls.length).toBeGreaterThanOrEqual(5);
    expect(check.mock.calls.length).toBeLessThanOrEqual(7);
    invalidate();
  });

  test('on a page that never stops changing, navigation is still checked within the debounce', async () => {
    const { ctx, invalidate } = fakeContext();
    const check = vi.fn();
    watchPage(ctx, check, { debounceMs: 250, maxWaitMs: 2000 });
    vi.advanceTimersByTime(0);
    for (let t = 0; t < 2100; t += 50) {
      mutate();
      await flushObservers();
      vi.advanceTimersByTime(50);
    }
    const before = check.mock.calls.length;
    window.dispatchEvent(new Event('hashchange'));
    for (let t = 0; t < 300; t += 50) {
      mutate();
      await flushObservers();
      vi.advanceTimersByTime(50);
    }
    expect(check.mock.calls.length).toBeGreaterThan(before);
    invalidate();
  });

  test('a thread rendered just after a click on a busy page is seen within the settle debounce', async () => {
    const { ctx, invalidate } = fakeContext();
    const seen: string[] = [];
    watchPage(ctx, () => seen.push(document.querySelector('main [email]')?.getAttribute('email') ?? ''), {
      debounceMs: 250,
      maxWaitMs: 2000,
      settleMs: 1500,
      settleDebounceMs: 60,
    });
    // Two seconds of constant change: the plain delay has doubled up to 2 s.
    for (let t = 0; t < 2100; t += 50) {
      mutate();
      await flushObservers();
      vi.advanceTimersByTime(50);
    }
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    vi.advanceTimersByTime(0); // checked at once: the old thread is still there
    const checksAtClick = seen.length;
    vi.advanceTimersByTime(40); // the page renders the thread 40 ms after the click
    const thread = document.createElement('span');
    thread.setAttribute('email', 'dana@northwind.example');
    document.querySelector('main')?.append(thread);
    await flushObservers();
    vi.advanceTimersByTime(60);
    expect(seen.length).toBeGreaterThan(checksAtClick);
    expect(seen.at(-1)).toBe('dana@northwind.example');
    invalidate();
  });

  test('typing is checked after the plain debounce, not at every key', async () => {
    const { ctx, invalidate } = fakeContext();
    const check = vi.fn();
    watchPage(ctx, check, { debounceMs: 250 });
    vi.advanceTimersByTime(0);
    for (let i = 0; i < 5; i++) {
      document.body.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true }));
      mutate();
      await flushObservers();
      vi.advanceTimersByTime(40);
    }
    expect(check).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(300);
    expect(check).toHaveBeenCalledTimes(2);
    invalidate();
  });

  test('a click into a text field is checked at once, and the typing after it with the plain debounce', async () => {
    const { ctx, invalidate } = fakeContext();
    const check = vi.fn();
    watchPage(ctx, check, { debounceMs: 250, settleDebounceMs: 60 });
    vi.advanceTimersByTime(1000);
    const field = document.createElement('textarea');
    document.querySelector('main')?.append(field);
    await flushObservers();
    vi.advanceTimersByTime(300);
    const before = check.mock.calls.length;
    field.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    vi.advanceTimersByTime(0);
    expect(check).toHaveBeenCalledTimes(before + 1);
    for (let i = 0; i < 4; i++) {
      mutate();
      await flushObservers();
      vi.advanceTimersByTime(50);
    }
    // 200 ms of typing: no check yet (in the settle window there would have been three).
    expect(check).toHaveBeenCalledTimes(before + 1);
    invalidate();
  });

  test('a click on a checkbox or button is no typing: it opens the settle window', async () => {
    const { ctx, invalidate } = fakeContext();
    const check = vi.fn();
    watchPage(ctx, check, { debounceMs: 250, settleDebounceMs: 60 });
    vi.advanceTimersByTime(1000);
    const box = document.createElement('input');
    box.type = 'checkbox';
    document.querySelector('main')?.append(box);
    await flushObservers();
    vi.advanceTimersByTime(300);
    const before = check.mock.calls.length;
    box.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    vi.advanceTimersByTime(0);
    mutate();
    await flushObservers();
    vi.advanceTimersByTime(60);
    expect(check).toHaveBeenCalledTimes(before + 2);
    invalidate();
  });

  test('changes made while a check waits are all seen by that check', async () => {
    const { ctx, invalidate } = fakeContext();
    const seen: number[] = [];
    watchPage(ctx, () => seen.push(document.querySelectorAll('main p').length));
    vi.advanceTimersByTime(0);
    for (let i = 0; i < 10; i++) {
      mutate();
      await flushObservers();
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(3000);
    expect(seen.at(-1)).toBe(10);
    // And the observer is back: a later change is checked too.
    mutate();
    await flushObservers();
    vi.advanceTimersByTime(3000);
    expect(seen.at(-1)).toBe(11);
    invalidate();
  });

  test('navigation and the rep focusing something are checked at once', () => {
    const { ctx, invalidate } = fakeContext();
    const check = vi.fn();
    watchPage(ctx, check);
    vi.advanceTimersByTime(0);
    window.dispatchEvent(new Event('hashchange'));
    vi.advanceTimersByTime(0);
    expect(check).toHaveBeenCalledTimes(2);
    document.body.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    vi.advanceTimersByTime(0);
    expect(check).toHaveBeenCalledTimes(3);
    invalidate();
  });

  test('after invalidation nothing runs: no listener, observer or timer survives', async () => {
    const { ctx, invalidate } = fakeContext();
    const check = vi.fn();
    watchPage(ctx, check);
    vi.advanceTimersByTime(0);
    mutate();
    await flushObservers();
    invalidate();
    window.dispatchEvent(new Event('hashchange'));
    mutate();
    await flushObservers();
    vi.advanceTimersByTime(5000);
    expect(check).toHaveBeenCalledTimes(1);
  });
});
