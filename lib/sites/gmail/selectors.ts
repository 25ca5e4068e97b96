/**
 * Every Gmail selector Baton relies on, in one place, each list in the order tried, dated by
 * `gmailSeen`. Gmail's class names are obfuscated but long-lived;
 * attributes (`email`, `data-hovercard-id`, `data-thread-perm-id`, roles) are steadier, so every
 * list ends with attribute-only cues that survive a rename of every class.
 */
export const gmailSelectors = {
  /** Thread subject heading. */
  threadSubject: ['h2.hP', 'h2[data-thread-perm-id]', 'h2[data-legacy-thread-id]', '[data-thread-perm-id]'],
  /** Where an open thread lives, from its subject: the message list, else the main view. */
  threadRoot: ['[role="list"]', '[role="main"]'],
  /** Message senders and recipients. */
  participants: ['span.gD[email], span.g2[email]', '[email]', '[data-hovercard-id*="@"]'],
  /** The signed-in account button: aria-label "Google Account: Name (user@example.com)". */
  accountButton: ['a[aria-label^="Google Account"]', '[aria-label*="Google Account:"]'],
  /** The user's own entries in a thread ("to me"). */
  me: ['[email][name="me"]'],
  /**
   * An editable message body: a compose window or a reply. Read to find the composes on screen
   * and to insert an asset at the cursor; the last two are the insertion's own fallbacks (any
   * editable block of a compose window, Gmail's editor class), tried only when the rest find none.
   */
  composeBody: [
    'div[aria-label="Message Body"][contenteditable="true"]',
    '[g_editable="true"][contenteditable="true"]',
    'div[role="textbox"][contenteditable="true"]',
    'div[role="dialog"] div[contenteditable="true"]',
    'div.editable[contenteditable="true"]',
  ],
  /** Recipient chips of a compose or reply. */
  recipients: ['span.vN[email], div.afV[data-hovercard-id]', '[email]', '[data-hovercard-id*="@"]'],
  /** One message of a thread: the boundary an inline reply's area never crosses. */
  message: ['[data-message-id]', '[data-legacy-message-id]', 'h2'],
  /** Inbox list rows. */
  inboxRow: ['tr.zA', 'tr[role="row"]', '[role="row"]'],
  /** The row under the keyboard cursor (j/k): a class, and the roving tabindex. */
  cursorRow: ['tr.zA.btb', '[role="row"][tabindex="0"]'],
  /** Ticked rows. */
  selectedRow: ['tr.zA.x7', '[role="row"][aria-selected="true"]'],
  /** A ticked row's checkbox. */
  checkedBox: ['[role="checkbox"][aria-checked="true"]'],
  /** Senders shown in a row. */
  rowSender: ['span.zF[email], span.yP[email]', '[email]', '[data-hovercard-id*="@"]'],
} as const;

/** When these selectors were last checked against the real page (a fixture of that month). */
export const gmailSeen = '2026-11';
