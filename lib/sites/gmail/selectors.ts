/**
 * Every Gmail selector Baton relies on, in one place, each with the date it was last seen on
 * the real page. Gmail's class names are obfuscated but long-lived; attributes (`email`,
 * `data-hovercard-id`, `data-thread-perm-id`) are steadier, so each field has several strategies.
 */
export const gmailSelectors = {
  /** Thread subject heading. Seen 2026-11. */
  threadSubject: ['h2.hP', 'h2[data-thread-perm-id]', 'h2[data-legacy-thread-id]'],
  /** Where an open thread lives; participants are read only inside it, never from the inbox list. */
  threadRoot: ['div[role="main"]', '[role="main"]'],
  /** Message senders, then recipients, with an `email` attribute. Seen 2026-11. */
  participants: ['span.gD[email], span.g2[email]', '[email]', '[data-hovercard-id*="@"]'],
  /** The signed-in account button: aria-label "Google Account: Name (user@example.com)". */
  accountButton: ['a[aria-label^="Google Account"]', '[aria-label*="Google Account:"]'],
} as const;
