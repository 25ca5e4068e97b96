import { z } from 'zod';
import { EDITABLE_FIELDS, type Lead } from '../model/schemas';

/**
 * Qualification gaps (docs/architecture.md "Rules"). Each field's `key` is the Lead field it reads, and the `<key>` of the
 * panel's `missing-field-<key>` test id (e.g. `missing-field-budget`).
 * A field is missing when the lead's value is absent, or a string that is empty after trimming.
 * `missing` lists blocking fields first, then the others, each group in configuration order.
 */

export const QualificationKey = z.enum(EDITABLE_FIELDS);
export type QualificationKey = z.infer<typeof QualificationKey>;

export const QualificationField = z
  .object({
    key: QualificationKey,
    label: z.string().trim().min(1),
    owner: z.enum(['marketing', 'sales']),
    blocksSql: z.boolean().default(false),
    input: z.enum(['text', 'amount', 'picklist', 'number']).default('text'),
    options: z.array(z.string().trim().min(1)).optional(),
  })
  .refine((field) => field.input !== 'picklist' || (field.options?.length ?? 0) > 0, {
    path: ['options'],
    message: 'a picklist needs at least one option',
  });
export type QualificationField = z.infer<typeof QualificationField>;

export const QualificationFields = z.array(QualificationField).superRefine((fields, ctx) => {
  const seen = new Set<string>();
  fields.forEach((field, index) => {
    if (seen.has(field.key)) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'key'],
        message: `the field "${field.key}" is listed twice`,
      });
    }
    seen.add(field.key);
  });
});

export const defaultQualificationFields: QualificationField[] = QualificationFields.parse([
  { key: 'need', label: 'Need', owner: 'sales', blocksSql: true, input: 'text' },
  { key: 'budget', label: 'Budget', owner: 'sales', blocksSql: true, input: 'amount' },
  {
    key: 'timeframe',
    label: 'Timeframe',
    owner: 'sales',
    blocksSql: true,
    input: 'picklist',
    options: ['This quarter', 'Next quarter', 'This year', 'Next year', 'No timeframe'],
  },
  { key: 'title', label: 'Title', owner: 'marketing', blocksSql: false, input: 'text' },
  { key: 'phone', label: 'Phone', owner: 'marketing', blocksSql: false, input: 'text' },
  { key: 'territory', label: 'Territory', owner: 'marketing', blocksSql: false, input: 'text' },
  { key: 'industry', label: 'Industry', owner: 'marketing', blocksSql: false, input: 'text' },
  { key: 'companySize', label: 'Company size', owner: 'marketing', blocksSql: false, input: 'number' },
  {
    key: 'productInterest',
    label: 'Product of interest',
    owner: 'marketing',
    blocksSql: false,
    input: 'text',
  },
]);

export interface QualificationResult {
  missing: QualificationField[];
  /** Share of configured fields that are filled, 0..1 (1 when no fields are configured). */
  completeness: number;
  canAcceptAsSql: boolean;
  /** Labels of the missing fields that block SQL. */
  blockers: string[];
}

export type QualifyLead = Partial<Pick<Lead, QualificationKey>>;

export function isFieldFilled(lead: QualifyLead, key: QualificationKey): boolean {
  const value: unknown = lead[key];
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (typeof value === 'number') return Number.isFinite(value);
  return true;
}

export function qualify(fields: readonly QualificationField[], lead: QualifyLead): QualificationResult {
  const blocking: QualificationField[] = [];
  const other: QualificationField[] = [];
  for (const field of fields) {
    if (isFieldFilled(lead, field.key)) continue;
    (field.blocksSql ? blocking : other).push(field);
  }
  const missingCount = blocking.length + other.length;
  return {
    missing: [...blocking, ...other],
    completeness: fields.length === 0 ? 1 : (fields.length - missingCount) / fields.length,
    canAcceptAsSql: blocking.length === 0,
    blockers: blocking.map((field) => field.label),
  };
}
