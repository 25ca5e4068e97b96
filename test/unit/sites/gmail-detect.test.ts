import { describe, expect, test } from 'vitest';
import {
  detectGmail,
  gmailAccountIndex,
  gmailThreadIdFromUrl,
  gmailUserEmail,
} from '@/lib/sites/gmail/detect';
import { isPublicMailDomain, ownDomainsFor } from '@/lib/sites/public-mail-domains';
import { loadFixture, loadGmailFixture } from './load-fixture';

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
    [
      'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfLkXnGJHvPqRsTdWmCzBxNkL?compose=new',
      'FMfcgzQbfLkXnGJHvPqRsTdWmCzBxNkL',
    ],
    ['https://mail.google.com/mail/u/0/#inbox?compose=CllgCJZbQmNwXnKpLrTsVdHgFjBcDwQk', undefined],
  ])('%s → %s', (url, id) => {
    expect(gmailThreadIdFromUrl(url)).toBe(id);
  });
});

describe('detectGmail on the 2026-11-20 fixture', () => {
  test('reads the signed-in user from the title', () => {
    expect(gmailUserEmail(loadGmailFixture(FIXTURE, DANA_THREAD))).toBe('alex.rep@baton-demo.example');
  });

  test('the lead is the first outside participant, not the user who wrote first, nor a colleague', () => {
    const detection = detectGmail(DANA_THREAD, loadGmailFixture(FIXTURE, DANA_THREAD));
    expect(detection.identity).toMatchObject({
      emails: ['dana.whitfield@northwindhealth.example'],
      name: 'Dana Whitfield',
    });
    // jo.teammate@ shares the signed-in user's domain (alex.rep@baton-demo.example): a colleague.
    expect(detection.participants.map((p) => p.email)).toEqual(['dana.whitfield@northwindhealth.example']);
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
    expect(detection.found.participants).toBe('[data-hovercard-id*="@"]');
  });

  test('a thread with only the user in it yields nobody', () => {
    const document = loadGmailFixture(FIXTURE, DANA_THREAD);
    for (const element of document.querySelectorAll('[email]')) {
      if (element.getAttribute('email') !== 'alex.rep@baton-demo.example') element.remove();
    }
    expect(detectGmail(DANA_THREAD, document).identity).toBeNull();
  });
});

describe('gmailAccountIndex', () => {
  test.each([
    ['https://mail.google.com/mail/u/0/#inbox', 0],
    ['https://mail.google.com/mail/u/3/#inbox/FMfcgzQbfLkXnGJHvPqRsTdWmCzBxNkL', 3],
    ['https://mail.google.com/mail/#inbox', 0],
  ])('%s → %s', (url, index) => expect(gmailAccountIndex(url)).toBe(index));
});

const INBOX = 'https://mail.google.com/mail/u/0/#inbox';
const inbox = () => loadFixture('gmail', '2026-11-24-inbox.html', INBOX);
const rows = (document: Document) => [...document.querySelectorAll('tr[role="row"]')];
const clearCursor = (document: Document) => {
  for (const row of rows(document)) {
    row.classList.remove('btb');
    row.setAttribute('tabindex', '-1');
  }
};
const tick = (row: Element | undefined) => {
  row?.classList.add('x7');
  row?.setAttribute('aria-selected', 'true');
  row?.querySelector('[role="checkbox"]')?.setAttribute('aria-checked', 'true');
};

