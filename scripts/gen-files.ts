import { csvLine } from '../lib/data/export/csv';
import type { Asset, Attempt, Lead, LeadStage, Touch } from '../lib/model/schemas';

/**
 * Rows of the generator's files (scripts/gen.ts): leads as a HubSpot contact export writes them
 * (so importing them exercises the mapping), touches and assets with Baton-style headers.
 * Kept apart from the script so unit tests can check that Baton imports what it generates.
 */

export const LEAD_HEADERS = [
  'Record ID',
  'First Name',
  'Last Name',
  'Email',
  'Job Title',
  'Company Name',
  'Phone Number',
  'Lifecycle Stage',
  'Lead Status',
  'Industry',
  'Number of Employees',
  'Became a Marketing Qualified Lead Date',
  'Contact owner',
  'LinkedIn URL',
  'Territory',
  'Product Interest',
  'Budget',
  'Timeframe',
  'Need',
] as const;

const LIFECYCLE: Record<LeadStage, [lifecycle: string, status: string]> = {
  lead: ['Lead', 'New'],
  mql: ['Marketing Qualified Lead', 'Open'],
  sql: ['Sales Qualified Lead', 'Connected'],
  customer: ['Customer', ''],
  recycled: ['Lead', 'Bad Timing'],
  disqualified: ['Lead', 'Unqualified'],
};

/** A HubSpot-like record id for a generated lead (heroes keep their own). */
export function hubspotIdOf(lead: Lead, index: number): string {
  return lead.crm.find((ref) => ref.system === 'hubspot')?.id ?? String(5_000_000 + index);
}

export function leadCsvLine(lead: Lead, index: number): string {
  const space = lead.name.indexOf(' ');
  const [lifecycle, status] = LIFECYCLE[lead.stage];
  return csvLine([
    hubspotIdOf(lead, index),
    space < 0 ? lead.name : lead.name.slice(0, space),
    space < 0 ? '' : lead.name.slice(space + 1),
    lead.emails.join(';'),
    lead.title,
    lead.company,
    lead.phone,
    lifecycle,
    status,
    lead.industry,
    lead.companySize,
    lead.mqlAt,
    lead.owner,
    lead.linkedinUrl,
    lead.territory,
    lead.productInterest,
    lead.budget,
    lead.timeframe,
    lead.need,
  ]);
}

export const TOUCH_HEADERS = ['Touch ID', 'Email', 'Date', 'Type', 'Title', 'URL', 'Asset ID'] as const;

export function touchCsvLine(touch: Touch, emailOf: (leadId: string) => string | undefined): string {
  return csvLine([
    touch.id,
    emailOf(touch.leadId),
    touch.at,
    touch.kind,
    touch.title,
    touch.url,
    touch.assetId,
  ]);
}

/** Attempts as HubSpot's calls export names its columns (Baton's channels kept as a type column). */
export const ATTEMPT_HEADERS = [
  'Record ID',
  'Associated Contact',
  'Activity date',
  'Type',
  'Call outcome',
] as const;

export function attemptCsvLine(attempt: Attempt, emailOf: (leadId: string) => string | undefined): string {
  return csvLine([attempt.id, emailOf(attempt.leadId), attempt.at, attempt.channel, attempt.outcome]);
}

export const ASSET_HEADERS = [
  'Asset ID',
  'Title',
  'URL',
  'Type',
  'Industries',
  'Needs',
  'Stages',
  'Personas',
  'Summary',
] as const;

export function assetCsvLine(asset: Asset): string {
  return csvLine([
    asset.id,
    asset.title,
    asset.url,
    asset.kind,
    asset.industries.join('; '),
    asset.needs.join('; '),
    asset.stages.join('; '),
    asset.personas.join('; '),
    asset.summary,
  ]);
}

/** A record as the JSON files hold it: the model without the sample flag (imported data is the user's). */
export function withoutSample<T extends { sample?: boolean }>(record: T): Omit<T, 'sample'> {
  const { sample: _sample, ...rest } = record;
  return rest;
}
