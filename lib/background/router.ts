import { crmOutbox } from '../crm/connected';
import type { LeadSource } from '../lead-source/lead-source';
import { type HandlerContext, handle } from '../messaging/handle';
import { broadcast } from '../messaging/messenger';
import { readSettings } from '../settings/item';
import type { BatonDb } from '../store/db';
import { repairStaleSummaries } from '../store/summary-catch-up';
import {
  clearWorkspace,
  countWorkspace,
  loadSampleWorkspace,
  removeSampleWorkspace,
} from '../store/workspace';
import { connectHubSpot, disconnectHubSpot, hubSpotStatus } from './crm-connect';
import { readSetupChoices, saveSetup } from './crm-setup';
import { foreground } from './foreground';
import { loadQueueEntries } from './load-queue-entries';
import { readReportAnswer } from './report-views';
import {
  connectSalesforce,
  disconnectSalesforce,
  readSalesforceSetupChoices,
  salesforceStatus,
  saveSalesforceSetup,
} from './salesforce-connect';
import { readTabState, saveTabState } from './tab-states';

/**
 * The background's message handlers: every read and write goes through here, to the one
 * LeadSource. Writes broadcast "leadChanged" so open panels refresh.
 */
export function registerRouter(
  context: HandlerContext,
  source: () => LeadSource,
  db: () => BatonDb,
  afterWrite: () => void = () => {},
  connectionChanged: () => void = () => {},
): void {
  /** Every write: tell open panels, and let the badge and reminders catch up. */
  const changed = (leadId?: string, activityOnly = false) => {
    broadcast('leadChanged', {
      ...(leadId === undefined ? {} : { leadId }),
      ...(activityOnly ? { activityOnly } : {}),
    });
    afterWrite();
  };

  handle('identityDetected', context, async (data, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new Error('identityDetected needs a tab');
    await saveTabState({
      tabId,
      url: data.url,
      host: data.host,
      identity: data.identity,
      ...(data.candidates && data.candidates.length > 1 ? { candidates: data.candidates } : {}),
      updatedAt: Date.now(),
    });
    broadcast('tabStateChanged', { tabId });
    return { ok: true as const };
  });
  handle('getTabState', context, ({ tabId }) => readTabState(tabId));
  handle('getTabView', context, async ({ tabId }) => {
    const tabState = await readTabState(tabId);
    const lead = tabState?.identity ? await source().findByIdentity(tabState.identity) : undefined;
    const leadContext = lead ? await source().readLeadContext(lead.id) : undefined;
    return { tabState, lead: lead ?? null, context: leadContext ?? null };
  });
  handle('findLead', context, async ({ identity }) => (await source().findByIdentity(identity)) ?? null);
  handle('readLeadContext', context, async ({ leadId }) => (await source().readLeadContext(leadId)) ?? null);
  handle('listQueue', context, (query) => source().listQueue(query));
  handle('searchLeads', context, ({ text, limit }) => source().search(text, limit));
  handle('queueEntries', context, async () => loadQueueEntries(source(), await readSettings(), Date.now()));
  handle('listAssets', context, () => source().listAssets());
  handle('reportAnswer', context, (window) =>
    foreground.run(() =>
      readReportAnswer(source(), window, (progress) => broadcast('reportProgress', progress)),
    ),
  );
  handle('refreshReportData', context, async (window) => {
    // The local store keeps no copy to forget: its proxy has no such method, which is fine.
    await source()
      .forgetReportData?.(window)
      .catch(() => {});
    return { ok: true as const };
  });

  handle('addLead', context, async (input) => {
    const lead = await source().addLead(input, new Date());
    changed(lead.id);
    return lead;
  });
  handle('linkIdentity', context, async ({ leadId, identity }) => {
    const lead = await source().linkIdentity(leadId, identity, new Date());
    changed(leadId);
    return lead;
  });
  handle('updateFields', context, async ({ leadId, patch }) => {
    const lead = await source().updateFields(leadId, patch, new Date());
    changed(leadId);
    return lead;
  });
  handle('logAttempt', context, async (attempt) => {
    const saved = await source().logAttempt(attempt);
    changed(saved.leadId, true);
    return saved;
  });
  handle('removeAttempt', context, async ({ attemptId }) => {
    await source().removeAttempt(attemptId);
    changed(undefined, true);
    return null;
  });
  handle('setDisposition', context, async (disposition) => {
    const lead = await source().setDisposition(disposition);
    changed(lead.id);
    return lead;
  });
  handle('undoDisposition', context, async ({ dispositionId }) => {
    const lead = await source().undoDisposition(dispositionId);
    changed(lead.id);
    return lead;
  });
  handle('recordAssetSent', context, async (sent) => {
    await source().recordAssetSent(sent);
    changed(sent.leadId, true);
    return null;
  });
  handle('recordContentRequest', context, async (contentRequest) => {
    await source().recordContentRequest(contentRequest);
    changed(contentRequest.leadId, true);
    return null;
  });

  /** The store was written around the source (sample workspace, import, restore): it forgets what it kept. */
  const workspaceChanged = async <T>(counts: T) => {
    await source().activityChanged();
    changed();
    return counts;
  };
  handle('loadSample', context, async () => workspaceChanged(await loadSampleWorkspace(db(), new Date())));
  handle('removeSample', context, async () => workspaceChanged(await removeSampleWorkspace(db())));
  // "Clear all data" means all: the local store, and the CRM's token, cache and outbox with it.
  handle('clearAllData', context, async () => {
    await disconnectHubSpot(db());
    await disconnectSalesforce(db());
    connectionChanged();
    return workspaceChanged(await clearWorkspace(db()));
  });
  handle('crmConnect', context, async (input) => {
    const result = await connectHubSpot(input);
    connectionChanged();
    changed();
    return result;
  });
  handle('crmDisconnect', context, async () => {
    const result = await disconnectHubSpot(db());
    connectionChanged();
    changed();
    return result;
  });
  handle('crmStatus', context, () => hubSpotStatus());
  handle('crmSetupChoices', context, () => readSetupChoices());
  handle('crmSaveSetup', context, async (input) => {
    const result = await saveSetup(input);
    // Another mode reads other records: the source is built again and panels read afresh.
    connectionChanged();
    changed();
    return result;
  });
  handle('salesforceConnect', context, async (input) => {
    const result = await connectSalesforce(input);
    connectionChanged();
    changed();
    return result;
  });
  handle('salesforceDisconnect', context, async () => {
    const result = await disconnectSalesforce(db());
    connectionChanged();
    changed();
    return result;
  });
  handle('salesforceStatus', context, () => salesforceStatus());
  handle('salesforceSetupChoices', context, () => readSalesforceSetupChoices());
  handle('salesforceSaveSetup', context, async (input) => {
    const result = await saveSalesforceSetup(input);
    connectionChanged();
    changed();
    return result;
  });
  handle('outboxStatus', context, async () => {
    const [unreadableRecords, notice] = await Promise.all([
      source().unreadableRecords(),
      // The local store's proxy has no such method: no CRM, nothing to say.
      source()
        .syncNotice?.()
        .catch(() => undefined),
    ]);
    return {
      ...(await crmOutbox().status()),
      ...(unreadableRecords ? { unreadableRecords } : {}),
      ...(notice ?? {}),
    };
  });
  handle('outboxRetry', context, async ({ id }) => {
    await crmOutbox().retry(id);
    changed();
    return null;
  });
  handle('outboxDiscard', context, async ({ id }) => {
    await crmOutbox().discard(id);
    changed();
    return null;
  });
  handle('countWorkspace', context, () => countWorkspace(db()));
  // An import that never ended (its page closed) may have left summaries stale: caught up here.
  handle('dataImported', context, async () => {
    await repairStaleSummaries(db());
    return workspaceChanged(null);
  });
}
