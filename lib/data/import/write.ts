import type { BatonDb } from '../../store/db';
import type { ColumnMapping, ImportKind } from './fields';
import type { CellIssue } from './issues';
import type { AnyRow, AssetRow, AttemptRow, HandbackRow, LeadRow, TouchRow } from './rows';
import type { RunIndex } from './run-index';
import { writeAttempts, writeHandbacks, writeTouches } from './write-activity';
import { writeAssets } from './write-assets';
import { writeLeads } from './write-leads';

/**
 * Writing one converted batch: one IndexedDB transaction per batch, by what the file holds
 * (write-leads.ts, write-activity.ts, write-assets.ts). A row the store refuses is reported with
 * its row number; the others are written.
 */

/** A converted row and its row number in the file, for the report. */
export type Pending<T> = { row: number; value: T };
export type Counts = { created: number; updated: number };
export type Reject = (row: number, issue: CellIssue) => void;

export type WriteContext = {
  /** Read once per batch, for the records' `updatedAt`. */
  now: () => Date;
  mapping: ColumnMapping;
  index: RunIndex;
  /** A touches import's run, whose leads' summaries are caught up when it ends. */
  runId: string;
  reject: Reject;
  /** A lead row kept apart from the lead its email found (another name): a possible duplicate. */
  keptApart: Reject;
};

/** Writes one batch of rows of `kind`; resolves after its transaction committed. */
export function writeBatch(
  db: BatonDb,
  kind: ImportKind,
  valid: Array<Pending<AnyRow>>,
  context: WriteContext,
): Promise<Counts> {
  const { reject, keptApart, mapping, index } = context;
  if (kind === 'leads')
    return writeLeads(
      db,
      valid as Array<Pending<LeadRow>>,
      context.now(),
      { reject, keptApart },
      mapping,
      index,
    );
  if (kind === 'touches')
    return writeTouches(db, valid as Array<Pending<TouchRow>>, reject, index, context.runId);
  if (kind === 'attempts') return writeAttempts(db, valid as Array<Pending<AttemptRow>>, reject, index);
  if (kind === 'handbacks') return writeHandbacks(db, valid as Array<Pending<HandbackRow>>, reject, index);
  return writeAssets(db, valid as Array<Pending<AssetRow>>, context.now());
}