describe('Gmail inbox list, no thread open', () => {
  test('the row under the keyboard cursor gives the lead, and the user in it is skipped', () => {
    const detection = detectGmail(INBOX, inbox());
    expect(detection).toMatchObject({ view: 'inbox-row', found: { row: 'tr.zA.btb' } });
    expect(detection.identity?.emails).toEqual(['m.bellini@fioreretail.example']);
  });

  test('a focused row wins over the cursor', () => {
    const document = inbox();
    const danaRow = rows(document)[0] as HTMLElement;
    danaRow.focus();
    const detection = detectGmail(INBOX, document);
    expect(detection.found.row).toBe('focus');
    expect(detection.identity?.emails).toEqual(['dana.whitfield@northwindhealth.example']);
  });

  test('no cursor and no focus: one ticked row is the lead', () => {
    const document = inbox();
    clearCursor(document);
    expect(detectGmail(INBOX, document).identity).toBeNull();
    tick(rows(document)[1]);
    expect(detectGmail(INBOX, document).identity?.emails).toEqual(['priya.raman@larkspur-logistics.example']);
  });

  test('several ticked rows are a bulk action, not a lead', () => {
    const document = inbox();
    clearCursor(document);
    tick(rows(document)[0]);
    tick(rows(document)[4]);
    expect(detectGmail(INBOX, document).identity).toBeNull();
  });

  test('a ticked row is still found by its checkbox alone', () => {
    const document = inbox();
    clearCursor(document);
    const row = rows(document)[1];
    row?.querySelector('[role="checkbox"]')?.setAttribute('aria-checked', 'true');
    const detection = detectGmail(INBOX, document);
    expect(detection.found.row).toBe('[role="checkbox"][aria-checked="true"]');
    expect(detection.identity?.emails).toEqual(['priya.raman@larkspur-logistics.example']);
  });

  test('a list with nothing focused or selected is not a miss worth logging', () => {
    const document = inbox();
    clearCursor(document);
    expect(detectGmail(INBOX, document)).toMatchObject({ identity: null, expected: false });
  });
});

