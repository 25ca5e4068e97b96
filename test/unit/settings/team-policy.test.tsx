// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SlaPolicyForm } from '@/components/options/SlaPolicyForm';
import { defaultSlaPolicy } from '@/lib/core/sla';
import { readLocalSettings, readSettings, saveSettingsPart } from '@/lib/settings/item';
import { forgetManagedPolicy, parseManaged } from '@/lib/settings/managed';
import { PolicyError, parsePolicyText, policyFileText, withPolicy } from '@/lib/settings/policy-file';
import { defaultSettings } from '@/lib/settings/schema';

beforeEach(() => {
  fakeBrowser.reset();
  forgetManagedPolicy();
});
afterEach(cleanup);

const oneHour = { ...defaultSlaPolicy, firstAttemptBusinessMinutes: 60 };

describe('the team policy file', () => {
  test('exports the team’s parts and imports them back, keeping this browser’s queue owner', () => {
    const text = policyFileText(
      { ...defaultSettings, slaPolicy: oneHour, owner: 'me@x.example' },
      new Date(),
    );
    const policy = parsePolicyText(text);
    expect(policy.settings.slaPolicy?.firstAttemptBusinessMinutes).toBe(60);
    expect(Object.keys(policy.settings)).not.toContain('owner');
    const mine = { ...defaultSettings, owner: 'rep@x.example' };
    const applied = withPolicy(mine, policy.settings);
    expect(applied.slaPolicy.firstAttemptBusinessMinutes).toBe(60);
    expect(applied.owner).toBe('rep@x.example');
  });

  test('a bad file is refused with a message naming what is wrong', () => {
    const bad = (settings: unknown) => JSON.stringify({ format: 'baton-team-policy', version: 1, settings });
    expect(() => parsePolicyText(bad({ slaPolicy: { ...oneHour, cadenceAttempts: 0 } }))).toThrow(
      /slaPolicy\.cadenceAttempts/,
    );
    expect(() => parsePolicyText(bad({ slaPolicyy: oneHour }))).toThrow(/slaPolicyy/);
    expect(() => parsePolicyText('{ nope')).toThrow(PolicyError);
    expect(() =>
      parsePolicyText(JSON.stringify({ format: 'baton-backup', version: 1, settings: {} })),
    ).toThrow(/not a Baton team policy/);
  });
});

describe('the administrator’s managed policy', () => {
  test('its parts win; a bad part is left out by name and the good ones still apply', () => {
    const teamPolicy = JSON.stringify({
      format: 'baton-team-policy',
      version: 1,
      settings: { slaPolicy: oneHour },
    });
    const managed = parseManaged({
      teamPolicy,
      ownDomains: ['acme.example'],
      reminders: { enabled: 'yes', minutesBefore: 30 },
    });
    expect(managed.settings.slaPolicy?.firstAttemptBusinessMinutes).toBe(60);
    expect(managed.settings.ownDomains).toEqual(['acme.example']);
    expect(managed.managed).toContain('slaPolicy');
    expect(managed.managed).not.toContain('reminders');
    expect(managed.problems.join(' ')).toMatch(/^reminders: enabled/);
    expect(parseManaged({ teamPolicy: 42 }).problems[0]).toMatch(/^teamPolicy:/);
    expect(parseManaged(undefined).managed).toEqual([]);
  });

  test('readSettings gives the managed values; a save never copies them into this browser’s own', async () => {
    await fakeBrowser.storage.managed.set({ slaPolicy: oneHour });
    expect((await readSettings()).slaPolicy.firstAttemptBusinessMinutes).toBe(60);
    await saveSettingsPart('owner', 'rep@x.example');
    expect((await readLocalSettings()).slaPolicy.firstAttemptBusinessMinutes).toBe(
      defaultSlaPolicy.firstAttemptBusinessMinutes,
    );
    expect((await readSettings()).slaPolicy.firstAttemptBusinessMinutes).toBe(60);
  });

  test('the options form shows a managed part as set by the administrator, read-only', async () => {
    await fakeBrowser.storage.managed.set({ slaPolicy: oneHour });
    render(<SlaPolicyForm />);
    const note = await screen.findByTestId('managed-by-admin');
    expect(note.textContent).toContain('Set by your administrator');
    const section = screen.getByRole('region', { name: 'SLA policy' });
    await waitFor(() =>
      expect((within(section).getByLabelText('First attempt within (hours)') as HTMLInputElement).value).toBe(
        '1',
      ),
    );
    expect(
      within(section).getByLabelText('First attempt within (hours)').closest('fieldset[disabled]'),
    ).toBeTruthy();
    expect(within(section).queryByTestId('options-save')).toBeNull();
  });
});
