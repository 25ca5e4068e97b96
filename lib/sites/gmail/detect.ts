import { LeadIdentity } from '../../model/identity';
import { gmailSelectors } from './selectors';

export type GmailParticipant = { email: string; name?: string };

export type GmailDetection = {
  identity: LeadIdentity | null;
  /** All outside participants of the open thread, in page order: the panel's picker. */
  participants: GmailParticipant[];
  userEmail?: string;
  /** Which strategy found the participants, for the failure log and debugging. */
  strategy?: string;
};

const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/i;

/**
 * The thread id when the URL names an open thread: `#inbox/FMfcgz…`, `#label/Work/FMfcgz…`,
 * `#search/acme/FMfcgz…`. The last hash segment is a long opaque token; view names are short.
 */
export function gmailThreadIdFromUrl(url: string): string | undefined {
  const hash = new URL(url).hash.replace(/^#/, '');
  const last = hash.split('/').pop() ?? '';
  return /^[A-Za-z0-9]{16,}$/.test(last) ? last : undefined;
}

/** The signed-in user's address: from the page title, else from the account button's label. */
export function gmailUserEmail(doc: Document): string | undefined {
  // Title reads "Inbox (14) - user@example.com - Gmail" or "Subject - user@example.com - Gmail".
  const fromTitle = doc.title.split(' - ').find((part) => EMAIL.test(part.trim()) && !part.includes(' '));
  if (fromTitle) return fromTitle.trim().toLowerCase();
  for (const selector of gmailSelectors.accountButton) {
    const label = doc.querySelector(selector)?.getAttribute('aria-label') ?? '';
    const match = EMAIL.exec(label);
    if (match) return match[0].toLowerCase();
  }
  return undefined;
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

function threadRoot(doc: Document): Element | null {
  const subject = gmailSelectors.threadSubject.map((s) => doc.querySelector(s)).find(Boolean);
  if (!subject) return null;
  for (const selector of gmailSelectors.threadRoot) {
    const root = subject.closest(selector);
    if (root) return root;
  }
  return subject.parentElement;
}

/**
 * Reads the lead of the open Gmail thread: the first participant who is neither the signed-in
 * user nor at one of the user's own domains. Pure: (URL, document, settings) → identity.
 */
export function detectGmail(
  url: string,
  doc: Document,
  options: { ownDomains?: string[] } = {},
): GmailDetection {
  const userEmail = gmailUserEmail(doc);
  const none: GmailDetection = { identity: null, participants: [], userEmail };
  if (!gmailThreadIdFromUrl(url)) return none;
  const root = threadRoot(doc);
  if (!root) return none;

  const ownDomains = new Set((options.ownDomains ?? []).map((d) => d.toLowerCase().replace(/^@/, '')));
  for (const selector of gmailSelectors.participants) {
    const seen = new Map<string, GmailParticipant>();
    for (const element of root.querySelectorAll(selector)) {
      const raw = element.getAttribute('email') ?? element.getAttribute('data-hovercard-id') ?? '';
      const email = raw.trim().toLowerCase();
      if (!EMAIL.test(email) || seen.has(email)) continue;
      if (email === userEmail || element.getAttribute('name') === 'me') continue;
      if (ownDomains.has(domainOf(email))) continue;
      const name = element.getAttribute('name') ?? element.textContent?.trim() ?? undefined;
      seen.set(email, { email, name: name && !EMAIL.test(name) ? name : undefined });
    }
    if (seen.size === 0) continue;
    const participants = [...seen.values()];
    const first = participants[0] as GmailParticipant;
    const parsed = LeadIdentity.safeParse({
      emails: [first.email],
      name: first.name,
      source: `gmail:${selector}`,
    });
    return { identity: parsed.success ? parsed.data : null, participants, userEmail, strategy: selector };
  }
  return none;
}
