import { useEffect, useState } from 'react';
import { messenger } from '@/lib/messaging/transport';
import type { Attempt, Lead } from '@/lib/model/schemas';
import { AssetSuggestions } from './card/AssetSuggestions';
import { AttemptLogger } from './card/AttemptLogger';
import { LOGGABLE_CHANNELS } from './card/attempt-defaults';
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
import { SlaStrip } from './card/SlaStrip';
import { UndoBar } from './card/UndoBar';
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

/** The card for one lead: who, how hot and why, the SLA, what is missing, what they read, what to send. */
export function LeadCard({ lead, tabId }: { lead: Lead; tabId: number | undefined }) {
  const context = useLeadContext(lead.id);
  useMarkFirstData(Boolean(context.data));
  const assets = useAssets();
  const settings = useSettings();
  const now = useNow(15_000);
  const view = useLeadView(lead, context.data ?? undefined, assets.data ?? [], settings, now);
  const { offer, offerUndo, undo } = useUndo();
  const [latestId, setLatestId] = useState<string | undefined>();
  const [helpOpen, setHelpOpen] = useState(false);

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
    offerUndo({ label: `${entry.label} logged.`, undo: () => removeAttempt.mutate(attempt.id) });
  };

  const handBack = (disposition: Parameters<typeof setDisposition.mutate>[0], label: string) => {
    setDisposition.mutate(disposition);
    offerUndo({
      label,
      undo: () => undoDisposition.mutate({ ...disposition, previousStage: view.lead.stage }),
    });
  };

  const shortcuts: Record<string, () => void> = { z: undo, '?': () => setHelpOpen((open) => !open) };
  for (const entry of LOGGABLE_CHANNELS) shortcuts[entry.key] = () => log(entry);
  useShortcuts(shortcuts);

  const latest = view.attempts.find((attempt) => attempt.id === latestId);
  const writeError = logAttempt.error ?? removeAttempt.error ?? setDisposition.error ?? undoDisposition.error;

  return (
    <article>
      <header>
        <h1 data-testid="lead-name">{view.lead.name}</h1>
        <p className="muted">
          {[view.lead.title, view.lead.company].filter(Boolean).join(' · ') || 'No title or company yet'}
        </p>
        <div className="row">
          <span className="chip" data-testid="lead-stage">
            {STAGE_LABEL[view.lead.stage]}
          </span>
          {view.lead.emails[0] && <span className="muted small">{view.lead.emails[0]}</span>}
          <button
            type="button"
            className="link small"
            onClick={() => setHelpOpen(!helpOpen)}
            aria-expanded={helpOpen}
          >
            Shortcuts <kbd>?</kbd>
          </button>
        </div>
        {helpOpen && (
          <dl className="help small" aria-label="Keyboard shortcuts">
            {LOGGABLE_CHANNELS.map((entry) => (
              <div key={entry.key}>
                <dt>
                  <kbd>{entry.key}</kbd>
                </dt>
                <dd>log {entry.label.toLowerCase()}</dd>
              </div>
            ))}
            <div>
              <dt>
                <kbd>z</kbd>
              </dt>
              <dd>undo the last action</dd>
            </div>
            <div>
              <dt>
                <kbd>?</kbd>
              </dt>
              <dd>show or hide this help</dd>
            </div>
          </dl>
        )}
      </header>
      {context.isError && (
        <p className="error" role="alert">
          Could not load this lead’s activity: {context.error.message}
        </p>
      )}
      <UndoBar offer={offer} onUndo={undo} />

      <ScoreSection score={view.score} />
      <SlaStrip sla={view.sla} now={now} timeZone={settings.calendar.timeZone} />
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
        onSave={(patch) => updateFields.mutateAsync(patch)}
      />
      <HandBack
        stage={view.lead.stage}
        blockers={view.qualification.blockers}
        onAccept={() =>
          handBack(
            { kind: 'accept', id: crypto.randomUUID(), leadId: lead.id, at: nowIso() },
            'Accepted as SQL.',
          )
        }
        onRecycle={(kind, reason, text) =>
          handBack(
            { kind, id: crypto.randomUUID(), leadId: lead.id, at: nowIso(), reason, text },
            kind === 'recycle' ? 'Recycled to nurture.' : 'Disqualified.',
          )
        }
      />
      <AssetSuggestions
        suggestions={view.suggestions}
        sent={view.sent}
        sentAssetIds={view.sentAssetIds}
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
