import type { Table } from 'dexie';
import type { Asset, AssetSent, Attempt, ContentRequest, Disposition, Lead } from '../../model/schemas';
import type { BatonDb, StoredLead } from '../../store/db';
import { csvLine } from './csv';

/**
 * What the rep recorded, out again as CSV: attempts, hand-backs (dispositions), assets sent and
 * content requests. Each row carries the lead's name and first email, so the file reads on its own
 * in a spreadsheet. Tables are read in pages by primary key, so a large one is never whole in
 * memory as records; the CSV text goes into Blob parts page by page.
 */

export const EXPORT_KINDS = ['attempts', 'dispositions', 'assets-sent', 'content-requests'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const EXPORT_LABELS: Record<ExportKind, string> = {
  attempts: 'Attempts',
  dispositions: 'Hand-backs (dispositions)',
  'assets-sent': 'Assets sent',
  'content-requests': 'Content requests',
};

const PAGE = 5000;

/** Every record of a table, a page at a time, in primary-key order. */
export async function* pagesOf<T extends { id: string }>(
  table: Table<T, string>,
  page = PAGE,
): AsyncGenerator<T[]> {
  let last: string | undefined;
  for (;;) {
    const rows =
      last === undefined
        ? await table.orderBy(':id').limit(page).toArray()
        : await table.where(':id').above(last).limit(page).toArray();
    if (rows.length === 0) return;
    yield rows;
    last = rows[rows.length - 1]?.id;
    if (rows.length < page) return;
  }
}

type LeadInfo = Pick<Lead, 'name' | 'emails'>;
async function leadsOf(db: BatonDb, leadIds: readonly string[]): Promise<Map<string, LeadInfo>> {
  const ids = [...new Set(leadIds)];
  const leads = await db.leads.bulkGet(ids);
  const map = new Map<string, LeadInfo>();
  leads.forEach((lead: StoredLead | undefined) => {
    if (lead) map.set(lead.id, { name: lead.name, emails: lead.emails });
  });
  return map;
}

type Column<T> = [header: string, value: (row: T, lead: LeadInfo | undefined) => string | number | undefined];

const leadColumns = <T extends { leadId: string }>(): Array<Column<T>> => [
  ['Lead', (_row, lead) => lead?.name ?? '(deleted lead)'],
  ['Lead email', (_row, lead) => lead?.emails[0]],
  ['Lead ID', (row) => row.leadId],
];

const COLUMNS = {
  attempts: [
    ['Date', (row) => row.at],
    ...leadColumns<Attempt>(),
    ['Channel', (row) => row.channel],
    ['Outcome', (row) => row.outcome],
    ['Note', (row) => row.note],
    ['Sync', (row) => row.sync],
    ['Attempt ID', (row) => row.id],
  ] as Array<Column<Attempt>>,
  dispositions: [
    ['Date', (row) => row.at],
    ...leadColumns<Disposition>(),
    ['Decision', (row) => row.kind],
    ['Reason', (row) => (row.kind === 'accept' ? '' : row.reason)],
    ['Reason text', (row) => (row.kind === 'accept' ? '' : row.text)],
    ['Stage before', (row) => row.previousStage],
    ['Disposition ID', (row) => row.id],
  ] as Array<Column<Disposition>>,
  'assets-sent': [
    ['Date', (row) => row.at],
    ...leadColumns<AssetSent>(),
    ['Asset ID', (row) => row.assetId],
    ['Channel', (row) => row.channel],
    ['Record ID', (row) => row.id],
  ] as Array<Column<AssetSent>>,
  'content-requests': [
    ['Date', (row) => row.at],
    ...leadColumns<ContentRequest>(),
    ['Request', (row) => row.text],
    ['Record ID', (row) => row.id],
  ] as Array<Column<ContentRequest>>,
} satisfies Record<ExportKind, unknown>;

function tableOf(db: BatonDb, kind: ExportKind): Table<{ id: string; leadId: string }, string> {
  const tables = {
    attempts: db.attempts,
    dispositions: db.dispositions,
    'assets-sent': db.assetsSent,
    'content-requests': db.contentRequests,
  };
  return tables[kind] as unknown as Table<{ id: string; leadId: string }, string>;
}

/** One export as CSV parts (strings), for a Blob; counts the records written. */
export async function exportCsvParts(
  db: BatonDb,
  kind: ExportKind,
): Promise<{ parts: string[]; count: number }> {
  const columns = COLUMNS[kind] as Array<Column<{ id: string; leadId: string }>>;
  const parts = [`${csvLine(columns.map(([header]) => header))}\r\n`];
  let count = 0;
  // Assets sent also name the asset: the library is small, read it once.
  const assets =
    kind === 'assets-sent' ? new Map((await db.assets.toArray()).map((a: Asset) => [a.id, a])) : undefined;
  if (assets) {
    columns.splice(5, 0, ['Asset', (row) => assets.get((row as unknown as AssetSent).assetId)?.title]);
    columns.splice(6, 0, ['Asset URL', (row) => assets.get((row as unknown as AssetSent).assetId)?.url]);
    parts[0] = `${csvLine(columns.map(([header]) => header))}\r\n`;
  }
  for await (const page of pagesOf(tableOf(db, kind))) {
    const leads = await leadsOf(
      db,
      page.map((row) => row.leadId),
    );
    parts.push(
      page
        .map((row) => csvLine(columns.map(([, value]) => value(row, leads.get(row.leadId)))))
        .join('\r\n')
        .concat('\r\n'),
    );
    count += page.length;
  }
  return { parts, count };
}

export function exportFileName(kind: ExportKind | 'backup', now: Date): string {
  const stamp = now.toISOString().slice(0, 10);
  return kind === 'backup' ? `baton-backup-${stamp}.json` : `baton-${kind}-${stamp}.csv`;
}
