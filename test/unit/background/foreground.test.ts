import { describe, expect, test } from 'vitest';
import { foregroundGate } from '@/lib/background/foreground';

/** A promise and the functions that settle it. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settledYet = async (promise: Promise<unknown>) => {
  let settled = false;
  void promise.then(() => {
    settled = true;
  });
  await new Promise((r) => setTimeout(r, 0));
  return settled;
};

describe('foreground work goes first', () => {
  test('with nothing running, a chore goes at once', async () => {
    expect(await settledYet(foregroundGate().whenIdle())).toBe(true);
  });

  test('a chore waits for the report being read, and for one that starts meanwhile', async () => {
    const gate = foregroundGate();
    const first = deferred<string>();
    const second = deferred<string>();
    const read = gate.run(() => first.promise);
    const idle = gate.whenIdle();
    const another = gate.run(() => second.promise);
    first.resolve('figures');
    expect(await read).toBe('figures');
    expect(await settledYet(idle)).toBe(false);
    second.resolve('more');
    await another;
    expect(await settledYet(idle)).toBe(true);
  });

  test('a failed read still lets the chores go, and its error reaches its caller', async () => {
    const gate = foregroundGate();
    const failing = deferred<string>();
    const read = gate.run(() => failing.promise);
    const idle = gate.whenIdle();
    failing.reject(new Error('no store'));
    await expect(read).rejects.toThrow('no store');
    expect(await settledYet(idle)).toBe(true);
  });
});
