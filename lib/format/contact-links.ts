import { z } from 'zod';

/**
 * `tel:` and `mailto:` links built only from validated values: a phone number becomes digits
 * with an optional leading "+" (extensions dropped), an email must be one address. Anything else
 * gives no link, and the value is shown as plain text.
 */
const PhoneDigits = z
  .string()
  .transform((value) => value.split(/\s*(?:ext\.?|x|#)\s*\d+\s*$/i)[0] ?? '')
  .transform((value) => value.trim())
  .refine((value) => /^\+?[\d\s().\-/]+$/.test(value), { message: 'not a phone number' })
  .transform((value) => `${value.startsWith('+') ? '+' : ''}${value.replace(/\D/g, '')}`)
  .refine((value) => /^\+?\d{5,15}$/.test(value), { message: 'a phone number has 5 to 15 digits' });

export function telHref(phone: string | undefined): string | undefined {
  if (!phone) return undefined;
  const parsed = PhoneDigits.safeParse(phone);
  return parsed.success ? `tel:${parsed.data}` : undefined;
}

const SingleEmail = z.email();

export function mailtoHref(email: string | undefined): string | undefined {
  if (!email) return undefined;
  const parsed = SingleEmail.safeParse(email.trim());
  return parsed.success ? `mailto:${encodeURIComponent(parsed.data).replace(/%40/g, '@')}` : undefined;
}
