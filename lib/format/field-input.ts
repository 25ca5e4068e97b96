import type { QualificationField } from '../core/qualification';
import type { LeadPatch } from '../model/schemas';

/**
 * Turns what a rep typed into a field into a lead patch, or says what is wrong with it, in
 * words that name the field. Pure, so the rules are tested without a browser.
 */
export function parseFieldInput(
  field: Pick<QualificationField, 'key' | 'label' | 'input' | 'options'>,
  raw: string,
): { ok: true; patch: LeadPatch } | { ok: false; error: string } {
  const value = raw.trim();
  if (value.length === 0) return { ok: false, error: `${field.label}: enter a value` };
  if (value.length > 2000) return { ok: false, error: `${field.label}: at most 2,000 characters` };
  switch (field.input) {
    case 'number': {
      const digits = value.replace(/[\s,_]/g, '');
      if (!/^\d+$/.test(digits))
        return { ok: false, error: `${field.label}: enter a whole number, e.g. 250` };
      const number = Number(digits);
      if (!Number.isSafeInteger(number))
        return { ok: false, error: `${field.label}: that number is too large` };
      return { ok: true, patch: { [field.key]: number } };
    }
    case 'amount':
      // Budgets come as "$50k", "50,000 EUR", "€40k–60k": keep the rep's words, but demand a figure.
      if (!/\d/.test(value)) return { ok: false, error: `${field.label}: include an amount, e.g. $50k` };
      return { ok: true, patch: { [field.key]: value } };
    case 'picklist':
      if (field.options && !field.options.includes(value))
        return { ok: false, error: `${field.label}: choose one of ${field.options.join(', ')}` };
      return { ok: true, patch: { [field.key]: value } };
    default:
      if (field.key === 'phone' && !/^\+?[\d\s().-]{5,}$/.test(value))
        return { ok: false, error: `${field.label}: digits, spaces, dashes or brackets, e.g. +1 555 0100` };
      return { ok: true, patch: { [field.key]: value } };
  }
}
