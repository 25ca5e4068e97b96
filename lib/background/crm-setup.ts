import { type HubSpotConnection, readConnection, saveConnection } from '../crm/connection';
import type { ContactProperty, Pipeline } from '../crm/hubspot/api';
import { HubSpotAuthError, HubSpotClient, HubSpotError } from '../crm/hubspot/client';
import { HubSpotSetup, LEGACY_SCORE_PROPERTY, matchReasonOptions } from '../crm/hubspot/setup';
import type { SetupPick } from '../messaging/protocol';
import { describeZodError, RECYCLE_REASON_LABELS } from '../model/schemas';

/** Why Leads mode is not offered, in the rep's words. */
const NO_LEADS_OBJECT =
  'This portal’s Leads object is not readable with this key: it needs Sales Hub Professional or above and the scopes crm.objects.leads.read and crm.objects.leads.write.';

const clientFor = (connection: HubSpotConnection) =>
  new HubSpotClient({ baseUrl: connection.baseUrl, token: connection.token, maxAttempts: 2 });

async function requireConnection(): Promise<HubSpotConnection> {
  const connection = await readConnection();
  if (!connection) throw new Error('Connect HubSpot first: the setup is read from the portal.');
  return connection;
}

/**
 * Owner id → name, from the Owners API. Its scope (crm.objects.owners.read) is optional: without
 * it the card says "owner 90002" instead of a name, and nothing else changes.
 */
export async function readOwnerNames(client: HubSpotClient): Promise<Record<string, string>> {
  try {
    const owners = await client.listOwners();
    return Object.fromEntries(
      owners.flatMap((owner) => {
        const name = [owner.firstName, owner.lastName]
          .filter((part) => part?.trim())
          .join(' ')
          .trim();
        const label = (name || owner.email?.trim() || '').slice(0, 200);
        return /^\d{1,20}$/.test(owner.id) && label ? [[owner.id, label]] : [];
      }),
    );
  } catch (error) {
    if (error instanceof HubSpotAuthError) return {};
    throw error;
  }
}

/** Number properties of contacts the portal's own score may be in; the legacy score is never offered. */
export const scorePropertiesFrom = (properties: readonly ContactProperty[]) =>
  properties
    .filter((property) => property.type === 'number' && property.name !== LEGACY_SCORE_PROPERTY)
    .map((property) => ({ name: property.name, label: property.label }))
    .sort((a, b) => a.label.localeCompare(b.label));

/** The Leads pipelines, or why there are none: a portal without the Leads object refuses (403) or knows no such path (404). */
async function leadPipelines(client: HubSpotClient): Promise<Pipeline[] | undefined> {
  try {
    return (await client.leadPipelines()).filter((pipeline) => !pipeline.archived);
  } catch (error) {
    if (error instanceof HubSpotAuthError || (error instanceof HubSpotError && error.status === 404))
      return undefined;
    throw error;
  }
}

/**
 * Saves a new setup on the connection as it is now, only if it is still the one the HubSpot calls
 * were made with: a disconnect (or a new token) while they ran must never be undone by this save.
 */
async function updateIfStillConnected(
  asked: HubSpotConnection,
  setupOf: (fresh: HubSpotConnection) => HubSpotSetup,
): Promise<boolean> {
  const fresh = await readConnection();
  if (!fresh || fresh.token !== asked.token || fresh.baseUrl !== asked.baseUrl) return false;
  await saveConnection({ ...fresh, setup: setupOf(fresh) });
  return true;
}

