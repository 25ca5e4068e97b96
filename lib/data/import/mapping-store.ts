import { z } from 'zod';
import { storage } from '#imports';
import type { ImportKind, RememberedMapping } from './fields';
import { StatusStages } from './status-values';

/**
 * The mapping a user confirmed, remembered per kind and per (normalised) header, so the next file
 * with the same headers — in any order — is mapped the same way. In storage.local: no secrets.
 */
const Remembered = z.record(z.string(), z.record(z.string(), z.string().nullable()));
type Remembered = Partial<Record<ImportKind, RememberedMapping>>;

export const importMappingsItem = storage.defineItem<Remembered>('local:importMappings', {
  fallback: {},
  version: 1,
});

export async function readRememberedMapping(kind: ImportKind): Promise<RememberedMapping> {
  const parsed = Remembered.safeParse(await importMappingsItem.getValue());
  return parsed.success ? ((parsed.data as Remembered)[kind] ?? {}) : {};
}

export async function saveRememberedMapping(kind: ImportKind, mapping: RememberedMapping): Promise<void> {
  const parsed = Remembered.safeParse(await importMappingsItem.getValue());
  const all: Remembered = parsed.success ? (parsed.data as Remembered) : {};
  await importMappingsItem.setValue({ ...all, [kind]: mapping });
}

/** What the user chose for status values ("Awaiting Budget" → MQL), offered again next time. */
export const importStatusStagesItem = storage.defineItem<StatusStages>('local:importStatusStages', {
  fallback: {},
  version: 1,
});

export async function readRememberedStatusStages(): Promise<StatusStages> {
  const parsed = StatusStages.safeParse(await importStatusStagesItem.getValue());
  return parsed.success ? parsed.data : {};
}

/** Adds the choices made for this file to those remembered (other files' values are kept). */
export async function saveRememberedStatusStages(chosen: StatusStages): Promise<void> {
  const previous = await readRememberedStatusStages();
  await importStatusStagesItem.setValue(StatusStages.parse({ ...previous, ...chosen }));
}
