/**
 * Mail domains anyone can sign up to: a colleague never shares one with the user just because
 * both use Gmail. One list, used where Baton guesses the user's own company domain.
 */
const PUBLIC_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'ymail.com',
  'rocketmail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'proton.me',
  'protonmail.com',
  'protonmail.ch',
  'pm.me',
  'aol.com',
  'mail.com',
  'web.de',
  'zoho.com',
  'yandex.com',
  'yandex.ru',
  'mail.ru',
  'qq.com',
  '163.com',
  '126.com',
  'fastmail.com',
  'hey.com',
  'tutanota.com',
  'tuta.io',
  'orange.fr',
  'free.fr',
  'laposte.net',
  't-online.de',
  'libero.it',
  'btinternet.com',
  'comcast.net',
  'verizon.net',
  'att.net',
]);

/** Families with a domain per country: gmx.de, gmx.net, yahoo.co.uk, hotmail.fr, outlook.de, live.nl… */
const PUBLIC_MAIL_FAMILIES = /^(?:gmx|yahoo|hotmail|outlook|live|windowslive)\.[a-z.]{2,6}$/;

export function isPublicMailDomain(domain: string): boolean {
  const name = domain.trim().toLowerCase().replace(/^@/, '');
  return PUBLIC_MAIL_DOMAINS.has(name) || PUBLIC_MAIL_FAMILIES.test(name);
}

/**
 * The domains that are the user's own: the configured ones; with none configured, the signed-in
 * user's own domain (`ben@substrate.run` → `substrate.run`) unless it is a public mail domain.
 */
export function ownDomainsFor(configured: readonly string[], userEmail: string | undefined): string[] {
  const domains = configured.map((d) => d.trim().toLowerCase().replace(/^@/, '')).filter(Boolean);
  if (domains.length > 0 || !userEmail?.includes('@')) return domains;
  const userDomain = userEmail.slice(userEmail.lastIndexOf('@') + 1).toLowerCase();
  return isPublicMailDomain(userDomain) ? [] : [userDomain];
}
