import { z } from 'zod';
import {
  Asset,
  AssetSent,
  Attempt,
  ContentRequest,
  Disposition,
  describeZodError,
  Instant,
  Lead,
  Touch,
} from '../../model/schemas';
import { migrateSettingsFrom, SETTINGS_VERSION } from '../../settings/migrations';
import { Settings } from '../../settings/schema';
import { type BatonDb, fromStoredLead, toStoredLead } from '../../store/db';
import { rebuildAllSummaries, summaryTables } from '../../store/summaries';
import { pagesOf } from '../export/exports';

/**
 * A full workspace backup as JSON, and its restore. The file holds every table of the local store
 * (leads without their index-only keys) and this browser's own settings (`settings`, with the
 * settings version they were stored at, so an older backup's are migrated on restore). An
 * administrator's managed values are not this browser's and are left out. A backup written before
 * settings were included has no `settings` and restores the tables alone.
 *
 * Restore is all or nothing: the whole file is validated with zod first, and then the workspace is
 * replaced in one transaction; a file that fails either step is refused with a message and
 * changes nothing.
 */

export const BACKUP_FORMAT = 'baton-backup';
export const BACKUP_VERSION = 1;

export const BACKUP_TABLES = [
  'leads',
  'touches',
  'assets',
  'attempts',
  'dispositions',
  'assetsSent',
  'contentRequests',
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

const RECORD_SCHEMAS = {
  leads: Lead,
  touches: Touch,
  assets: Asset,
  attempts: Attempt,
  dispositions: Disposition,
  assetsSent: AssetSent,
  contentRequests: ContentRequest,
} satisfies Record<BackupTable, z.ZodType>;

/** The envelope; tables are checked record by record (see parseBackup) for readable messages. */
const Envelope = z.object({
  format: z.literal(BACKUP_FORMAT, { message: `not a Baton backup (format must be "${BACKUP_FORMAT}")` }),
  version: z.literal(BACKUP_VERSION, { message: `backup version ${BACKUP_VERSION} expected` }),
  exportedAt: Instant,
  settings: z.object({ version: z.number().int().min(1), value: z.unknown() }).optional(),
  tables: z.object(
    Object.fromEntries(BACKUP_TABLES.map((t) => [t, z.array(z.unknown())])) as Record<
      BackupTable,
      z.ZodArray<z.ZodUnknown>
    >,
  ),
});

export type Backup = {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  /** This browser's settings when the backup was written; absent in older backups. */
  settings?: Settings;
  tables: {
    leads: Lead[];
    touches: Touch[];
    assets: Asset[];
    attempts: Attempt[];
    dispositions: Disposition[];
    assetsSent: AssetSent[];
    contentRequests: ContentRequest[];
  };
};

export type BackupCounts = Record<BackupTable, number>;

/** Writes the backup as Blob parts, table by table and page by page, with `settings` when given. */
export async function backupParts(
  db: BatonDb,
  now: Date,
  settings?: Settings,
): Promise<{ parts: string[]; counts: BackupCounts }> {
  const stored = settings
    ? `"settings":${JSON.stringify({ version: SETTINGS_VERSION, value: settings })},`
    : '';
  const parts: string[] = [
    `{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},"exportedAt":${JSON.stringify(now.toISOString())},${stored}"tables":{`,
  ];
  const counts = Object.fromEntries(BACKUP_TABLES.map((t) => [t, 0])) as BackupCounts;
  let firstTable = true;
  for (const table of BACKUP_TABLES) {
    parts.push(`${firstTable ? '' : ','}${JSON.stringify(table)}:[`);
    firstTable = false;
    let first = true;
    const source = db[table] as unknown as Parameters<typeof pagesOf>[0];
    for await (const page of pagesOf(source)) {
      const records = table === 'leads' ? page.map((row) => fromStoredLead(row as never)) : page;
      parts.push(`${first ? '' : ','}${records.map((record) => JSON.stringify(record)).join(',')}`);
      first = false;
      counts[table] += page.length;
    }
    parts.push(']');
  }
  parts.push('}}');
  return { parts, counts };
}

export class BackupError extends Error {
  override name = 'BackupError';
}

/** ` (id "…")` when the record has a readable id: the message names the record, not only its place. */
function recordName(record: unknown): string {
  const id = (record as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id ? ` (id "${id.slice(0, 80)}")` : '';
}

/** Validates a parsed backup file; throws a BackupError naming the first problems. */
export function parseBackup(data: unknown): Backup {
  const envelope = Envelope.safeParse(data);
  if (!envelope.success)
    throw new BackupError(
      `This is not a Baton backup: ${describeZodError(envelope.error)}. Nothing was changed.`,
    );
  const problems: string[] = [];
  const tables = {} as Record<BackupTable, unknown[]>;
  for (const table of BACKUP_TABLES) {
    const schema = RECORD_SCHEMAS[table];
    const records = envelope.data.tables[table];
    const parsed: unknown[] = [];
    const ids = new Set<string>();
    records.forEach((record, index) => {
      if (problems.length >= 5) return;
      const result = schema.safeParse(record);
      if (!result.success) {
        problems.push(`${table}[${index}]${recordName(record)}: ${describeZodError(result.error)}`);
        return;
      }
      const id = (result.data as { id: string }).id;
      if (ids.has(id)) problems.push(`${table}[${index}]: a second record with id "${id}"`);
      ids.add(id);
      parsed.push(result.data);
    });
    tables[table] = parsed;
  }
  const settings = envelope.data.settings && parseSettings(envelope.data.settings, problems);
  if (problems.length > 0)
    throw new BackupError(`The backup is damaged, so nothing was changed: ${problems.join('; ')}.`);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: envelope.data.exportedAt,
    ...(settings ? { settings } : {}),
    tables: tables as Backup['tables'],
  };
}

/** The backup's settings at this Baton's settings version; a problem is named, never thrown. */
function parseSettings(
  stored: { version: number; value: unknown },
  problems: string[],
): Settings | undefined {
  try {
    const parsed = Settings.safeParse(migrateSettingsFrom(stored.version, stored.value));
    if (parsed.success) return parsed.data;
    problems.push(`settings: ${describeZodError(parsed.error)}`);
  } catch (error) {
    problems.push(`settings: ${error instanceof Error ? error.message : String(error)}`);
  }
  return undefined;
}

/** Parses backup text; a file that is not JSON is refused like an invalid one. */
export function parseBackupText(text: string): Backup {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new BackupError(
      `This file is not valid JSON (${error instanceof Error ? error.message : String(error)}). Nothing was changed.`,
    );
  }
  return parseBackup(data);
}

/** Replaces the whole workspace with the backup, in one transaction: all of it or nothing. */
export async function restoreBackup(db: BatonDb, backup: Backup): Promise<BackupCounts> {
  await db.transaction('rw', [...summaryTables(db), db.assets], async () => {
    for (const table of BACKUP_TABLES) await db[table].clear();
    await db.leads.bulkAdd(backup.tables.leads.map(toStoredLead));
    await db.touches.bulkAdd(backup.tables.touches);
    await db.assets.bulkAdd(backup.tables.assets);
    await db.attempts.bulkAdd(backup.tables.attempts);
    await db.dispositions.bulkAdd(backup.tables.dispositions);
    await db.assetsSent.bulkAdd(backup.tables.assetsSent);
    await db.contentRequests.bulkAdd(backup.tables.contentRequests);
    await rebuildAllSummaries(db);
  });
  return Object.fromEntries(BACKUP_TABLES.map((t) => [t, backup.tables[t].length])) as BackupCounts;
}
