import { describe, expect, test } from 'vitest';
import { detectGmail, gmailThreadIdFromUrl, gmailUserEmail } from '@/lib/sites/gmail/detect';
import { loadGmailFixture } from './load-fixture';

const FIXTURE = 'gmail-2026-11-20.html';
const DANA_THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfLkXnGJHvPqRsTdWmCzBxNkL';

describe('gmailThreadIdFromUrl', () => {
  test.each([
    [
      'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfLkXnGJHvPqRsTdWmCzBxNkL',
      'FMfcgzQbfLkXnGJHvPqRsTdWmCzBxNkL',
    ],
    [
      'https://mail.google.com/mail/u/1/#label/Clients%2FEMEA/FMfcgzQbfLkXnGJHvPqRsTdWmCzBxNkL',
      'FMfcgzQbfLkXnGJHvPqRsTdWmCzBxNkL',
    ],
    [
      'https://mail.google.com/mail/u/0/#search/pricing/FMfcgzQbfLkXnGJHvPqRsTdWmCzBxNkL',
      'FMfcgzQbfLkXnGJHvPqRsTdWmCzBxNkL',
    ],
    ['https://mail.google.com/mail/u/0/#inbox', undefined],
    ['https://mail.google.com/mail/u/0/#inbox/p2', undefined],
    ['https://mail.google.com/mail/u/0/', undefined],
  ])('%s → %s', (url, id) => {
    expect(gmailThreadIdFromUrl(url)).toBe(id);
  });
});

describe('detectGmail on the 2026-11-20 fixture', () => {
  test('reads the signed-in user from the title', () => {
    expect(gmailUserEmail(loadGmailFixture(FIXTURE, DANA_THREAD))).toBe('alex.rep@baton-demo.example');
  });

  test('the lead is the first outside participant, not the user who wrote first', () => {
    const detection = detectGmail(DANA_THREAD, loadGmailFixture(FIXTURE, DANA_THREAD));
    expect(detection.identity).toMatchObject({
      emails: ['dana.whitfield@northwindhealth.example'],
      name: 'Dana Whitfield',
    });
    expect(detection.participants.map((p) => p.email)).toEqual([
      'dana.whitfield@northwindhealth.example',
      'jo.teammate@baton-demo.example',
    ]);
  });

  test('own domains are never the lead', () => {
    const detection = detectGmail(DANA_THREAD, loadGmailFixture(FIXTURE, DANA_THREAD), {
      ownDomains: ['@Baton-Demo.example'],
    });
    expect(detection.participants.map((p) => p.email)).toEqual(['dana.whitfield@northwindhealth.example']);
  });

  test('works on another account number (/u/1/)', () => {
    const url = DANA_THREAD.replace('/u/0/', '/u/1/');
    expect(detectGmail(url, loadGmailFixture(FIXTURE, url)).identity?.emails).toEqual([
      'dana.whitfield@northwindhealth.example',
    ]);
  });

  test('the inbox list alone yields no lead (its senders are not an open thread)', () => {
    const url = 'https://mail.google.com/mail/u/0/#inbox';
    expect(detectGmail(url, loadGmailFixture(FIXTURE, url)).identity).toBeNull();
  });

  test('falls back to data-hovercard-id when the email attributes are gone', () => {
    const document = loadGmailFixture(FIXTURE, DANA_THREAD);
    for (const element of document.querySelectorAll('[email]')) element.removeAttribute('email');
    const detection = detectGmail(DANA_THREAD, document);
    expect(detection.identity?.emails).toEqual(['dana.whitfield@northwindhealth.example']);
    expect(detection.strategy).toBe('[data-hovercard-id*="@"]');
  });

  test('a thread with only the user in it yields nobody', () => {
    const document = loadGmailFixture(FIXTURE, DANA_THREAD);
    for (const element of document.querySelectorAll('[email]')) {
      if (element.getAttribute('email') !== 'alex.rep@baton-demo.example') element.remove();
    }
    expect(detectGmail(DANA_THREAD, document).identity).toBeNull();
  });
});
