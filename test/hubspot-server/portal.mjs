/**
 * The test portal's data: contacts, leads, engagements (calls, emails, communications, notes), their
 * associations and every property's history, with HubSpot's validation, search and paging rules as
 * far as Baton uses them. No HTTP here: server.mjs maps requests onto these methods.
 */
import { randomUUID } from 'node:crypto';
import {
  ALWAYS_RETURNED,
  CONTACT_PROPERTIES,
  DEFAULT_PROPERTIES,
  ENGAGEMENT_PROPERTIES,
  LEAD_PIPELINES,
  LEAD_PROPERTIES,
  MAX_TEXT_LENGTH,
  OWNERS,
} from './properties.mjs';

/** @typedef {'contacts' | 'leads' | 'calls' | 'emails' | 'communications' | 'notes'} ObjectType */
/** @typedef {'calls' | 'emails' | 'communications' | 'notes'} EngagementType */
/** @typedef {import('./properties.mjs').PropertyDefinition} PropertyDefinition */
/**
 * One write of a property, as `propertiesWithHistory` lists it. `sourceType`: `CRM_UI` for seeded
 * values, `INTEGRATION` for API writes, `CALCULATED` for values the server derives (stage dates,
 * owner assigned date, primary contact).
 * @typedef {{ value: string, timestamp: string, sourceType: string, sourceId?: string, updatedByUserId?: number }} HistoryEntry
 * @typedef {{ id: string, properties: Record<string, string | null>, createdAt: string, updatedAt: string, archived: boolean, malformed?: boolean, history: Record<string, HistoryEntry[]> }} CrmRecord
 * @typedef {{ id: string, properties: Record<string, string | null>, createdAt: string, updatedAt: string, archived: false, propertiesWithHistory?: Record<string, HistoryEntry[]> }} CrmObject
 * @typedef {{ at: string, sourceType: string, sourceId?: string, updatedByUserId?: number }} WriteSource
 */

/** The source id API writes carry in their history (the test server's "app"). */
export const INTEGRATION_SOURCE_ID = 'baton-test-server';

/** @type {EngagementType[]} */
export const ENGAGEMENT_TYPES = ['calls', 'emails', 'communications', 'notes'];
/** @type {ObjectType[]} */
export const OBJECT_TYPES = ['contacts', 'leads', ...ENGAGEMENT_TYPES];

/**
 * HUBSPOT_DEFINED association type ids between each engagement type and contacts, both directions.
 * call→contact 194 and note→contact 202 are in the notes (seen in public code); email→contact 198
 * likewise. communication→contact is 81 (HubSpot's communications guide associates a contact with
 * 81; 82 is the reverse, contact→communication).
 */
export const ASSOCIATION_TYPE_IDS = {
  calls: { toContact: 194, fromContact: 193 },
  emails: { toContact: 198, fromContact: 197 },
  communications: { toContact: 81, fromContact: 82 },
  notes: { toContact: 202, fromContact: 201 },
};

/**
 * HUBSPOT_DEFINED association type ids with leads. Seen in public code: 578 lead → contact (the one a
 * lead is created with) and 580 lead → company (no companies here). The others are the server's own
 * choice (HubSpot's docs did not give them): 579 contact → lead, and per engagement type
 * `toLead` (engagement → lead) / `fromLead` (lead → engagement). A client should not hard-code them:
 * the default association PUT needs none, and listings name them.
 */
export const LEAD_ASSOCIATION_TYPE_IDS = {
  contacts: { fromLead: 578, toLead: 579 },
  companies: { fromLead: 580 },
  calls: { toLead: 596, fromLead: 597 },
  emails: { toLead: 598, fromLead: 599 },
  communications: { toLead: 600, fromLead: 601 },
  notes: { toLead: 602, fromLead: 603 },
};

/** Object names HubSpot accepts in paths: plural, singular and object type ids. */
const OBJECT_ALIASES = /** @type {Record<string, ObjectType>} */ ({
  contacts: 'contacts',
  contact: 'contacts',
  '0-1': 'contacts',
  leads: 'leads',
  lead: 'leads',
  '0-136': 'leads',
  calls: 'calls',
  call: 'calls',
  '0-48': 'calls',
  emails: 'emails',
  email: 'emails',
  '0-49': 'emails',
  communications: 'communications',
  communication: 'communications',
  '0-18': 'communications',
  notes: 'notes',
  note: 'notes',
  '0-46': 'notes',
});

/** @param {string} segment @returns {ObjectType | undefined} */
export const objectTypeOf = (segment) => OBJECT_ALIASES[segment.toLowerCase()];

/** @param {string} category @param {string} message @param {Record<string, unknown>} [extra] */
export const errorBody = (category, message, extra = {}) => ({
  status: 'error',
  message,
  correlationId: randomUUID(),
  category,
  ...extra,
});

/** An error answer: HTTP status plus HubSpot's error body. */
export class ApiError extends Error {
  /** @param {number} status @param {string} category @param {string} message @param {Record<string, unknown>} [extra] */
  constructor(status, category, message, extra = {}) {
    super(message);
    this.status = status;
    this.body = errorBody(category, message, extra);
  }
}

/** @param {string} message */
const badRequest = (message) => new ApiError(400, 'VALIDATION_ERROR', message);

/** @param {string} fromType @param {string} toType */
const noAssociation = (fromType, toType) =>
  badRequest(`There is no default association from ${fromType} to ${toType} on the test server`);

/** @typedef {{ name: string, error: string, message: string }} PropertyIssue */

