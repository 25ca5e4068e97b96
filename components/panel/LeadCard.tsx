import { useCallback, useEffect, useState } from 'react';
import { messenger } from '@/lib/messaging/transport';
import type { Attempt, Lead } from '@/lib/model/schemas';
import { AssetSuggestions } from './card/AssetSuggestions';
import { AttemptLogger } from './card/AttemptLogger';
import { attemptLoggedLabel, LOGGABLE_CHANNELS } from './card/attempt-defaults';
import { ContactLinks } from './card/ContactLinks';
import { ContentConsumed } from './card/ContentConsumed';
import { HandBack } from './card/HandBack';
import { MissingFields } from './card/MissingFields';
import {
  useLogAttempt,
  useRecordAssetSent,
  useRecordContentRequest,
  useRemoveAttempt,
  useSetDisposition,
  useUndoDisposition,
  useUpdateFields,
} from './card/mutations';
import { ScoreSection } from './card/ScoreSection';
import { ShortcutHelp } from './card/ShortcutHelp';
import { SlaStrip } from './card/SlaStrip';
import { UndoBar } from './card/UndoBar';
import type { PendingUndo } from './card/undo-store';
import { useLeadView } from './card/useLeadView';
import { useShortcuts } from './card/useShortcuts';
import { useUndo } from './card/useUndo';
import { useAssets, useLeadContext } from './queries';
import { useNow } from './useNow';
import { useSettings } from './useSettings';

const STAGE_LABEL: Record<Lead['stage'], string> = {
  lead: 'Lead',
  mql: 'MQL',
  sql: 'SQL',
  recycled: 'Recycled to nurture',
  disqualified: 'Disqualified',
  customer: 'Customer',
};

const nowIso = () => new Date().toISOString();

/** A performance mark when the card first has its data: the panel benchmark reads it. */
function useMarkFirstData(ready: boolean): void {
  useEffect(() => {
    if (ready && performance.getEntriesByName('baton:card-with-data').length === 0)
      performance.mark('baton:card-with-data');
  }, [ready]);
}

type CardProps = { lead: Lead; tabId: number | undefined };

/**
 * The card for one lead: who, how hot and why, the SLA, what is missing, what they read, what to
 * send. A new lead is a new card: nothing typed or picked for one lead (a note, an outcome, an
 * open form) carries over to the next, and the panel starts again at the top.
 */
export function LeadCard(props: CardProps) {
  return <LeadCardBody key={props.lead.id} {...props} />;
}

