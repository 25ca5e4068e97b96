import { describe, expect, test } from 'vitest';
import { admitMessage } from '@/lib/messaging/handle';
import { classifySender } from '@/lib/messaging/sender';

const context = { extensionId: 'abcdefghijklmnop', extensionOrigin: 'chrome-extension://abcdefghijklmnop' };
const panel = { id: context.extensionId, url: `${context.extensionOrigin}/sidepanel.html?tab=3` };
const gmailTab = { id: context.extensionId, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 7 } };

describe('classifySender', () => {
  test('tells extension pages from content scripts, and refuses strangers', () => {
    expect(classifySender(panel, context.extensionId, context.extensionOrigin)).toBe('extension-page');
    expect(classifySender(gmailTab, context.extensionId, context.extensionOrigin)).toBe('content-script');
    expect(
      classifySender({ ...panel, id: 'another-extension' }, context.extensionId, context.extensionOrigin),
    ).toBeNull();
    expect(
      classifySender({ id: context.extensionId }, context.extensionId, context.extensionOrigin),
    ).toBeNull();
    // A look-alike origin that merely starts with our id is not ours.
    expect(
      classifySender(
        { id: context.extensionId, url: 'http://evil.example/', tab: { id: 1 } },
        context.extensionId,
        context.extensionOrigin,
      ),
    ).toBeNull();
  });
});

describe('admitMessage', () => {
  test('admits a valid request from the allowed kind of sender, parsed', () => {
    const result = admitMessage(
      'identityDetected',
      { url: 'https://mail.google.com/', host: 'gmail', identity: { emails: ['A@X.example'] } },
      gmailTab,
      context,
    );
    expect(result).toEqual({
      ok: true,
      data: { url: 'https://mail.google.com/', host: 'gmail', identity: { emails: ['a@x.example'] } },
    });
  });

  test('a content script may not read lead data', () => {
    const result = admitMessage('readLeadContext', { leadId: 'lead-1' }, gmailTab, context);
    expect(result).toEqual({
      ok: false,
      reason: expect.stringContaining('Refused "readLeadContext" from content-script'),
    });
  });

  test('an extension page may not pretend to be a content script', () => {
    const result = admitMessage(
      'identityDetected',
      { url: 'x', host: 'gmail', identity: null },
      panel,
      context,
    );
    expect(result.ok).toBe(false);
  });

  test('a bad payload is refused with a message naming the field', () => {
    const result = admitMessage(
      'logAttempt',
      { id: 'not-a-uuid', leadId: 'l', at: 'yesterday', channel: 'fax', outcome: 'connected' },
      panel,
      context,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toMatch(/^Bad "logAttempt" request: /);
    expect(result.reason).toContain('id:');
    expect(result.reason).toContain('at:');
    expect(result.reason).toContain('channel:');
  });
});
