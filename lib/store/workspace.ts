import { generateSampleWorkspace } from '../sample/generate';
import { type BatonDb, toStoredLead } from './db';

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
  await db.transaction('rw', [db.leads, db.touches, db.assets, db.attempts], async () => {
    // Reloading replaces the previous sample instead of piling up a second copy.
    await removeSampleRecordsIn(db);
    await db.leads.bulkPut(sample.leads.map(toStoredLead));
    await db.assets.bulkPut(sample.assets);
    await db.touches.bulkPut(sample.touches);
    await db.attempts.bulkPut(sample.attempts);
  });
  return countWorkspace(db);
}

/** Removes every record flagged as sample, keeping the user's own. */
export async function removeSampleWorkspace(db: BatonDb): Promise<WorkspaceCounts> {
  await db.transaction('rw', [db.leads, db.touches, db.assets, db.attempts], () => removeSampleRecordsIn(db));
  return countWorkspace(db);
}

async function removeSampleRecordsIn(db: BatonDb): Promise<void> {
  // Booleans are not valid IndexedDB keys, so `sample` cannot be queried by index; filter instead.
  const sampleLeadIds = await db.leads.filter((lead) => lead.sample).primaryKeys();
  const sampleLeadSet = new Set(sampleLeadIds);
  await db.leads.bulkDelete(sampleLeadIds);
  await db.touches.filter((touch) => touch.sample).delete();
  await db.assets.filter((asset) => asset.sample).delete();
  await db.attempts.filter((attempt) => attempt.sample || sampleLeadSet.has(attempt.leadId)).delete();
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
    db.leads.filter((lead) => lead.sample).count(),
  ]);
  return { leads, touches, assets, attempts, sampleLeads };
}
