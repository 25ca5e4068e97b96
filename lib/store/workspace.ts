import Dexie from 'dexie';
import { generateSampleWorkspace } from '../sample/generate';
import { type BatonDb, toStoredLead } from './db';
import { refreshSummaries, summaryTables } from './summaries';

export type WorkspaceCounts = {
  leads: number;
  touches: number;
  assets: number;
  attempts: number;
  sampleLeads: number;
};

/** Loads the sample workspace in one transaction: all of it or, if anything fails, none of it. */
export async function loadSampleWorkspace(db: BatonDb, now: Date): Promise<WorkspaceCounts> {
  const sample = generateSampleWorkspace({ now });
  await db.transaction('rw', [...summaryTables(db), db.assets], async () => {
    // Reloading replaces the previous sample instead of piling up a second copy.
    await removeSampleRecordsIn(db);
    await db.leads.bulkPut(sample.leads.map(toStoredLead));
    await db.assets.bulkPut(sample.assets);
    await db.touches.bulkPut(sample.touches);
    await db.attempts.bulkPut(sample.attempts);
    await refreshSummaries(
      db,
      sample.leads.map((lead) => lead.id),
    );
  });
  return countWorkspace(db);
}

/** Removes every record flagged as sample, keeping the user's own. */
export async function removeSampleWorkspace(db: BatonDb): Promise<WorkspaceCounts> {
  await db.transaction('rw', [...summaryTables(db), db.assets], () => removeSampleRecordsIn(db));
  return countWorkspace(db);
}

async function removeSampleRecordsIn(db: BatonDb): Promise<void> {
  // Indexed (`sampleFlag`, version 2): a workspace of 100k leads is not read to find 300 sample ones.
  const sampleLeadIds = await db.leads.where('sampleFlag').equals(1).primaryKeys();
  await db.leads.bulkDelete(sampleLeadIds);
  await db.summaries.bulkDelete(sampleLeadIds);
  // Each sample lead's rows (touches, attempts, and whatever the rep did with it) by their
  // [leadId+at] range, not by scanning 1M touches.
  const childTables = [db.touches, db.attempts, db.dispositions, db.assetsSent, db.contentRequests];
  await Promise.all(
    sampleLeadIds.flatMap((leadId) =>
      childTables.map((table) =>
        table.where('[leadId+at]').between([leadId, Dexie.minKey], [leadId, Dexie.maxKey]).delete(),
      ),
    ),
  );
  // The asset library is small (tens to hundreds); sample attempts only ever belong to sample leads.
  await db.assets.filter((asset) => asset.sample).delete();
}

export async function clearWorkspace(db: BatonDb): Promise<WorkspaceCounts> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
  });
  return countWorkspace(db);
}

export async function countWorkspace(db: BatonDb): Promise<WorkspaceCounts> {
  const [leads, touches, assets, attempts, sampleLeads] = await Promise.all([
    db.leads.count(),
    db.touches.count(),
    db.assets.count(),
    db.attempts.count(),
    db.leads.where('sampleFlag').equals(1).count(),
  ]);
  return { leads, touches, assets, attempts, sampleLeads };
}