export async function readSetupChoices() {
  const connection = await requireConnection();
  const client = clientFor(connection);
  const [properties, pipelines, ownerNames] = await Promise.all([
    client.listContactProperties(),
    leadPipelines(client),
    readOwnerNames(client),
  ]);
  // Owners change: the names are refreshed whenever the setup is looked at.
  await updateIfStillConnected(connection, (fresh) => ({ ...fresh.setup, ownerNames }));
  const { setup } = connection;
  return {
    mode: setup.mode,
    current: {
      mode: setup.mode,
      ...(setup.leads ? { leads: setup.leads } : {}),
      ...(setup.scoreProperty ? { scoreProperty: setup.scoreProperty } : {}),
    },
    leads:
      pipelines && pipelines.length > 0
        ? {
            available: true as const,
            pipelines: pipelines.map((pipeline) => ({
              id: pipeline.id,
              label: pipeline.label,
              stages: [...pipeline.stages]
                .filter((stage) => !stage.archived)
                .sort((a, b) => (a.displayOrder ?? 0) - (b.displayOrder ?? 0))
                .map((stage) => ({ id: stage.id, label: stage.label })),
            })),
          }
        : { available: false as const, reason: NO_LEADS_OBJECT },
    scoreProperties: scorePropertiesFrom(properties),
  };
}

/**
 * Checks the pick against the portal (the pipeline and its stages exist, the score property is
 * a number property) and saves it with what the card needs later without asking: stage labels,
 * the reason options, the score's label and the owners' names.
 */
export async function saveSetup(pick: SetupPick): Promise<{ mode: 'contacts' | 'leads' }> {
  const connection = await requireConnection();
  const client = clientFor(connection);
  const [properties, ownerNames] = await Promise.all([
    client.listContactProperties(),
    readOwnerNames(client),
  ]);
  const score = pick.scoreProperty
    ? scorePropertiesFrom(properties).find((property) => property.name === pick.scoreProperty)
    : undefined;
  if (pick.scoreProperty && !score)
    throw new Error(
      `HubSpot setup: "${pick.scoreProperty}" is not a number property of this portal's contacts`,
    );
  let leads: HubSpotSetup['leads'] = connection.setup.leads;
  if (pick.mode === 'leads') {
    if (!pick.leads) throw new Error('HubSpot setup: Leads mode needs its pipeline and stages');
    const pipelines = await leadPipelines(client);
    if (!pipelines) throw new Error(NO_LEADS_OBJECT);
    const pipeline = pipelines.find((p) => p.id === pick.leads?.pipelineId);
    if (!pipeline)
      throw new Error(`HubSpot setup: the portal has no Leads pipeline "${pick.leads.pipelineId}"`);
    const stageIds = new Set(pipeline.stages.map((stage) => stage.id));
    const { workStageIds, qualifiedStageId, unqualifiedStageId, handoffStageId } = pick.leads;
    const unknown = [...workStageIds, qualifiedStageId, unqualifiedStageId, handoffStageId].filter(
      (id) => !stageIds.has(id),
    );
    if (unknown.length > 0)
      throw new Error(`HubSpot setup: ${pipeline.label} has no stage ${[...new Set(unknown)].join(', ')}`);
    const reasonProperty = (await client.listProperties('leads')).find(
      (property) => property.name === 'hs_lead_disqualification_reason',
    );
    leads = {
      ...pick.leads,
      // The portal names its stages as it likes: cut to what the setup keeps, nameless ones left out.
      stageLabels: Object.fromEntries(
        pipeline.stages.flatMap((stage) =>
          stage.label.trim() ? [[stage.id, stage.label.trim().slice(0, 120)]] : [],
        ),
      ),
      reasonOptions: matchReasonOptions(reasonProperty?.options ?? [], RECYCLE_REASON_LABELS),
    };
  }
  const setup = HubSpotSetup.safeParse({
    mode: pick.mode,
    leads,
    scoreProperty: score?.name,
    scoreLabel: score?.label.trim().slice(0, 100) || undefined,
    ownerNames,
  });
  if (!setup.success) throw new Error(`HubSpot setup: ${describeZodError(setup.error)}`);
  const saved = await updateIfStillConnected(connection, () => setup.data);
  if (!saved) throw new Error('HubSpot was disconnected or reconnected meanwhile: the setup was not saved.');
  return { mode: setup.data.mode };
}
