import { describe, expect, test } from 'vitest';
import { assetSentNote, escapeHtml, noteBody } from '@/lib/crm/hubspot/mapping';
import { admitMessage } from '@/lib/messaging/handle';
import { HttpUrl, Lead } from '@/lib/model/schemas';
import { assetText, plainTitle } from '@/lib/sites/gmail/compose-insert';

const context = { extensionId: 'abcdefghijklmnop', extensionOrigin: 'chrome-extension://abcdefghijklmnop' };
const gmailTab = { id: context.extensionId, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 7 } };
const detected = (data: Record<string, unknown>) =>
  admitMessage(
    'identityDetected',
    { url: 'https://mail.google.com/mail/u/0/#inbox', host: 'gmail', identity: null, ...data },
    gmailTab,
    context,
  );

describe('caps and shapes at the content-script door', () => {
  test('a 5 MB url, a 20,000-email identity and a long host are refused, with the field named', () => {
    const huge = detected({ url: `https://mail.google.com/#${'a'.repeat(5_000_000)}` });
    expect(huge).toMatchObject({ ok: false, reason: expect.stringMatching(/url/) });
    const emails = Array.from({ length: 20_000 }, (_, i) => `p${i}@x.example`);
    expect(detected({ identity: { emails } })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/identity\.emails/),
    });
    expect(detected({ host: 'g'.repeat(1000) })).toMatchObject({ ok: false });
    expect(detected({ identity: { emails: ['dana@x.example'] } })).toMatchObject({ ok: true });
  });

  test.each([
    ['hubspot', '..', false],
    ['hubspot', '../contacts', false],
    ['hubspot', '12a', false],
    ['hubspot', '101', true],
    ['salesforce', '00Q8d00000DwHtR', true],
    ['salesforce', '00Q8d00000DwHtREAV', true],
    ['salesforce', '00Q8d00000DwHtRE', false],
    ['salesforce', '00Q8d00000/wHtREAV', false],
  ])('a %s record id %j is admitted: %s', (system, id, admitted) => {
    const result = detected({ identity: { emails: [], crm: { system, id } } });
    expect(result.ok).toBe(admitted);
    if (!result.ok) expect(result.reason).toMatch(/crm/);
  });
});

describe('caps in the model', () => {
  const lead = {
    id: 'lead-1',
    name: 'Dana Whitfield',
    stage: 'mql',
    updatedAt: '2026-11-24T10:00:00.000Z',
  };
  test('a 2 MB owner or id, 51 emails, or a CRM id of the wrong shape is not a lead', () => {
    expect(Lead.safeParse(lead).success).toBe(true);
    expect(Lead.safeParse({ ...lead, owner: 'x'.repeat(2_000_000) }).success).toBe(false);
    expect(Lead.safeParse({ ...lead, id: 'x'.repeat(2_000_000) }).success).toBe(false);
    const emails = Array.from({ length: 51 }, (_, i) => `p${i}@x.example`);
    expect(Lead.safeParse({ ...lead, emails }).success).toBe(false);
    const wrongId = Lead.safeParse({ ...lead, crm: [{ system: 'hubspot', id: '1.11015E+11' }] });
    expect(wrongId.success).toBe(false);
    expect(wrongId.error?.issues[0]).toMatchObject({
      path: ['crm', 0, 'id'],
      message: 'must be a HubSpot record id (digits)',
    });
    expect(Lead.safeParse({ ...lead, crm: [{ system: 'salesforce', id: '003' }] }).success).toBe(false);
  });

  test('a link with a user name or password is no link', () => {
    expect(HttpUrl.safeParse('https://www.hubspot.com@evil.example/').success).toBe(false);
    expect(HttpUrl.safeParse('https://www.linkedin.com/in/dana-whitfield/').success).toBe(true);
  });
});

describe('asset titles written into a reply and a CRM note', () => {
  test('a title inserted into a Gmail reply carries no link of its own', () => {
    expect(plainTitle('Pricing — log in at https://evil.example/login now')).toBe('Pricing — log in at now');
    expect(plainTitle('See www.evil.example or evil.example/path, or mailto:x@evil.example')).toBe(
      'See or or',
    );
    expect(plainTitle('Case study: Northwind Health\nsecond line')).toBe(
      'Case study: Northwind Health second line',
    );
    expect(assetText('Guide https://evil.example', 'https://content.example/guide')).toBe(
      'Guide\nhttps://content.example/guide\n',
    );
  });

  test('an asset title written into a HubSpot note is escaped for HTML', () => {
    const title = '<img src=x onerror=alert(1)> & "Guide"';
    const body = noteBody(assetSentNote({ title, url: 'https://content.example/guide?a=1&b=2' }), 'id-1');
    expect(body).not.toMatch(/<img/);
    expect(body).toContain('&#60;img src=x onerror=alert(1)&#62; &#38; &#34;Guide&#34;');
    expect(body).toContain('https://content.example/guide?a=1&#38;b=2');
    expect(body.endsWith('\n[baton:id-1]')).toBe(true);
    expect(escapeHtml("it's")).toBe('it&#39;s');
  });
});