function LeadCardBody({ lead, tabId }: CardProps) {
  useEffect(() => {
    // Keyed by lead, so this runs once per lead shown: its name and SLA are what the rep sees first.
    window.scrollTo({ top: 0 });
  }, []);
  const context = useLeadContext(lead.id);
  useMarkFirstData(Boolean(context.data));
  const assets = useAssets();
  const settings = useSettings();
  const now = useNow(15_000);
  const view = useLeadView(lead, context.data ?? undefined, assets.data ?? [], settings, now);
  const { offer, offerUndo, take } = useUndo(lead.id);
  const [latestId, setLatestId] = useState<string | undefined>();
  const [helpOpen, setHelpOpen] = useState(false);
  const closeHelp = useCallback(() => setHelpOpen(false), []);

  const logAttempt = useLogAttempt(lead.id);
  const removeAttempt = useRemoveAttempt(lead.id);
  const updateFields = useUpdateFields(lead.id);
  const setDisposition = useSetDisposition(lead.id);
  const undoDisposition = useUndoDisposition(lead.id);
  const recordAssetSent = useRecordAssetSent(lead.id);
  const recordContentRequest = useRecordContentRequest(lead.id);

  const log = (entry: (typeof LOGGABLE_CHANNELS)[number]) => {
    const attempt: Attempt = {
      id: crypto.randomUUID(),
      leadId: lead.id,
      at: nowIso(),
      channel: entry.channel,
      outcome: entry.outcome,
      sync: 'local',
      sample: false,
    };
    logAttempt.mutate(attempt);
    setLatestId(attempt.id);
    offerUndo({
      kind: 'attempt',
      leadId: lead.id,
      label: attemptLoggedLabel(entry.channel, view.lead.name),
      attemptId: attempt.id,
    });
  };

  const handBack = (disposition: Parameters<typeof setDisposition.mutate>[0], label: string) => {
    setDisposition.mutate(disposition);
    offerUndo({
      kind: 'disposition',
      leadId: lead.id,
      label,
      disposition: { ...disposition, previousStage: view.lead.stage },
    });
  };

  /** Takes back this lead's pending action, never another lead's. */
  const undo = () => {
    const pending: PendingUndo | undefined = take();
    if (!pending || pending.leadId !== lead.id) return;
    if (pending.kind === 'attempt') {
      removeAttempt.mutate(pending.attemptId);
      if (pending.attemptId === latestId) setLatestId(undefined);
    } else undoDisposition.mutate(pending.disposition);
  };

  const shortcuts: Record<string, () => void> = { z: undo, '?': () => setHelpOpen((open) => !open) };
  for (const entry of LOGGABLE_CHANNELS) shortcuts[entry.key] = () => log(entry);
  useShortcuts(shortcuts);

  const latest = view.attempts.find((attempt) => attempt.id === latestId);
  const writeError = logAttempt.error ?? removeAttempt.error ?? setDisposition.error ?? undoDisposition.error;

  return (
    <article className="lead-card">
      <header>
        <h1 data-testid="lead-name">{view.lead.name}</h1>
        <p className="muted">
          {[view.lead.title, view.lead.company].filter(Boolean).join(' · ') || 'No title or company yet'}
        </p>
        <div className="row">
          <span className="chip" data-testid="lead-stage">
            {STAGE_LABEL[view.lead.stage]}
          </span>
          {view.lead.crmStage && (
            <span
              className="chip"
              data-testid="crm-stage"
              title={`The lead's stage in ${crmNameOf(view.lead)}`}
            >
              {crmNameOf(view.lead)}: {view.lead.crmStage}
            </span>
          )}
          <button
            type="button"
            className="link small"
            onClick={() => setHelpOpen(!helpOpen)}
            aria-expanded={helpOpen}
          >
            Shortcuts <kbd>?</kbd>
          </button>
        </div>
        <ContactLinks
          phone={view.lead.phone}
          email={view.lead.emails[0]}
          onCall={() => {
            const call = LOGGABLE_CHANNELS.find((entry) => entry.channel === 'call');
            if (call) log(call);
          }}
        />
        {helpOpen && <ShortcutHelp onClose={closeHelp} />}
      </header>
      {context.isError && (
        <p className="error" role="alert">
          Could not load this lead’s activity: {context.error.message}
        </p>
      )}
      <UndoBar offer={offer} onUndo={undo} />

      <ScoreSection score={view.score} crmScoreLabel={view.lead.crmScoreLabel} />
      <SlaStrip
        sla={view.sla}
        lead={view.lead}
        now={now}
        timeZone={settings.calendar.timeZone}
        onSetHandoff={
          // A CRM's lead takes its handoff date from the CRM; a local lead's is set here.
          lead.id.startsWith('hubspot:') ? undefined : (mqlAt) => updateFields.mutateAsync({ mqlAt })
        }
      />
      <AttemptLogger
        attempts={view.attempts}
        now={now}
        latest={latest}
        onLog={log}
        onAmend={(attempt) => logAttempt.mutate(attempt)}
        error={writeError ? `Not saved: ${writeError.message}` : undefined}
      />
      <MissingFields
        qualification={view.qualification}
        totalFields={settings.qualificationFields.length}
        pastSql={view.lead.stage !== 'lead' && view.lead.stage !== 'mql'}
        onSave={(patch) => updateFields.mutateAsync(patch)}
      />
      <HandBack
        stage={view.lead.stage}
        blockers={view.qualification.blockers}
        onAccept={() =>
          handBack(
            { kind: 'accept', id: crypto.randomUUID(), leadId: lead.id, at: nowIso() },
            `${view.lead.name} accepted as SQL.`,
          )
        }
        onRecycle={(kind, reason, text) =>
          handBack(
            { kind, id: crypto.randomUUID(), leadId: lead.id, at: nowIso(), reason, text },
            kind === 'recycle' ? `${view.lead.name} recycled to nurture.` : `${view.lead.name} disqualified.`,
          )
        }
      />
      <AssetSuggestions
        suggestions={view.suggestions}
        sent={view.sent}
        shared={view.shared}
        insert={async (title, url) => {
          if (tabId === undefined) return { inserted: false, reason: 'No tab to insert into' };
          return messenger.sendMessage('insertAsset', { title, url }, tabId).catch(() => ({
            inserted: false,
            reason: 'No Gmail reply is open in this tab',
          }));
        }}
        onSent={(assetId, channel) =>
          recordAssetSent.mutate({ id: crypto.randomUUID(), assetId, leadId: lead.id, at: nowIso(), channel })
        }
        onContentRequest={(text) =>
          recordContentRequest.mutateAsync({ id: crypto.randomUUID(), leadId: lead.id, at: nowIso(), text })
        }
      />
      <ContentConsumed touches={view.touches} now={now} />
    </article>
  );
}

/** Whose stage the chip shows: the CRM the lead was read from. */
function crmNameOf(lead: { crm: ReadonlyArray<{ system: string }> }): string {
  return lead.crm[0]?.system === 'salesforce' ? 'Salesforce' : 'HubSpot';
}
