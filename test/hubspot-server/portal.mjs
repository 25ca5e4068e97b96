/**
 * The test portal's data: contacts, engagements (calls, emails, communications, notes) and the
 * engagement → contact associations, with HubSpot's validation, search and paging rules as far
 * as Baton uses them. No HTTP here: server.mjs maps requests onto these methods.
 */
import { randomUUID } from 'node:crypto';
import {
  ALWAYS_RETURNED,
  CONTACT_PROPERTIES,
  DEFAULT_PROPERTIES,
  ENGAGEMENT_PROPERTIES,
  MAX_TEXT_LENGTH,
  OWNERS,
} from './properties.mjs';

/** @typedef {'contacts' | 'calls' | 'emails' | 'communications' | 'notes'} ObjectType */
/** @typedef {'calls' | 'emails' | 'communications' | 'notes'} EngagementType */
/** @typedef {import('./properties.mjs').PropertyDefinition} PropertyDefinition */
/**
 * @typedef {{ id: string, properties: Record<string, string | null>, createdAt: string, updatedAt: string, archived: boolean, malformed?: boolean }} CrmRecord
 * @typedef {{ id: string, properties: Record<string, string | null>, createdAt: string, updatedAt: string, archived: false }} CrmObject
 */

/** @type {EngagementType[]} */
export const ENGAGEMENT_TYPES = ['calls', 'emails', 'communications', 'notes'];
/** @type {ObjectType[]} */
export const OBJECT_TYPES = ['contacts', ...ENGAGEMENT_TYPES];

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

