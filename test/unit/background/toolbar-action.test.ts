import { describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { toolbarAction } from '@/lib/background/toolbar-action';

describe('toolbarAction', () => {
  test('MV3 (Chrome): browser.action', () => {
    expect(toolbarAction()).toBe(fakeBrowser.action);
  });

  test('Firefox MV2, which has no browser.action: browser.browserAction', async () => {
    const texts: string[] = [];
    const browserAction = {
      setBadgeText: async ({ text }: { text: string | null }) => void texts.push(text ?? ''),
    };
    const firefox = { runtime: {}, browserAction };
    const action = toolbarAction(firefox);
    expect(action).toBe(browserAction);
    await action?.setBadgeText({ text: '3' });
    expect(texts).toEqual(['3']);
  });

  test('both present (MV3 Firefox): action wins', () => {
    const action = {};
    expect(toolbarAction({ action, browserAction: {} })).toBe(action);
  });

  test('neither: undefined, so a badge refresh skips the badge instead of throwing', () => {
    expect(toolbarAction({ runtime: {} })).toBeUndefined();
  });
});