describe('Gmail threads, compose and reply', () => {
  test('an open thread ignores the busy list behind it, even its cursor row', () => {
    const url = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQcqZtLmVbWxKpRsNdHgJfTyQwE';
    const document = loadFixture('gmail', '2026-11-24-thread-over-inbox.html', url);
    expect(document.querySelectorAll('tr[role="row"] [email]').length).toBeGreaterThan(30);
    expect(detectGmail(url, document).participants.map((p) => p.email)).toEqual([
      'priya.raman@larkspur-logistics.example',
    ]);
  });

  test('without own domains, the colleague who wrote first is not taken for the lead: the user’s domain is theirs', () => {
    const url = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQcqZtLmVbWxKpRsNdHgJfTyQwF';
    const detection = detectGmail(url, loadFixture('gmail', '2026-11-24-thread-four.html', url));
    expect(detection.identity?.emails).toEqual(['m.bellini@fioreretail.example']);
    expect(detection.participants).toHaveLength(2);
    // Configured own domains replace the guess.
    const configured = detectGmail(url, loadFixture('gmail', '2026-11-24-thread-four.html', url), {
      ownDomains: ['fioreretail.example'],
    });
    expect(configured.identity?.emails).toEqual(['jo.teammate@baton-demo.example']);
  });

  test('several outside people are offered as candidates, the first shown', () => {
    const url = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQcqZtLmVbWxKpRsNdHgJfTyQwF';
    const detection = detectGmail(url, loadFixture('gmail', '2026-11-24-thread-four.html', url));
    expect(detection.candidates?.map((c) => c.emails[0])).toEqual(detection.participants.map((p) => p.email));
    expect(detection.candidates?.[0]).toEqual(detection.identity);
    const single = detectGmail(DANA_THREAD, loadGmailFixture(FIXTURE, DANA_THREAD));
    expect(single.candidates).toBeUndefined();
  });

  test('a second account (/mail/u/1/) reads its own user from the page', () => {
    const url = 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQcqZtLmVbWxKpRsNdHgJfTyQwJ';
    const document = loadFixture('gmail', '2026-11-24-thread-second-account.html', url);
    const detection = detectGmail(url, document);
    expect(detection.userEmail).toBe('alex.rep@baton-emea.example');
    expect(detection.participants.map((p) => p.email)).not.toContain('alex.rep@baton-emea.example');
  });

  test('the user is still known when the title no longer names them (account button, then "me")', () => {
    const url = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQcqZtLmVbWxKpRsNdHgJfTyQwH';
    const document = loadFixture('gmail', '2026-11-24-thread-user-first-and-last.html', url);
    document.title = 'Pilot scope for the EHR rollout - Gmail';
    expect(detectGmail(url, document)).toMatchObject({ userEmail: 'alex.rep@baton-demo.example' });
    document.querySelector('[aria-label^="Google Account"]')?.remove();
    const detection = detectGmail(url, document);
    expect(detection).toMatchObject({
      userEmail: 'alex.rep@baton-demo.example',
      found: { user: '[email][name="me"]' },
    });
    expect(detection.identity?.emails).toEqual(['dana.whitfield@northwindhealth.example']);
  });

  test('with two composes open, focusing one switches the lead to its recipient', () => {
    const url = 'https://mail.google.com/mail/u/0/#inbox?compose=CllgCJZbQmNwXnKpLrTsVdHgFjBcDwQk';
    const document = loadFixture('gmail', '2026-11-24-compose.html', url);
    expect(detectGmail(url, document).identity?.emails).toEqual(['priya.raman@larkspur-logistics.example']);
    document.querySelector<HTMLElement>('[id=":r7"]')?.focus();
    expect(detectGmail(url, document).identity?.emails).toEqual(['dana.whitfield@northwindhealth.example']);
    document.querySelector<HTMLElement>('[id=":rf"]')?.focus();
    expect(detectGmail(url, document).identity?.emails).toEqual(['priya.raman@larkspur-logistics.example']);
  });

  test('a compose with no recipient yet gives no lead from it', () => {
    const url = 'https://mail.google.com/mail/u/0/#inbox?compose=new';
    const document = loadFixture('gmail', '2026-11-24-compose.html', url);
    for (const chip of document.querySelectorAll('[role="dialog"] [role="option"]')) chip.remove();
    document.querySelector<HTMLElement>('[id=":r7"]')?.focus();
    expect(detectGmail(url, document).identity).toBeNull();
  });

  test('a focused reply gives its recipients; a new person added to it comes first when the rep puts them first', () => {
    const url = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQcqZtLmVbWxKpRsNdHgJfTyQwG';
    const document = loadFixture('gmail', '2026-11-24-reply.html', url, '[id=":s3"]');
    const listbox = document.querySelector('[aria-label="To recipients"]');
    const owen = listbox?.querySelector('[data-hovercard-id="owen.park@northwindhealth.example"]');
    if (owen) listbox?.prepend(owen);
    const detection = detectGmail(url, document);
    expect(detection).toMatchObject({ view: 'compose', found: { focus: 'yes' } });
    expect(detection.identity?.emails).toEqual(['owen.park@northwindhealth.example']);
  });
});

describe('whose domain is the user’s own', () => {
  test.each([
    'gmail.com',
    'googlemail.com',
    'outlook.com',
    'hotmail.com',
    'hotmail.fr',
    'live.com',
    'yahoo.com',
    'yahoo.co.uk',
    'icloud.com',
    'me.com',
    'proton.me',
    'protonmail.com',
    'aol.com',
    'gmx.de',
    'gmx.net',
  ])('%s is a public mail domain', (domain) => {
    expect(isPublicMailDomain(domain)).toBe(true);
  });

  test('a Workspace user’s domain counts as theirs; a public one never; configured domains win', () => {
    expect(ownDomainsFor([], 'ben@substrate.run')).toEqual(['substrate.run']);
    expect(ownDomainsFor([], 'ben@gmail.com')).toEqual([]);
    expect(ownDomainsFor([], 'ben@GMX.de')).toEqual([]);
    expect(ownDomainsFor([], undefined)).toEqual([]);
    expect(ownDomainsFor(['@Acme.example'], 'ben@substrate.run')).toEqual(['acme.example']);
    expect(isPublicMailDomain('substrate.run')).toBe(false);
    expect(isPublicMailDomain('gmxtra.com')).toBe(false);
  });
});