/** Object names HubSpot accepts in paths: plural, singular and object type ids. */
const OBJECT_ALIASES = /** @type {Record<string, ObjectType>} */ ({
  contacts: 'contacts',
  contact: 'contacts',
  '0-1': 'contacts',
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
      calls: new Map(),
      emails: new Map(),
      communications: new Map(),
      notes: new Map(),
    };
    /** engagement key `type:id` → contact ids. @type {Map<string, Set<string>>} */
    this.engagementContacts = new Map();
    /** contact id → engagement type → engagement ids. @type {Map<string, Record<EngagementType, Set<string>>>} */
    this.contactEngagements = new Map();
    this.nextEngagementId = 70001;
    /** @type {Record<ObjectType, Map<string, PropertyDefinition>>} */
    this.definitions = {
      contacts: new Map(CONTACT_PROPERTIES.map((p) => [p.name, p])),
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
   * Stores a record as given (no validation): for seeding.
   * @param {ObjectType} type @param {string} id @param {Record<string, string | number | null | undefined>} properties
   * @param {{ createdAt: string, updatedAt?: string }} times
   */
  insert(type, id, properties, times) {
    /** @type {Record<string, string | null>} */
    const props = {};
    for (const [name, value] of Object.entries(properties)) {
      if (value !== undefined) props[name] = value === null ? null : String(value);
    }
    const record = {
      id,
      properties: props,
      createdAt: times.createdAt,
      updatedAt: times.updatedAt ?? times.createdAt,
      archived: false,
    };
    this.stamp(type, record);
    this.objects[type].set(id, record);
    if (type !== 'contacts') this.nextEngagementId = Math.max(this.nextEngagementId, Number(id) + 1);
    return record;
  }

  /** Keeps the id and date properties in step with the record. @param {ObjectType} type @param {CrmRecord} record */
  stamp(type, record) {
    record.properties.hs_object_id = record.id;
    if (type === 'contacts') {
      record.properties.createdate = record.createdAt;
      record.properties.lastmodifieddate = record.updatedAt;
    } else {
      record.properties.hs_createdate = record.createdAt;
      record.properties.hs_lastmodifieddate = record.updatedAt;
    }
  }

  /** @param {EngagementType} type @param {string} engagementId @param {string} contactId */
  link(type, engagementId, contactId) {
    const key = `${type}:${engagementId}`;
    const contacts = this.engagementContacts.get(key) ?? new Set();
    contacts.add(contactId);
    this.engagementContacts.set(key, contacts);
    let byType = this.contactEngagements.get(contactId);
    if (!byType) {
      byType = { calls: new Set(), emails: new Set(), communications: new Set(), notes: new Set() };
      this.contactEngagements.set(contactId, byType);
    }
    byType[type].add(engagementId);
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
    const kind = type === 'contacts' ? 'contacts' : 'engagement';
    if (!requested || requested.length === 0) return DEFAULT_PROPERTIES[kind];
    const defined = this.definitions[type];
    return [...new Set([...requested.filter((name) => defined.has(name)), ...ALWAYS_RETURNED[kind]])];
  }

  /** @param {ObjectType} type @param {CrmRecord} record @param {readonly string[] | undefined} requested @returns {CrmObject} */
  view(type, record, requested) {
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
    return {
      id: record.id,
      properties,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      archived: false,
    };
  }

  /**
   * GET /crm/objects/{v}/contacts/{id}: by record id, or by e-mail with `idProperty=email`.
   * @param {string} id @param {string | null} idProperty @param {string[] | undefined} properties
   */
  getContact(id, idProperty, properties) {
    if (idProperty && idProperty !== 'email' && idProperty !== 'hs_object_id') {
      throw badRequest(
        `idProperty "${idProperty}" is not a unique property of contacts (the test server knows email and hs_object_id)`,
      );
    }
    const record = idProperty === 'email' ? this.findContactByEmail(id) : this.find('contacts', id);
    if (!record) throw new ApiError(404, 'OBJECT_NOT_FOUND', 'resource not found');
    return this.view('contacts', record, properties);
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
   * PATCH /crm/objects/{v}/contacts/{id}.
   * @param {string} id @param {string | null} idProperty @param {unknown} body
   */
  updateContact(id, idProperty, body) {
    const record = idProperty === 'email' ? this.findContactByEmail(id) : this.find('contacts', id);
    if (!record) throw new ApiError(404, 'OBJECT_NOT_FOUND', 'resource not found');
    if (!isPlainObject(body)) throw badRequest('Request body must be an object with "properties"');
    const changes = this.validateProperties(
      'contacts',
      /** @type {{ properties?: unknown }} */ (body).properties,
    );
    const email = changes.email;
    if (email) {
      const other = this.findContactByEmail(email);
      if (other && other.id !== record.id) {
        throw new ApiError(409, 'CONFLICT', `Contact already exists. Existing ID: ${other.id}`);
      }
    }
    const now = this.iso();
    Object.assign(record.properties, changes);
    // HubSpot records when a contact enters a stage ("Became a … Date").
    const stage = changes.lifecyclestage;
    if (stage) {
      const dateProperty = `hs_lifecyclestage_${stage}_date`;
      if (this.definitions.contacts.has(dateProperty) && !record.properties[dateProperty]) {
        record.properties[dateProperty] = now;
        changes[dateProperty] = now;
      }
    }
    record.updatedAt = now;
    this.stamp('contacts', record);
    return this.view('contacts', record, Object.keys(changes));
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
    const record = this.insert(type, id, properties, { createdAt: now });
    for (const contactId of contactIds) this.link(type, id, contactId);
    return this.view(type, record, Object.keys(properties));
  }

  /** @param {EngagementType} type @param {unknown} associations @returns {string[]} */
  checkAssociations(type, associations) {
    if (associations === undefined) return [];
    if (!Array.isArray(associations)) throw badRequest('associations must be an array');
    const expected = ASSOCIATION_TYPE_IDS[type].toContact;
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
            `Invalid association type ${String(category)}/${String(typeId)} from ${type}: the test server knows ` +
              `only HUBSPOT_DEFINED/${expected} (${type.replace(/s$/, '')} to contact)`,
          );
        }
      }
      if (!this.find('contacts', toId)) {
        throw badRequest(`Could not create the association: contact ${toId} does not exist`);
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
   * POST /crm/objects/{v}/{type}/batch/read. Missing ids make it a 207 with errors.
   * @param {ObjectType} type @param {unknown} body
   */
  batchRead(type, body) {
    if (!isPlainObject(body)) throw badRequest('Batch read body must be an object');
    const request = /** @type {{ inputs?: unknown, properties?: unknown }} */ (body);
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
      if (record) results.push(this.view(type, record, /** @type {string[] | undefined} */ (properties)));
      else missing.push(id);
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
   * GET /crm/objects/{v}/contacts/{id}/associations/{toType}: the contact's engagements of a type.
   * @param {string} contactId @param {EngagementType} toType @param {{ limit?: string | null, after?: string | null }} paging
   */
  associations(contactId, toType, paging) {
    if (!this.find('contacts', contactId)) throw new ApiError(404, 'OBJECT_NOT_FOUND', 'resource not found');
    const limit = paging.limit ? Number(paging.limit) : 500;
    const offset = paging.after ? Number(paging.after) : 0;
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      throw badRequest('limit must be between 1 and 500');
    if (!Number.isInteger(offset) || offset < 0) throw badRequest('after is not a valid paging cursor');
    const ids = [...(this.contactEngagements.get(contactId)?.[toType] ?? [])]
      .filter((id) => this.find(toType, id))
      .sort((a, b) => Number(a) - Number(b));
    const typeId = ASSOCIATION_TYPE_IDS[toType].fromContact;
    const results = ids.slice(offset, offset + limit).map((id) => ({
      toObjectId: Number(id),
      associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId, label: null }],
    }));
    const next = offset + limit < ids.length ? { paging: { next: { after: String(offset + limit) } } } : {};
    return { results, ...next };
  }

  /**
   * POST /crm/associations/{v}/{fromType}/contacts/batch/read (associations v4 batch read): for each
   * input `{ id, after? }`, the contacts the engagement is associated with, 500 a page (`paging.next.after`
   * when more). At most 1,000 inputs. Inputs that do not exist or have none are errors (a 207).
   * @param {EngagementType} fromType @param {unknown} body
   */
  batchAssociations(fromType, body) {
    if (!isPlainObject(body)) throw badRequest('Batch read body must be an object');
    const inputs = /** @type {{ inputs?: unknown }} */ (body).inputs;
    if (!Array.isArray(inputs)) throw badRequest('inputs must be an array of { id, after? }');
    if (inputs.length > 1000) throw badRequest('At most 1000 inputs are allowed in an associations batch');
    const startedAt = this.iso();
    const results = [];
    /** @type {string[]} */
    const missing = [];
    const typeId = ASSOCIATION_TYPE_IDS[fromType].toContact;
    for (const input of inputs) {
      const id = isPlainObject(input) ? scalar(/** @type {{ id?: unknown }} */ (input).id) : undefined;
      if (id === undefined) throw badRequest('Each input needs an id');
      const rawAfter = isPlainObject(input) ? /** @type {{ after?: unknown }} */ (input).after : undefined;
      const offset = rawAfter === undefined || rawAfter === null ? 0 : Number(rawAfter);
      if (!Number.isInteger(offset) || offset < 0)
        throw badRequest(`after is not a valid paging cursor: ${String(rawAfter)}`);
      const contacts = this.find(fromType, id)
        ? [...(this.engagementContacts.get(`${fromType}:${id}`) ?? [])]
            .filter((contactId) => this.find('contacts', contactId))
            .sort((a, b) => Number(a) - Number(b))
        : [];
      if (contacts.length === 0) {
        missing.push(id);
        continue;
      }
      const page = contacts.slice(offset, offset + 500);
      results.push({
        from: { id },
        to: page.map((contactId) => ({
          toObjectId: Number(contactId),
          associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId, label: null }],
        })),
        ...(offset + 500 < contacts.length ? { paging: { next: { after: String(offset + 500) } } } : {}),
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
          message: `No contacts are associated with ${fromType.replace(/s$/, '')} ${id}`,
          context: { fromObjectId: [id] },
        })),
      },
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
      const linked = this.contactEngagements.get(record.id);
      /** @type {Record<EngagementType, string[]>} */
      const associations = { calls: [], emails: [], communications: [], notes: [] };
      for (const type of ENGAGEMENT_TYPES) {
        associations[type] = [...(linked?.[type] ?? [])].filter((id) => this.find(type, id));
      }
      return { ...plain(record), associations };
    });
    /** @type {Record<EngagementType, Array<ReturnType<typeof plain> & { associations: { contacts: string[] } }>>} */
    const engagements = { calls: [], emails: [], communications: [], notes: [] };
    for (const type of ENGAGEMENT_TYPES) {
      engagements[type] = live(type).map((record) => ({
        ...plain(record),
        associations: {
          contacts: [...(this.engagementContacts.get(`${type}:${record.id}`) ?? [])].filter((id) =>
            this.find('contacts', id),
          ),
        },
      }));
    }
    /** @type {Record<ObjectType, string[]>} */
    const archived = { contacts: [], calls: [], emails: [], communications: [], notes: [] };
    for (const type of OBJECT_TYPES) {
      archived[type] = [...this.objects[type].values()].filter((r) => r.archived).map((r) => r.id);
    }
    return { contacts, engagements, archived };
  }
}