/** HubSpot's "Property values were not valid" answer. @param {PropertyIssue[]} issues */
function invalidProperties(issues) {
  const detail = issues.map((issue) => ({
    isValid: false,
    message: issue.message,
    error: issue.error,
    name: issue.name,
    localizedErrorMessage: issue.message,
  }));
  return new ApiError(400, 'VALIDATION_ERROR', `Property values were not valid: ${JSON.stringify(detail)}`, {
    errors: issues.map((issue) => ({
      message: issue.message,
      code: issue.error,
      context: { propertyName: [issue.name] },
    })),
  });
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const SEARCH_OPERATORS = new Set([
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
]);

/** @param {string} value */
function toMillis(value) {
  if (/^-?\d+$/.test(value)) return Number(value);
  return Date.parse(value);
}

/** Seed values as stored: strings or null; undefined left out. @param {Record<string, string | number | null | undefined>} properties */
function plainValues(properties) {
  /** @type {Record<string, string | null>} */
  const out = {};
  for (const [name, value] of Object.entries(properties)) {
    if (value !== undefined) out[name] = value === null ? null : String(value);
  }
  return out;
}

/** An API write's history source. @param {string} at @returns {WriteSource} */
const apiSource = (at) => ({ at, sourceType: 'INTEGRATION', sourceId: INTEGRATION_SOURCE_ID });

/** @param {unknown} value */
const isPlainObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** @param {unknown} value @returns {string | undefined} */
function scalar(value) {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Words of a text value, and their parts split at punctuation other than - _ . @ (lower case). @param {string} value */
function tokensOf(value) {
  const tokens = new Set([value.toLowerCase()]);
  for (const word of value.toLowerCase().split(/\s+/)) {
    if (!word) continue;
    tokens.add(word);
    for (const part of word.split(/[^\p{L}\p{N}@._-]+/u)) if (part) tokens.add(part);
  }
  return tokens;
}

/** @param {string} pattern */
function wildcard(pattern) {
  const escaped = pattern
    .toLowerCase()
    .split('*')
    .map((piece) => piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${escaped}$`, 's');
}

export class Portal {
  /** @param {{ now?: () => number }} [options] */
  constructor({ now = Date.now } = {}) {
    this.now = now;
    /** @type {Record<ObjectType, Map<string, CrmRecord>>} */
    this.objects = {
      contacts: new Map(),
      leads: new Map(),
      calls: new Map(),
      emails: new Map(),
      communications: new Map(),
      notes: new Map(),
    };
    /**
     * Associations, both directions: `type:id` → other type → its ids, in the order they were made.
     * @type {Map<string, Map<ObjectType, Set<string>>>}
     */
    this.edges = new Map();
    this.nextEngagementId = 70001;
    this.nextLeadId = 80001;
    /** @type {Record<ObjectType, Map<string, PropertyDefinition>>} */
    this.definitions = {
      contacts: new Map(CONTACT_PROPERTIES.map((p) => [p.name, p])),
      leads: new Map(LEAD_PROPERTIES.map((p) => [p.name, p])),
      calls: new Map(ENGAGEMENT_PROPERTIES.calls.map((p) => [p.name, p])),
      emails: new Map(ENGAGEMENT_PROPERTIES.emails.map((p) => [p.name, p])),
      communications: new Map(ENGAGEMENT_PROPERTIES.communications.map((p) => [p.name, p])),
      notes: new Map(ENGAGEMENT_PROPERTIES.notes.map((p) => [p.name, p])),
    };
  }

  /** @param {number} [ms] */
  iso(ms = this.now()) {
    return new Date(ms).toISOString();
  }

  // --- raw writes (seeding) ---

  /**
   * Stores a record as given (no validation): for seeding. Each value goes into the history at
   * `createdAt` (`CRM_UI`) unless `source` says otherwise.
   * @param {ObjectType} type @param {string} id @param {Record<string, string | number | null | undefined>} properties
   * @param {{ createdAt: string, updatedAt?: string }} times @param {WriteSource} [source]
   */
  insert(type, id, properties, times, source = { at: times.createdAt, sourceType: 'CRM_UI' }) {
    /** @type {CrmRecord} */
    const record = {
      id,
      properties: {},
      createdAt: times.createdAt,
      updatedAt: times.updatedAt ?? times.createdAt,
      archived: false,
      history: {},
    };
    this.write(type, record, plainValues(properties), source);
    this.stamp(type, record);
    this.objects[type].set(id, record);
    if (type === 'leads') this.nextLeadId = Math.max(this.nextLeadId, Number(id) + 1);
    else if (type !== 'contacts') this.nextEngagementId = Math.max(this.nextEngagementId, Number(id) + 1);
    return record;
  }

  /**
   * Writes values as seeded at a given time (no validation, `updatedAt` unchanged): for seeding a
   * record's history, e.g. an earlier owner, or a series of conversions.
   * @param {ObjectType} type @param {string} id @param {Record<string, string | number | null | undefined>} properties
   * @param {string} at @param {string} [sourceType]
   */
  seedWrite(type, id, properties, at, sourceType = 'CRM_UI') {
    const record = this.objects[type].get(id);
    if (!record) throw new Error(`seedWrite: no ${type} ${id}`);
    return this.write(type, record, plainValues(properties), { at, sourceType });
  }

  /**
   * Sets values and appends each to the property's history; derives what HubSpot derives from them:
   * a contact's `hubspot_owner_assigneddate` when its owner changes, a lead's
   * `hs_date_entered_<stage>` / `hs_date_exited_<previous stage>` when its stage changes (the latest
   * entry and exit; `CALCULATED` in the history). Returns the written values, derived ones included.
   * @param {ObjectType} type @param {CrmRecord} record @param {Record<string, string | null>} changes
   * @param {WriteSource} source @returns {Record<string, string | null>}
   */
  write(type, record, changes, source) {
    /** @type {Record<string, string | null>} */
    const derived = {};
    const changed = (/** @type {string} */ name) =>
      name in changes && (changes[name] ?? null) !== (record.properties[name] ?? null);
    if (type === 'contacts' && changed('hubspot_owner_id') && !('hubspot_owner_assigneddate' in changes)) {
      derived.hubspot_owner_assigneddate = changes.hubspot_owner_id ? source.at : null;
    }
    if (type === 'leads' && changed('hs_pipeline_stage')) {
      const from = record.properties.hs_pipeline_stage;
      const to = changes.hs_pipeline_stage;
      if (to) derived[`hs_date_entered_${to}`] = source.at;
      if (from) derived[`hs_date_exited_${from}`] = source.at;
    }
    for (const [name, value] of Object.entries(changes)) this.setValue(record, name, value, source);
    for (const [name, value] of Object.entries(derived)) {
      if (!(name in changes)) this.setValue(record, name, value, { at: source.at, sourceType: 'CALCULATED' });
    }
    return { ...derived, ...changes };
  }

  /** @param {CrmRecord} record @param {string} name @param {string | null} value @param {WriteSource} source */
  setValue(record, name, value, source) {
    record.properties[name] = value;
    const entries = record.history[name] ?? [];
    entries.push({
      value: value ?? '',
      timestamp: source.at,
      sourceType: source.sourceType,
      ...(source.sourceId === undefined ? {} : { sourceId: source.sourceId }),
      ...(source.updatedByUserId === undefined ? {} : { updatedByUserId: source.updatedByUserId }),
    });
    record.history[name] = entries;
  }

  /** Keeps the id and date properties in step with the record. @param {ObjectType} type @param {CrmRecord} record */
  stamp(type, record) {
    record.properties.hs_object_id = record.id;
    if (type === 'contacts') {
      record.properties.createdate = record.createdAt;
      record.properties.lastmodifieddate = record.updatedAt;
    } else {
      if (type === 'leads') record.properties.createdate = record.createdAt;
      record.properties.hs_createdate = record.createdAt;
      record.properties.hs_lastmodifieddate = record.updatedAt;
    }
  }

  /** @param {EngagementType} type @param {string} engagementId @param {string} contactId */
  link(type, engagementId, contactId) {
    this.associate(type, engagementId, 'contacts', contactId);
  }

  /**
   * Associates two records, both directions; nothing changes when they already are. A lead keeps its
   * first associated contact in `hs_primary_contact_id`.
   * @param {ObjectType} fromType @param {string} fromId @param {ObjectType} toType @param {string} toId
   * @param {string} [at] when (for the primary contact's history)
   */
  associate(fromType, fromId, toType, toId, at = this.iso()) {
    /** @param {ObjectType} a @param {string} aId @param {ObjectType} b @param {string} bId */
    const add = (a, aId, b, bId) => {
      const key = `${a}:${aId}`;
      const byType = this.edges.get(key) ?? new Map();
      const ids = byType.get(b) ?? new Set();
      ids.add(bId);
      byType.set(b, ids);
      this.edges.set(key, byType);
    };
    add(fromType, fromId, toType, toId);
    add(toType, toId, fromType, fromId);
    const leadId = fromType === 'leads' && toType === 'contacts' ? fromId : null;
    const reverseLeadId = toType === 'leads' && fromType === 'contacts' ? toId : null;
    const lead = this.objects.leads.get(leadId ?? reverseLeadId ?? '');
    if (lead) {
      const primary = this.linkedIds('leads', lead.id, 'contacts')[0] ?? null;
      if (primary !== (lead.properties.hs_primary_contact_id ?? null)) {
        this.setValue(lead, 'hs_primary_contact_id', primary, { at, sourceType: 'CALCULATED' });
      }
    }
  }

  /**
   * Ids of the live `toType` records associated with a record, in the order they were associated
   * (`sorted`: by id).
   * @param {ObjectType} fromType @param {string} fromId @param {ObjectType} toType @param {{ sorted?: boolean }} [options]
   */
  linkedIds(fromType, fromId, toType, { sorted = false } = {}) {
    const ids = [...(this.edges.get(`${fromType}:${fromId}`)?.get(toType) ?? [])].filter((id) =>
      this.find(toType, id),
    );
    return sorted ? ids.sort((a, b) => Number(a) - Number(b)) : ids;
  }

  /**
   * The HUBSPOT_DEFINED association type id from one type to another, or undefined when the server
   * knows no association between them.
   * @param {ObjectType} fromType @param {ObjectType} toType @returns {number | undefined}
   */
  associationTypeId(fromType, toType) {
    const engagement = (/** @type {ObjectType} */ t) =>
      /** @type {readonly string[]} */ (ENGAGEMENT_TYPES).includes(t)
        ? /** @type {EngagementType} */ (t)
        : undefined;
    const fromEngagement = engagement(fromType);
    const toEngagement = engagement(toType);
    if (fromEngagement && toType === 'contacts') return ASSOCIATION_TYPE_IDS[fromEngagement].toContact;
    if (fromType === 'contacts' && toEngagement) return ASSOCIATION_TYPE_IDS[toEngagement].fromContact;
    if (fromType === 'leads' && toType === 'contacts') return LEAD_ASSOCIATION_TYPE_IDS.contacts.fromLead;
    if (fromType === 'contacts' && toType === 'leads') return LEAD_ASSOCIATION_TYPE_IDS.contacts.toLead;
    if (fromType === 'leads' && toEngagement) return LEAD_ASSOCIATION_TYPE_IDS[toEngagement].fromLead;
    if (fromEngagement && toType === 'leads') return LEAD_ASSOCIATION_TYPE_IDS[fromEngagement].toLead;
    return undefined;
  }

  // --- reads ---

  /** @param {ObjectType} type @param {string} id */
  find(type, id) {
    const record = this.objects[type].get(id);
    return record && !record.archived ? record : undefined;
  }

  /** @param {string} email */
  findContactByEmail(email) {
    const wanted = email.trim().toLowerCase();
    for (const record of this.objects.contacts.values()) {
      if (!record.archived && record.properties.email?.toLowerCase() === wanted) return record;
    }
    return undefined;
  }

  /**
   * Which properties an answer carries: the requested ones the type defines (unknown names are left
   * out, as HubSpot does) plus the always-returned ones; the defaults when none are requested.
   * @param {ObjectType} type @param {readonly string[] | undefined} requested
   */
  propertiesFor(type, requested) {
    const kind = type === 'contacts' || type === 'leads' ? type : 'engagement';
    if (!requested || requested.length === 0) return DEFAULT_PROPERTIES[kind];
    const defined = this.definitions[type];
    return [...new Set([...requested.filter((name) => defined.has(name)), ...ALWAYS_RETURNED[kind]])];
  }

  /**
   * A record as the API answers it; with `withHistory` (property names), also `propertiesWithHistory`:
   * for each of those the type defines, its writes newest first.
   * @param {ObjectType} type @param {CrmRecord} record @param {readonly string[] | undefined} requested
   * @param {readonly string[]} [withHistory] @returns {CrmObject}
   */
  view(type, record, requested, withHistory = []) {
    if (record.malformed) {
      return /** @type {CrmObject} */ (
        /** @type {unknown} */ ({
          id: record.id,
          properties: null,
          createdAt: record.createdAt,
          archived: false,
        })
      );
    }
    /** @type {Record<string, string | null>} */
    const properties = {};
    for (const name of this.propertiesFor(type, requested))
      properties[name] = record.properties[name] ?? null;
    /** @type {CrmObject} */
    const object = {
      id: record.id,
      properties,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      archived: false,
    };
    if (withHistory.length > 0) {
      /** @type {Record<string, HistoryEntry[]>} */
      const history = {};
      for (const name of withHistory) {
        if (!this.definitions[type].has(name)) continue;
        const entries = (record.history[name] ?? []).map((entry, index) => ({ entry, index }));
        // Newest first; writes at the same instant: the later write first.
        entries.sort(
          (a, b) => Date.parse(b.entry.timestamp) - Date.parse(a.entry.timestamp) || b.index - a.index,
        );
        history[name] = entries.map(({ entry }) => ({ ...entry }));
      }
      object.propertiesWithHistory = history;
    }
    return object;
  }

  /**
   * GET /crm/objects/{v}/{contacts|leads}/{id}: by record id, or (contacts) by e-mail with `idProperty=email`.
   * @param {'contacts' | 'leads'} type @param {string} id @param {string | null} idProperty
   * @param {string[] | undefined} properties @param {string[]} [withHistory]
   */
  getObject(type, id, idProperty, properties, withHistory = []) {
    const record = this.findBy(type, id, idProperty);
    if (!record) throw new ApiError(404, 'OBJECT_NOT_FOUND', 'resource not found');
    return this.view(type, record, properties, withHistory);
  }

  /** @param {string} id @param {string | null} idProperty @param {string[] | undefined} properties @param {string[]} [withHistory] */
  getContact(id, idProperty, properties, withHistory = []) {
    return this.getObject('contacts', id, idProperty, properties, withHistory);
  }

  /** @param {'contacts' | 'leads'} type @param {string} id @param {string | null} idProperty */
  findBy(type, id, idProperty) {
    const unique = type === 'contacts' ? ['email', 'hs_object_id'] : ['hs_object_id'];
    if (idProperty && !unique.includes(idProperty)) {
      throw badRequest(
        `idProperty "${idProperty}" is not a unique property of ${type} (the test server knows ${unique.join(' and ')})`,
      );
    }
    return type === 'contacts' && idProperty === 'email' ? this.findContactByEmail(id) : this.find(type, id);
  }

  // --- validation ---

  /**
   * Checks and normalises a `properties` object for a write; throws HubSpot's 400 on any problem.
   * Empty string or null clears a value.
   * @param {ObjectType} type @param {unknown} input @returns {Record<string, string | null>}
   */
  validateProperties(type, input) {
    if (!isPlainObject(input)) throw badRequest('properties must be an object of property name → value');
    const definitions = this.definitions[type];
    /** @type {PropertyIssue[]} */
    const issues = [];
    /** @type {Record<string, string | null>} */
    const out = {};
    for (const [name, raw] of Object.entries(/** @type {Record<string, unknown>} */ (input))) {
      const def = definitions.get(name);
      if (!def) {
        issues.push({ name, error: 'PROPERTY_DOESNT_EXIST', message: `Property "${name}" does not exist` });
        continue;
      }
      if (def.modificationMetadata.readOnlyValue) {
        issues.push({
          name,
          error: 'READ_ONLY_VALUE',
          message: `"${name}" is a read only property; its value cannot be set.`,
        });
        continue;
      }
      if (raw === null || raw === '') {
        out[name] = null;
        continue;
      }
      const value = scalar(raw);
      if (value === undefined) {
        issues.push({
          name,
          error: 'INVALID_TYPE',
          message: `${JSON.stringify(raw)} is not a string, number or boolean`,
        });
        continue;
      }
      if (value.length > MAX_TEXT_LENGTH) {
        issues.push({
          name,
          error: 'INVALID_LENGTH',
          message: `value is longer than ${MAX_TEXT_LENGTH} characters`,
        });
        continue;
      }
      const checked = this.checkValue(def, value);
      if (typeof checked === 'string') out[name] = checked;
      else issues.push({ name, ...checked });
    }
    if (issues.length > 0) throw invalidProperties(issues);
    return out;
  }

  /** @param {PropertyDefinition} def @param {string} value @returns {string | { error: string, message: string }} */
  checkValue(def, value) {
    if (def.type === 'number') {
      const n = Number(value);
      return value.trim() !== '' && Number.isFinite(n)
        ? String(n)
        : { error: 'INVALID_INTEGER', message: `${value} was not a valid number.` };
    }
    if (def.type === 'datetime' || def.type === 'date') {
      const ms = toMillis(value);
      return Number.isFinite(ms)
        ? new Date(ms).toISOString()
        : {
            error: 'INVALID_DATETIME',
            message: `${value} was not a valid date: use epoch milliseconds or ISO 8601`,
          };
    }
    if (def.type === 'enumeration' && def.referencedObjectType === 'OWNER') {
      return OWNERS.some((owner) => owner.id === value)
        ? value
        : { error: 'INVALID_OWNER_ID', message: `${value} is not a valid owner id` };
    }
    if (def.type === 'enumeration' && def.options.length > 0) {
      const allowed = def.options.map((option) => option.value);
      const chosen = def.fieldType === 'checkbox' ? value.split(';') : [value];
      const bad = chosen.find((choice) => !allowed.includes(choice));
      return bad === undefined
        ? value
        : {
            error: 'INVALID_OPTION',
            message: `${bad} was not one of the allowed options: [${allowed.join(', ')}]`,
          };
    }
    if (def.name === 'email') {
      return EMAIL.test(value.trim())
        ? value.trim().toLowerCase()
        : { error: 'INVALID_EMAIL', message: `Email address ${value} is invalid` };
    }
    return value;
  }

  // --- writes ---

  /**
   * PATCH /crm/objects/{v}/{contacts|leads}/{id}. Contacts: an e-mail of another contact is a 409;
   * a new lifecycle stage records its "Became a … Date" if not yet set. Leads: the stage must be one
   * of the lead's pipeline; a stage change records the entered and exited dates.
   * @param {'contacts' | 'leads'} type @param {string} id @param {string | null} idProperty @param {unknown} body
   */
  updateObject(type, id, idProperty, body) {
    const record = this.findBy(type, id, idProperty);
    if (!record) throw new ApiError(404, 'OBJECT_NOT_FOUND', 'resource not found');
    if (!isPlainObject(body)) throw badRequest('Request body must be an object with "properties"');
    const changes = this.validateProperties(type, /** @type {{ properties?: unknown }} */ (body).properties);
    if (type === 'leads') this.checkLeadPipeline(changes, record);
    const email = type === 'contacts' ? changes.email : undefined;
    if (email) {
      const other = this.findContactByEmail(email);
      if (other && other.id !== record.id) {
        throw new ApiError(409, 'CONFLICT', `Contact already exists. Existing ID: ${other.id}`);
      }
    }
    const now = this.iso();
    // HubSpot records when a contact enters a stage ("Became a … Date").
    const stage = type === 'contacts' ? changes.lifecyclestage : undefined;
    if (stage) {
      const dateProperty = `hs_lifecyclestage_${stage}_date`;
      if (this.definitions.contacts.has(dateProperty) && !record.properties[dateProperty]) {
        changes[dateProperty] = now;
      }
    }
    const written = this.write(type, record, changes, apiSource(now));
    record.updatedAt = now;
    this.stamp(type, record);
    return this.view(type, record, Object.keys(written));
  }

  /** PATCH /crm/objects/{v}/contacts/{id}. @param {string} id @param {string | null} idProperty @param {unknown} body */
  updateContact(id, idProperty, body) {
    return this.updateObject('contacts', id, idProperty, body);
  }

  /**
   * A lead's pipeline and stage: both required, the stage one of the pipeline's.
   * @param {Record<string, string | null>} changes @param {CrmRecord} [record]
   */
  checkLeadPipeline(changes, record) {
    const pipelineId = 'hs_pipeline' in changes ? changes.hs_pipeline : record?.properties.hs_pipeline;
    const stageId =
      'hs_pipeline_stage' in changes ? changes.hs_pipeline_stage : record?.properties.hs_pipeline_stage;
    const pipeline = LEAD_PIPELINES.find((p) => p.id === pipelineId);
    if (!pipeline) {
      throw invalidProperties([
        { name: 'hs_pipeline', error: 'REQUIRED_PROPERTY', message: 'A lead needs a pipeline (hs_pipeline)' },
      ]);
    }
    if (!stageId) {
      throw invalidProperties([
        {
          name: 'hs_pipeline_stage',
          error: 'REQUIRED_PROPERTY',
          message: 'A lead needs a stage (hs_pipeline_stage)',
        },
      ]);
    }
    if (!pipeline.stages.some((s) => s.id === stageId)) {
      throw invalidProperties([
        {
          name: 'hs_pipeline_stage',
          error: 'INVALID_OPTION',
          message: `${stageId} is not a stage of pipeline ${pipeline.id}: [${pipeline.stages.map((s) => s.id).join(', ')}]`,
        },
      ]);
    }
  }

  /**
   * POST /crm/objects/{v}/leads: `hs_lead_name` required, and an association to an existing contact
   * (HUBSPOT_DEFINED 578). Starts in the first stage of its pipeline (the default one) unless a stage
   * is given. Validates everything, then applies it at once.
   * @param {unknown} body
   */
  createLead(body) {
    if (!isPlainObject(body)) throw badRequest('Request body must be an object with "properties"');
    const input = /** @type {{ properties?: unknown, associations?: unknown }} */ (body);
    const properties = this.validateProperties('leads', input.properties ?? {});
    if (!properties.hs_lead_name) {
      throw invalidProperties([
        {
          name: 'hs_lead_name',
          error: 'REQUIRED_PROPERTY',
          message: 'hs_lead_name is required to create a lead',
        },
      ]);
    }
    const pipeline = LEAD_PIPELINES.find((p) => p.id === properties.hs_pipeline) ?? LEAD_PIPELINES[0];
    if (pipeline && !properties.hs_pipeline) properties.hs_pipeline = pipeline.id;
    if (pipeline && !properties.hs_pipeline_stage)
      properties.hs_pipeline_stage = pipeline.stages[0]?.id ?? null;
    this.checkLeadPipeline(properties);
    const contactIds = this.checkLeadAssociations(input.associations);
    const id = String(this.nextLeadId++);
    const now = this.iso();
    const record = this.insert('leads', id, properties, { createdAt: now }, apiSource(now));
    for (const contactId of contactIds) this.associate('leads', id, 'contacts', contactId, now);
    return this.view('leads', record, [...Object.keys(record.history), 'hs_primary_contact_id']);
  }

  /** @param {unknown} associations @returns {string[]} the contact ids, at least one */
  checkLeadAssociations(associations) {
    const expected = LEAD_ASSOCIATION_TYPE_IDS.contacts.fromLead;
    const needed = () =>
      badRequest(
        `A lead must be associated with an existing contact: send associations [{ to: { id: CONTACT_ID }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: ${expected} }] }]`,
      );
    if (associations === undefined || (Array.isArray(associations) && associations.length === 0))
      throw needed();
    if (!Array.isArray(associations)) throw badRequest('associations must be an array');
    return this.contactTargets(associations, expected, 'leads', 'lead to contact', 'the lead');
  }

  /**
   * POST /crm/objects/{v}/{engagement type}: validates everything, then applies it at once.
   * @param {EngagementType} type @param {unknown} body
   */
  createEngagement(type, body) {
    if (!isPlainObject(body)) throw badRequest('Request body must be an object with "properties"');
    const input = /** @type {{ properties?: unknown, associations?: unknown }} */ (body);
    const properties = this.validateProperties(type, input.properties);
    if (!properties.hs_timestamp) {
      throw invalidProperties([
        {
          name: 'hs_timestamp',
          error: 'REQUIRED_PROPERTY',
          message: 'hs_timestamp is required to create an activity',
        },
      ]);
    }
    const contactIds = this.checkAssociations(type, input.associations);
    const id = String(this.nextEngagementId++);
    const now = this.iso();
    const record = this.insert(type, id, properties, { createdAt: now }, apiSource(now));
    for (const contactId of contactIds) this.link(type, id, contactId);
    return this.view(type, record, Object.keys(properties));
  }

  /** @param {EngagementType} type @param {unknown} associations @returns {string[]} */
  checkAssociations(type, associations) {
    if (associations === undefined) return [];
    if (!Array.isArray(associations)) throw badRequest('associations must be an array');
    const expected = ASSOCIATION_TYPE_IDS[type].toContact;
    return this.contactTargets(
      associations,
      expected,
      type,
      `${type.replace(/s$/, '')} to contact`,
      'the association',
    );
  }

  /**
   * The contact ids of a create's `associations`, each checked: a target id, the one association
   * type the test server knows for `from`, and an existing contact.
   * @param {unknown[]} associations @param {number} expected @param {string} from @param {string} kind @param {string} what
   * @returns {string[]}
   */
  contactTargets(associations, expected, from, kind, what) {
    /** @type {string[]} */
    const contactIds = [];
    for (const association of associations) {
      const to = isPlainObject(association) ? /** @type {{ to?: unknown }} */ (association).to : undefined;
      const toId = isPlainObject(to) ? scalar(/** @type {{ id?: unknown }} */ (to).id) : undefined;
      const types = isPlainObject(association)
        ? /** @type {{ types?: unknown }} */ (association).types
        : undefined;
      if (toId === undefined || !Array.isArray(types) || types.length === 0) {
        throw badRequest('Each association needs to.id and a non-empty types array');
      }
      for (const spec of types) {
        const category = isPlainObject(spec) ? spec.associationCategory : undefined;
        const typeId = isPlainObject(spec) ? spec.associationTypeId : undefined;
        if (category !== 'HUBSPOT_DEFINED' || Number(typeId) !== expected) {
          throw badRequest(
            `Invalid association type ${String(category)}/${String(typeId)} from ${from}: the test server knows ` +
              `only HUBSPOT_DEFINED/${expected} (${kind})`,
          );
        }
      }
      if (!this.find('contacts', toId)) {
        throw badRequest(`Could not create ${what}: contact ${toId} does not exist`);
      }
      contactIds.push(toId);
    }
    return contactIds;
  }

  /** DELETE /crm/objects/{v}/{type}/{id}: moves the record to the recycle bin (archived). @param {ObjectType} type @param {string} id */
  archive(type, id) {
    const record = this.objects[type].get(id);
    if (!record || record.archived) return false;
    record.archived = true;
    record.updatedAt = this.iso();
    return true;
  }

  // --- search ---

  /**
   * POST /crm/objects/{v}/{type}/search.
   * @param {ObjectType} type @param {unknown} body
   */
  search(type, body) {
    if (!isPlainObject(body)) throw badRequest('Search body must be an object');
    const request = /** @type {Record<string, unknown>} */ (body);
    if (request.query !== undefined)
      throw badRequest('"query" (free-text search) is not implemented by the test server');
    const limit = request.limit === undefined ? 10 : Number(request.limit);
    if (!Number.isInteger(limit) || limit < 0 || limit > 200) {
      throw badRequest(`limit must be an integer between 0 and 200, got ${JSON.stringify(request.limit)}`);
    }
    const offset = request.after === undefined || request.after === null ? 0 : Number(request.after);
    if (!Number.isInteger(offset) || offset < 0)
      throw badRequest(`after is not a valid paging cursor: ${String(request.after)}`);
    if (offset + limit > 10_000) throw badRequest('Search can page through at most 10,000 results');
    const properties = request.properties;
    if (
      properties !== undefined &&
      (!Array.isArray(properties) || properties.some((p) => typeof p !== 'string'))
    ) {
      throw badRequest('properties must be an array of property names');
    }
    const groups = this.checkFilterGroups(type, request.filterGroups);
    const compare = this.sorter(type, request.sorts);

    const matches = [...this.objects[type].values()]
      .filter((record) => !record.archived)
      .filter(
        (record) =>
          groups.length === 0 ||
          groups.some((filters) => filters.every((f) => this.matches(type, record, f))),
      )
      .sort(compare);
    const page = matches.slice(offset, offset + limit);
    const next =
      offset + limit < matches.length ? { paging: { next: { after: String(offset + limit) } } } : {};
    return {
      total: matches.length,
      results: page.map((record) =>
        this.view(type, record, /** @type {string[] | undefined} */ (properties)),
      ),
      ...next,
    };
  }

  /**
   * @typedef {{ propertyName: string, operator: string, value?: string, highValue?: string, values?: string[] }} Filter
   * @param {ObjectType} type @param {unknown} input @returns {Filter[][]}
   */
  checkFilterGroups(type, input) {
    if (input === undefined) return [];
    if (!Array.isArray(input)) throw badRequest('filterGroups must be an array');
    if (input.length > 5) throw badRequest('At most 5 filterGroups are allowed');
    let count = 0;
    const groups = input.map((group) => {
      const filters = isPlainObject(group) ? /** @type {{ filters?: unknown }} */ (group).filters : undefined;
      if (!Array.isArray(filters)) throw badRequest('Each filter group needs a filters array');
      if (filters.length > 6) throw badRequest('At most 6 filters are allowed in a group');
      count += filters.length;
      return filters.map((filter) => this.checkFilter(type, filter));
    });
    if (count > 18) throw badRequest('At most 18 filters are allowed in total');
    return groups;
  }

  /** @param {ObjectType} type @param {unknown} input @returns {Filter} */
  checkFilter(type, input) {
    if (!isPlainObject(input)) throw badRequest('A filter must be an object');
    const filter = /** @type {Record<string, unknown>} */ (input);
    const propertyName = filter.propertyName;
    const operator = filter.operator;
    if (typeof propertyName !== 'string' || !this.definitions[type].has(propertyName)) {
      throw badRequest(`Cannot filter on unknown property "${String(propertyName)}" of ${type}`);
    }
    if (typeof operator !== 'string' || !SEARCH_OPERATORS.has(operator)) {
      throw badRequest(`Unknown filter operator ${JSON.stringify(operator)}`);
    }
    /** @type {Filter} */
    const out = { propertyName, operator };
    if (operator === 'IN' || operator === 'NOT_IN') {
      const values = Array.isArray(filter.values) ? filter.values.map(scalar) : undefined;
      if (!values || values.length === 0 || values.some((v) => v === undefined)) {
        throw badRequest(`Operator ${operator} needs a non-empty "values" array`);
      }
      out.values = /** @type {string[]} */ (values);
    } else if (operator !== 'HAS_PROPERTY' && operator !== 'NOT_HAS_PROPERTY') {
      const value = scalar(filter.value);
      if (value === undefined) throw badRequest(`Operator ${operator} needs a "value"`);
      out.value = value;
      if (operator === 'BETWEEN') {
        const high = scalar(filter.highValue);
        if (high === undefined) throw badRequest('Operator BETWEEN needs a "highValue"');
        out.highValue = high;
      }
    }
    return out;
  }

  /**
   * Orders two values of a property by its type: numbers and dates numerically, text without case.
   * @param {PropertyDefinition} def @param {string} a @param {string} b
   */
  compareValues(def, a, b) {
    if (def.type === 'number') return Number(a) - Number(b);
    if (def.type === 'datetime' || def.type === 'date') return toMillis(a) - toMillis(b);
    const na = Number(a);
    const nb = Number(b);
    if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
    const la = a.toLowerCase();
    const lb = b.toLowerCase();
    return la < lb ? -1 : la > lb ? 1 : 0;
  }

  /** @param {ObjectType} type @param {CrmRecord} record @param {Filter} filter */
  matches(type, record, filter) {
    const def = /** @type {PropertyDefinition} */ (this.definitions[type].get(filter.propertyName));
    const actual = record.properties[filter.propertyName];
    const has = actual !== null && actual !== undefined && actual !== '';
    /** @param {string} wanted */
    const equal = (wanted) => has && this.compareValues(def, /** @type {string} */ (actual), wanted) === 0;
    /** @param {string} pattern */
    const containsToken = (pattern) => {
      if (!has) return false;
      const tokens = tokensOf(/** @type {string} */ (actual));
      if (!pattern.includes('*')) return tokens.has(pattern.toLowerCase());
      const regex = wildcard(pattern);
      return [...tokens].some((token) => regex.test(token));
    };
    const value = filter.value ?? '';
    switch (filter.operator) {
      case 'HAS_PROPERTY':
        return has;
      case 'NOT_HAS_PROPERTY':
        return !has;
      case 'EQ':
        return equal(value);
      case 'NEQ':
        return !equal(value);
      case 'IN':
        return (filter.values ?? []).some(equal);
      case 'NOT_IN':
        return !(filter.values ?? []).some(equal);
      case 'GT':
        return has && this.compareValues(def, /** @type {string} */ (actual), value) > 0;
      case 'GTE':
        return has && this.compareValues(def, /** @type {string} */ (actual), value) >= 0;
      case 'LT':
        return has && this.compareValues(def, /** @type {string} */ (actual), value) < 0;
      case 'LTE':
        return has && this.compareValues(def, /** @type {string} */ (actual), value) <= 0;
      case 'BETWEEN':
        return (
          has &&
          this.compareValues(def, /** @type {string} */ (actual), value) >= 0 &&
          this.compareValues(def, /** @type {string} */ (actual), filter.highValue ?? '') <= 0
        );
      case 'CONTAINS_TOKEN':
        return containsToken(value);
      case 'NOT_CONTAINS_TOKEN':
        return !containsToken(value);
      default:
        return false;
    }
  }

  /**
   * Sort order: by the one allowed sort, records without a value last; ties (and no sort) by id.
   * @param {ObjectType} type @param {unknown} sorts @returns {(a: CrmRecord, b: CrmRecord) => number}
   */
  sorter(type, sorts) {
    /** @param {CrmRecord} a @param {CrmRecord} b */
    const byId = (a, b) => Number(a.id) - Number(b.id);
    if (sorts === undefined || (Array.isArray(sorts) && sorts.length === 0)) return byId;
    if (!Array.isArray(sorts) || sorts.length > 1)
      throw badRequest('sorts must be an array of at most one sort');
    const sort = sorts[0];
    const propertyName = isPlainObject(sort) ? sort.propertyName : undefined;
    const direction = isPlainObject(sort) ? (sort.direction ?? 'ASCENDING') : undefined;
    const def = typeof propertyName === 'string' ? this.definitions[type].get(propertyName) : undefined;
    if (!def || (direction !== 'ASCENDING' && direction !== 'DESCENDING')) {
      throw badRequest('Each sort needs a known propertyName and direction ASCENDING or DESCENDING');
    }
    const sign = direction === 'DESCENDING' ? -1 : 1;
    return (a, b) => {
      const va = a.properties[def.name];
      const vb = b.properties[def.name];
      if (!va && !vb) return byId(a, b);
      if (!va) return 1;
      if (!vb) return -1;
      return sign * this.compareValues(def, va, vb) || byId(a, b);
    };
  }

  // --- batch read and associations ---

  /**
   * POST /crm/objects/{v}/{type}/batch/read. `propertiesWithHistory` is required (the published spec
   * marks it so; `[]` for none). Missing ids make it a 207 with errors.
   * @param {ObjectType} type @param {unknown} body
   */
  batchRead(type, body) {
    if (!isPlainObject(body)) throw badRequest('Batch read body must be an object');
    const request =
      /** @type {{ inputs?: unknown, properties?: unknown, propertiesWithHistory?: unknown }} */ (body);
    const withHistory = request.propertiesWithHistory;
    if (!Array.isArray(withHistory) || withHistory.some((p) => typeof p !== 'string')) {
      const message =
        withHistory === undefined
          ? 'Invalid input: the required field "propertiesWithHistory" is missing (an array of property names; send [] for none)'
          : 'Invalid input: "propertiesWithHistory" must be an array of property names';
      throw new ApiError(400, 'VALIDATION_ERROR', message, {
        errors: [
          {
            message,
            code: withHistory === undefined ? 'REQUIRED_FIELD' : 'INVALID_TYPE',
            context: { fieldName: ['propertiesWithHistory'] },
          },
        ],
      });
    }
    const inputs = request.inputs;
    if (!Array.isArray(inputs)) throw badRequest('inputs must be an array of { id }');
    if (inputs.length > 100) throw badRequest('At most 100 inputs are allowed in a batch');
    const properties = request.properties;
    if (
      properties !== undefined &&
      (!Array.isArray(properties) || properties.some((p) => typeof p !== 'string'))
    ) {
      throw badRequest('properties must be an array of property names');
    }
    const startedAt = this.iso();
    /** @type {CrmObject[]} */
    const results = [];
    /** @type {string[]} */
    const missing = [];
    const seen = new Set();
    for (const input of inputs) {
      const id = isPlainObject(input) ? scalar(/** @type {{ id?: unknown }} */ (input).id) : undefined;
      if (id === undefined) throw badRequest('Each input needs an id');
      if (seen.has(id)) continue;
      seen.add(id);
      const record = this.find(type, id);
      if (record) {
        results.push(this.view(type, record, /** @type {string[] | undefined} */ (properties), withHistory));
      } else missing.push(id);
    }
    const answer = { status: 'COMPLETE', results, startedAt, completedAt: this.iso() };
    if (missing.length === 0) return { status: 200, body: answer };
    return {
      status: 207,
      body: {
        ...answer,
        numErrors: 1,
        errors: [
          {
            status: 'error',
            category: 'OBJECT_NOT_FOUND',
            message: `Could not get some ${type} objects, they may be deleted or not exist. Check that ids are valid.`,
            context: { ids: missing },
          },
        ],
      },
    };
  }

  /**
   * GET /crm/objects/{v}/{fromType}/{id}/associations/{toType}: the record's associated records of a
   * type, by id, `limit` (≤ 500) a page.
   * @param {ObjectType} fromType @param {string} fromId @param {ObjectType} toType
   * @param {{ limit?: string | null, after?: string | null }} paging
   */
  associations(fromType, fromId, toType, paging) {
    const typeId = this.associationTypeId(fromType, toType);
    if (typeId === undefined) throw noAssociation(fromType, toType);
    if (!this.find(fromType, fromId)) throw new ApiError(404, 'OBJECT_NOT_FOUND', 'resource not found');
    const limit = paging.limit ? Number(paging.limit) : 500;
    const offset = paging.after ? Number(paging.after) : 0;
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      throw badRequest('limit must be between 1 and 500');
    if (!Number.isInteger(offset) || offset < 0) throw badRequest('after is not a valid paging cursor');
    const ids = this.linkedIds(fromType, fromId, toType, { sorted: true });
    const results = ids.slice(offset, offset + limit).map((id) => ({
      toObjectId: Number(id),
      associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId, label: null }],
    }));
    const next = offset + limit < ids.length ? { paging: { next: { after: String(offset + limit) } } } : {};
    return { results, ...next };
  }

  /**
   * POST /crm/associations/{v}/{fromType}/{toType}/batch/read (associations v4 batch read): for each
   * input `{ id, after? }`, the records of `toType` it is associated with, 500 a page
   * (`paging.next.after` when more). At most 1,000 inputs. Inputs that do not exist or have none are
   * errors (a 207).
   * @param {ObjectType} fromType @param {ObjectType} toType @param {unknown} body
   */
  batchAssociations(fromType, toType, body) {
    const typeId = this.associationTypeId(fromType, toType);
    if (typeId === undefined) throw noAssociation(fromType, toType);
    if (!isPlainObject(body)) throw badRequest('Batch read body must be an object');
    const inputs = /** @type {{ inputs?: unknown }} */ (body).inputs;
    if (!Array.isArray(inputs)) throw badRequest('inputs must be an array of { id, after? }');
    if (inputs.length > 1000) throw badRequest('At most 1000 inputs are allowed in an associations batch');
    const startedAt = this.iso();
    const results = [];
    /** @type {string[]} */
    const missing = [];
    for (const input of inputs) {
      const id = isPlainObject(input) ? scalar(/** @type {{ id?: unknown }} */ (input).id) : undefined;
      if (id === undefined) throw badRequest('Each input needs an id');
      const rawAfter = isPlainObject(input) ? /** @type {{ after?: unknown }} */ (input).after : undefined;
      const offset = rawAfter === undefined || rawAfter === null ? 0 : Number(rawAfter);
      if (!Number.isInteger(offset) || offset < 0)
        throw badRequest(`after is not a valid paging cursor: ${String(rawAfter)}`);
      const linked = this.find(fromType, id) ? this.linkedIds(fromType, id, toType, { sorted: true }) : [];
      if (linked.length === 0) {
        missing.push(id);
        continue;
      }
      const page = linked.slice(offset, offset + 500);
      results.push({
        from: { id },
        to: page.map((toId) => ({
          toObjectId: Number(toId),
          associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId, label: null }],
        })),
        ...(offset + 500 < linked.length ? { paging: { next: { after: String(offset + 500) } } } : {}),
      });
    }
    const answer = { status: 'COMPLETE', results, startedAt, completedAt: this.iso() };
    if (missing.length === 0) return { status: 200, body: answer };
    return {
      status: 207,
      body: {
        ...answer,
        numErrors: missing.length,
        errors: missing.map((id) => ({
          status: 'error',
          category: 'OBJECT_NOT_FOUND',
          message: `No ${toType} are associated with ${fromType.replace(/s$/, '')} ${id}`,
          context: { fromObjectId: [id] },
        })),
      },
    };
  }

  /**
   * PUT /crm/objects/{v}/{fromType}/{fromId}/associations/default/{toType}/{toId} ("associate records
   * (default)", associations v4): the default HUBSPOT_DEFINED association, both directions. A second
   * PUT changes nothing. One row each direction in the answer.
   * @param {ObjectType} fromType @param {string} fromId @param {ObjectType} toType @param {string} toId
   */
  associateDefault(fromType, fromId, toType, toId) {
    const typeId = this.associationTypeId(fromType, toType);
    const reverseTypeId = this.associationTypeId(toType, fromType);
    if (typeId === undefined || reverseTypeId === undefined) throw noAssociation(fromType, toType);
    const startedAt = this.iso();
    for (const [type, id] of /** @type {Array<[ObjectType, string]>} */ ([
      [fromType, fromId],
      [toType, toId],
    ])) {
      if (!this.find(type, id)) {
        throw new ApiError(404, 'OBJECT_NOT_FOUND', `No ${type.replace(/s$/, '')} with id ${id} exists`);
      }
    }
    this.associate(fromType, fromId, toType, toId, startedAt);
    /** @param {string} a @param {string} b @param {number} associationTypeId */
    const row = (a, b, associationTypeId) => ({
      from: { id: a },
      to: { id: b },
      associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId },
    });
    return {
      status: 'COMPLETE',
      results: [row(fromId, toId, typeId), row(toId, fromId, reverseTypeId)],
      startedAt,
      completedAt: this.iso(),
    };
  }

  // --- control ---

  /** Everything, for assertions: live records with all properties and associations, and the archived ids. */
  state() {
    /** @param {CrmRecord} record */
    const plain = (record) => ({
      id: record.id,
      properties: { ...record.properties },
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    });
    const live = /** @param {ObjectType} type */ (type) =>
      [...this.objects[type].values()].filter((r) => !r.archived);
    const contacts = live('contacts').map((record) => {
      /** @type {Record<EngagementType | 'leads', string[]>} */
      const associations = { calls: [], emails: [], communications: [], notes: [], leads: [] };
      for (const type of [...ENGAGEMENT_TYPES, /** @type {const} */ ('leads')]) {
        associations[type] = this.linkedIds('contacts', record.id, type);
      }
      return { ...plain(record), associations };
    });
    const leads = live('leads').map((record) => {
      /** @type {Record<EngagementType | 'contacts', string[]>} */
      const associations = { contacts: [], calls: [], emails: [], communications: [], notes: [] };
      for (const type of [/** @type {const} */ ('contacts'), ...ENGAGEMENT_TYPES]) {
        associations[type] = this.linkedIds('leads', record.id, type);
      }
      return { ...plain(record), associations };
    });
    /** @type {Record<EngagementType, Array<ReturnType<typeof plain> & { associations: { contacts: string[], leads: string[] } }>>} */
    const engagements = { calls: [], emails: [], communications: [], notes: [] };
    for (const type of ENGAGEMENT_TYPES) {
      engagements[type] = live(type).map((record) => ({
        ...plain(record),
        associations: {
          contacts: this.linkedIds(type, record.id, 'contacts'),
          leads: this.linkedIds(type, record.id, 'leads'),
        },
      }));
    }
    /** @type {Record<ObjectType, string[]>} */
    const archived = { contacts: [], leads: [], calls: [], emails: [], communications: [], notes: [] };
    for (const type of OBJECT_TYPES) {
      archived[type] = [...this.objects[type].values()].filter((r) => r.archived).map((r) => r.id);
    }
    return { contacts, leads, engagements, archived };
  }
}
