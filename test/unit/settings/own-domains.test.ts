import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { managedOwnDomains, readOwnDomains, watchOwnDomains } from '@/lib/settings/own-domains';

beforeEach(() => fakeBrowser.reset());

const policyFile = (ownDomains: string[]) =>
  JSON.stringify({ format: 'baton-team-policy', version: 1, settings: { ownDomains } });

describe('own domains for the content scripts', () => {
  test('this browser’s own when no policy sets them', async () => {
    await fakeBrowser.storage.local.set({ settings: { ownDomains: ['mine.example'] } });
    expect(await readOwnDomains()).toEqual(['mine.example']);
  });

  test('the administrator’s win, set directly or through the team policy file', async () => {
    await fakeBrowser.storage.local.set({ settings: { ownDomains: ['mine.example'] } });
    await fakeBrowser.storage.managed.set({ teamPolicy: policyFile(['@Team.Example ']) });
    expect(await readOwnDomains()).toEqual(['team.example']);
    await fakeBrowser.storage.managed.set({ ownDomains: ['direct.example'] });
    expect(await readOwnDomains()).toEqual(['direct.example']);
  });

  test('a policy that sets no domains, or a broken one, leaves this browser’s', () => {
    expect(managedOwnDomains(undefined)).toBeUndefined();
    expect(managedOwnDomains({ teamPolicy: '{ nope' })).toBeUndefined();
    expect(managedOwnDomains({ teamPolicy: JSON.stringify({ settings: {} }) })).toBeUndefined();
    expect(managedOwnDomains({ ownDomains: 'acme.example' })).toBeUndefined();
  });

  test('a change to the policy reaches an open page', async () => {
    const seen = vi.fn();
    const stop = watchOwnDomains(seen);
    await fakeBrowser.storage.managed.set({ ownDomains: ['pushed.example'] });
    await vi.waitFor(() => expect(seen).toHaveBeenCalledWith(['pushed.example']));
    stop();
  });
});
