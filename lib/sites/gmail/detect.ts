import { type Detection, nothing, toDetection } from '../detection';
import { ownDomainsFor } from '../public-mail-domains';
import { cleanText, EMAIL, firstHit, type Strategy } from '../strategy';
import { gmailSelectors as S } from './selectors';

export type GmailParticipant = { email: string; name?: string };

/** Where the lead was read: an open thread, a compose or reply, or the focused/selected inbox row. */
export type GmailView = 'thread' | 'compose' | 'inbox-row';

export type GmailDetection = Detection & {
  /** Every outside participant of what is on screen, in page order: the panel's picker. */
  participants: GmailParticipant[];
  userEmail?: string;
  view?: GmailView;
};

export type GmailOptions = { ownDomains?: string[] };

/** The protocol takes at most 50 candidates; a thread with more is a mailing list, not a lead. */
const MAX_CANDIDATES = 50;

const ANY_EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/i;

/**
 * The thread id when the URL names an open thread: `#inbox/FMfcgz…`, `#label/Work/FMfcgz…`,
 * `#search/acme/FMfcgz…` (with or without `?compose=…`). View names are short; ids are long tokens.
 */
export function gmailThreadIdFromUrl(url: string): string | undefined {
  const hash = new URL(url).hash.replace(/^#/, '').split('?')[0] ?? '';
  const last = hash.split('/').pop() ?? '';
  return /^[A-Za-z0-9]{16,}$/.test(last) ? last : undefined;
}

/** Which signed-in account the URL is for: `/mail/u/1/` → 1. */
export function gmailAccountIndex(url: string): number {
  return Number(/\/mail\/u\/(\d+)\//.exec(new URL(url).pathname)?.[1] ?? 0);
}

// ---------------------------------------------------------------- strategies, in order

const emailIn = (text: string | null | undefined) => ANY_EMAIL.exec(text ?? '')?.[0].toLowerCase();

/** The signed-in user's address (each account of a multi-account session has its own tab title). */
export const userStrategies: Strategy<Document, string>[] = [
  {
    // "Inbox (14) - user@example.com - Gmail" or "Subject - user@example.com - Gmail".
    name: 'title',
    read: (doc) =>
      doc.title
        .split(' - ')
        .map((part) => part.trim())
        .find((part) => EMAIL.test(part))
        ?.toLowerCase(),
  },
  ...S.accountButton.map((selector) => ({
    name: selector,
    read: (doc: Document) => emailIn(doc.querySelector(selector)?.getAttribute('aria-label')),
  })),
  ...S.me.map((selector) => ({
    name: selector,
    read: (doc: Document) => doc.querySelector(selector)?.getAttribute('email')?.toLowerCase(),
  })),
];

/** The open thread's container, found from its subject heading. */
export const threadStrategies: Strategy<Document, Element>[] = S.threadSubject.map((selector) => ({
  name: selector,
  read: (doc) => {
    const subject = doc.querySelector(selector);
    if (!subject) return undefined;
    for (const root of S.threadRoot) {
      const found = subject.closest(root);
      if (found) return found;
    }
    return subject.parentElement;
  },
}));

type Scope = { root: Element; outside: (element: Element) => GmailParticipant | undefined };

/** Elements matching `selector` in `root`, minus inbox rows and compose windows inside it. */
function peopleIn(scope: Scope, selector: string, skip: readonly string[]): GmailParticipant[] {
  const seen = new Map<string, GmailParticipant>();
  // Skip only what lies inside the scope: a compose window's own recipients are inside a dialog.
  const skipInside = skip.filter((s) => !scope.root.closest(s));
  for (const element of scope.root.querySelectorAll(selector)) {
    if (skipInside.some((s) => element.closest(s))) continue;
    const person = scope.outside(element);
    if (person && !seen.has(person.email)) seen.set(person.email, person);
  }
  return [...seen.values()];
}

/** Inbox rows and compose windows are never the open thread's participants. */
const NOT_THREAD = ['[role="row"]', '[role="dialog"]'];

export const participantStrategies: Strategy<Scope, GmailParticipant[]>[] = S.participants.map(
  (selector) => ({
    name: selector,
    read: (scope) => peopleIn(scope, selector, NOT_THREAD),
  }),
);

/** From an editable body to the compose window or reply area it belongs to. */
export const composeRootStrategies: Strategy<Element, Element>[] = [
  { name: 'dialog', read: (body) => body.closest('[role="dialog"]') },
  {
    // An inline reply sits inside the thread: climb from its body while the ancestor holds no
    // message of the thread and no other editable body, so its own recipient chips are in scope
    // and the thread's messages (or another compose) are not.
    name: 'reply-area',
    read: (body) => {
      let area: Element = body;
      for (let parent = body.parentElement; parent && parent !== body.ownerDocument.body; ) {
        if (S.message.some((selector) => parent?.querySelector(selector))) break;
        if (parent.querySelectorAll('[contenteditable="true"]').length > 1) break;
        area = parent;
        parent = parent.parentElement;
      }
      return area === body ? undefined : area;
    },
  },
];

/** Every open compose window and reply area, in page order. */
export const composeStrategies: Strategy<Document, Element[]>[] = S.composeBody.map((selector) => ({
  name: selector,
  read: (doc) => {
    const roots = new Set<Element>();
    for (const body of doc.querySelectorAll(selector)) {
      const root = firstHit(composeRootStrategies, body)?.value;
      if (root) roots.add(root);
    }
    return [...roots];
  },
}));

export const recipientStrategies: Strategy<Scope, GmailParticipant[]>[] = S.recipients.map((selector) => ({
  name: selector,
  read: (scope) => peopleIn(scope, selector, []),
}));

const rowOf = (element: Element | null | undefined) =>
  S.inboxRow.map((selector) => element?.closest(selector)).find(Boolean) ?? undefined;
const onlyOne = (elements: Element[]) => (elements.length === 1 ? elements[0] : undefined);

/**
 * The inbox row the rep is on: the focused row, else the keyboard cursor's, else the one ticked
 * row (several ticked rows are a bulk action, not a lead).
 */
export const rowStrategies: Strategy<Document, Element>[] = [
  { name: 'focus', read: (doc) => rowOf(doc.activeElement) },
  ...S.cursorRow.map((selector) => ({
    name: selector,
    read: (doc: Document) => doc.querySelector(selector),
  })),
  ...S.selectedRow.map((selector) => ({
    name: selector,
    read: (doc: Document) => onlyOne([...doc.querySelectorAll(selector)]),
  })),
  ...S.checkedBox.map((selector) => ({
    name: selector,
    read: (doc: Document) =>
      onlyOne([...new Set([...doc.querySelectorAll(selector)].map(rowOf).filter((r) => r !== undefined))]),
  })),
];

export const rowSenderStrategies: Strategy<Scope, GmailParticipant[]>[] = S.rowSender.map((selector) => ({
  name: selector,
  read: (scope) => peopleIn(scope, selector, []),
}));

// ---------------------------------------------------------------- detection

export function gmailUserEmail(doc: Document): string | undefined {
  return firstHit(userStrategies, doc)?.value;
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}

/**
 * Reads the lead on a Gmail page, in this order: the focused compose or reply (its first outside
 * recipient); else, when the URL names a thread, that open thread (its first outside
 * participant, never the inbox list behind it); else the first open compose with an outside
 * recipient; else, in a list, the focused or selected row. "Outside" means neither the signed-in
 * user (read from the page, so every account of `/mail/u/N/` works) nor one of the user's own
 * domains. Pure: (URL, document, settings) → detection.
 */
export function detectGmail(url: string, doc: Document, options: GmailOptions = {}): GmailDetection {
  const found: Record<string, string> = {};
  const user = firstHit(userStrategies, doc);
  if (user) found.user = user.by;
  const userEmail = user?.value;
  const ownDomains = new Set(ownDomainsFor(options.ownDomains ?? [], userEmail));
  const outside = (element: Element): GmailParticipant | undefined => {
    const raw = element.getAttribute('email') ?? element.getAttribute('data-hovercard-id') ?? '';
    const email = raw.trim().toLowerCase();
    if (!EMAIL.test(email) || email === userEmail || element.getAttribute('name') === 'me') return undefined;
    if (ownDomains.has(domainOf(email))) return undefined;
    const name = cleanText(element.getAttribute('name') ?? element.textContent);
    return { email, name: name && !ANY_EMAIL.test(name) ? name : undefined };
  };
  const threadId = gmailThreadIdFromUrl(url);
  const result = (
    view: GmailView,
    people: GmailParticipant[],
    by: Record<string, string>,
  ): GmailDetection => {
    const [lead, ...others] = people.map((person) =>
      toDetection('gmail', { emails: [person.email], name: person.name }, { ...found, ...by }),
    ) as [Detection, ...Detection[]];
    // Several outside people: each is offered in the panel's picker, the first shown by default.
    const candidates =
      others.length > 0
        ? [lead, ...others].flatMap((d) => d.identity ?? []).slice(0, MAX_CANDIDATES)
        : undefined;
    return { ...lead, ...(candidates ? { candidates } : {}), participants: people, userEmail, view };
  };
  const none = (): GmailDetection => ({
    ...nothing(threadId !== undefined, found),
    participants: [],
    userEmail,
  });

  // 1. The compose or reply the rep is writing in. Composes are looked for only when one can
  // matter: the focus is in an editable body, or the URL says compose windows are open
  // (`#inbox?compose=…`): on a busy page, that spares full-page scans on every check.
  const active = doc.activeElement as HTMLElement | null;
  const composing = active?.isContentEditable || /[?&]compose=/.test(new URL(url).hash);
  const composes = composing ? firstHit(composeStrategies, doc) : undefined;
  const read = (root: Element, strategies: Strategy<Scope, GmailParticipant[]>[]) =>
    firstHit(strategies, { root, outside });
  const focused = composes?.value.find((root) => active && root.contains(active));
  const inFocused = focused && read(focused, recipientStrategies);
  if (composes && inFocused) {
    return result('compose', inFocused.value, {
      compose: composes.by,
      recipients: inFocused.by,
      focus: 'yes',
    });
  }

  // 2. The open thread the URL names.
  if (threadId) {
    const thread = firstHit(threadStrategies, doc);
    if (!thread) return none();
    found.thread = thread.by;
    const people = read(thread.value, participantStrategies);
    if (people) return result('thread', people.value, { participants: people.by });
    return none();
  }

  // 3. An open compose window (none focused: the newest, last in the page, with a recipient).
  for (const root of [...(composes?.value ?? [])].reverse()) {
    const people = read(root, recipientStrategies);
    if (composes && people)
      return result('compose', people.value, { compose: composes.by, recipients: people.by });
  }

  // 4. The inbox row the rep is on.
  const row = firstHit(rowStrategies, doc);
  if (row) {
    found.row = row.by;
    const people = read(row.value, rowSenderStrategies);
    if (people) return result('inbox-row', people.value, { sender: people.by });
  }
  return none();
}
