/**
 * The org of the Salesforce test server: the schema (a few objects and fields, with Salesforce's type
 * names, picklists and field-level security), the records, SOQL queries on them, sObject reads and
 * validated writes, describe, Lead field history and snapshots for composite rollback.
 */
import {
  conditionFields,
  conditionLiterals,
  instant,
  isCalendarDate,
  parseSoql,
  SoqlError,
  sortRecords,
  TEXT_TYPES,
  test,
} from './soql.mjs';

/** A Salesforce REST error: answered as `[{ message, errorCode, fields? }]`. */
export class ApiError extends Error {
  /** @param {number} status @param {string} errorCode @param {string} message @param {string[]} [fields] */
  constructor(status, errorCode, message, fields) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
    this.fields = fields;
  }
  get body() {
    return [
      { message: this.message, errorCode: this.errorCode, ...(this.fields ? { fields: this.fields } : {}) },
    ];
  }
}

export const ORG_ID = '00D000000000001AAA';
export const REP_USER_ID = '005000000000001AAA';
export const TEAMMATE_USER_ID = '005000000000002AAA';
export const MARKETING_USER_ID = '005000000000003AAA';
export const USERS = [
  {
    Id: REP_USER_ID,
    FirstName: 'Alex',
    LastName: 'Rep',
    Name: 'Alex Rep',
    Email: 'alex.rep@baton-demo.example',
    Username: 'alex.rep@baton-demo.example',
    IsActive: true,
  },
  {
    Id: TEAMMATE_USER_ID,
    FirstName: 'Jo',
    LastName: 'Teammate',
    Name: 'Jo Teammate',
    Email: 'jo.teammate@baton-demo.example',
    Username: 'jo.teammate@baton-demo.example',
    IsActive: true,
  },
  {
    Id: MARKETING_USER_ID,
    FirstName: 'Sam',
    LastName: 'Marketing',
    Name: 'Sam Marketing',
    Email: 'sam.marketing@baton-demo.example',
    Username: 'sam.marketing@baton-demo.example',
    IsActive: true,
  },
];

export const LEAD_STATUSES = [
  'Open - Not Contacted',
  'MQL',
  'Working - Contacted',
  'SQL',
  'Nurture',
  'Closed - Converted',
  'Closed - Not Converted',
];
export const CONTACT_STATUSES = [...LEAD_STATUSES.filter((s) => !s.startsWith('Closed - ')), 'Closed'];
export const INDUSTRIES = [
  'Agriculture',
  'Education',
  'Finance',
  'Healthcare',
  'Hospitality',
  'Logistics',
  'Manufacturing',
  'Media',
  'Retail',
  'Technology',
  'Other',
];
export const LEAD_SOURCES = ['Web', 'Webinar', 'Content Download', 'Trade Show', 'Partner Referral', 'Other'];
export const TIMEFRAMES = ['This quarter', 'Next quarter', 'This year', 'Next year', 'No timeframe'];
export const RECYCLE_REASONS = [
  'No budget',
  'Bad timing',
  'No need',
  'Wrong contact',
  'Unresponsive',
  'Other',
];
export const TASK_SUBTYPES = ['Task', 'Email', 'ListEmail', 'Cadence', 'Call', 'LinkedIn'];
export const TASK_STATUSES = [
  'Not Started',
  'In Progress',
  'Completed',
  'Waiting on someone else',
  'Deferred',
];
export const CAMPAIGN_MEMBER_STATUSES = [
  'Sent',
  'Registered',
  'Attended',
  'Downloaded',
  'Clicked',
  'Responded',
];

/**
 * @typedef {{
 *   name: string, type: string, label: string, length: number, custom: boolean,
 *   readOnly: boolean, createOnly: boolean, required: boolean, filterable: boolean, sortable: boolean,
 *   nillable: boolean, picklist?: string[], restricted?: boolean, defaultValue?: string,
 *   referenceTo?: string[], relationshipName?: string,
 * }} FieldDef
 */
/** @typedef {{ name: string, label: string, labelPlural: string, keyPrefix: string, writable: boolean, fields: FieldDef[] }} ObjectDef */
/** @typedef {Record<string, unknown> & { Id: string }} SRecord */

const LENGTHS = /** @type {Record<string, number>} */ ({
  string: 255,
  email: 80,
  phone: 40,
  url: 255,
  textarea: 32000,
  picklist: 255,
  id: 18,
  reference: 18,
});

/** 'LinkedIn_URL__c' → 'LinkedIn URL', 'NumberOfEmployees' → 'Number Of Employees'. @param {string} name */
const labelOf = (name) =>
  name
    .replace(/__c$/, '')
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/ Id$/, ' ID');

/** @param {string} name @param {string} type @param {Partial<FieldDef>} [options] @returns {FieldDef} */
const field = (name, type, options = {}) => ({
  name,
  type,
  label: labelOf(name),
  length: LENGTHS[type] ?? 0,
  custom: name.endsWith('__c'),
  readOnly: false,
  createOnly: false,
  required: false,
  filterable: true,
  sortable: true,
  nillable: type !== 'boolean',
  ...options,
});
/** @param {string} name @param {string[]} values @param {Partial<FieldDef>} [options] */
const picklist = (name, values, options = {}) => field(name, 'picklist', { picklist: values, ...options });
/** A long text area: not filterable, not sortable. @param {string} name @param {number} length */
const longText = (name, length = 32000) =>
  field(name, 'textarea', { length, filterable: false, sortable: false });
/** @param {string} name @param {string[]} referenceTo @param {string} relationshipName @param {Partial<FieldDef>} [options] */
const reference = (name, referenceTo, relationshipName, options = {}) =>
  field(name, 'reference', { referenceTo, relationshipName, ...options });
const READ_ONLY = { readOnly: true };

/** @param {string} label */
const systemFields = (label) => [
  field('Id', 'id', { label: `${label} ID`, readOnly: true, nillable: false }),
  field('CreatedDate', 'datetime', { ...READ_ONLY, nillable: false }),
  reference('CreatedById', ['User'], 'CreatedBy', { ...READ_ONLY, nillable: false }),
  field('LastModifiedDate', 'datetime', { ...READ_ONLY, nillable: false }),
  reference('LastModifiedById', ['User'], 'LastModifiedBy', { ...READ_ONLY, nillable: false }),
  field('SystemModstamp', 'datetime', { ...READ_ONLY, nillable: false }),
];
const customPersonFields = () => [
  field('Budget__c', 'string'),
  picklist('Timeframe__c', TIMEFRAMES, { restricted: true }),
  longText('Need__c', 32768),
  field('Product_Interest__c', 'string'),
  field('Territory__c', 'string', { length: 80 }),
  field('LinkedIn_URL__c', 'url'),
  field('MQL_Date__c', 'datetime', { label: 'MQL Date' }),
  picklist('Recycle_Reason__c', RECYCLE_REASONS, { restricted: true }),
];

/** @type {Record<string, ObjectDef>} */
export const SCHEMA = {
  Lead: {
    name: 'Lead',
    label: 'Lead',
    labelPlural: 'Leads',
    keyPrefix: '00Q',
    writable: true,
    fields: [
      ...systemFields('Lead'),
      field('FirstName', 'string', { length: 40 }),
      field('LastName', 'string', { length: 80, required: true, nillable: false }),
      field('Name', 'string', { label: 'Full Name', length: 121, ...READ_ONLY }),
      field('Email', 'email'),
      field('Title', 'string', { length: 128 }),
      field('Company', 'string', { required: true, nillable: false }),
      field('Phone', 'phone'),
      picklist('Industry', INDUSTRIES, { restricted: true }),
      field('NumberOfEmployees', 'int', { label: 'Employees' }),
      picklist('LeadSource', LEAD_SOURCES, { label: 'Lead Source', restricted: true }),
      picklist('Status', LEAD_STATUSES, {
        restricted: true,
        defaultValue: 'Open - Not Contacted',
        nillable: false,
      }),
      reference('OwnerId', ['Group', 'User'], 'Owner', { nillable: false }),
      field('IsConverted', 'boolean', { label: 'Converted', ...READ_ONLY }),
      field('ConvertedDate', 'date', READ_ONLY),
      longText('Description'),
      ...customPersonFields(),
      field('Fit_Score__c', 'double'),
    ],
  },
  Contact: {
    name: 'Contact',
    label: 'Contact',
    labelPlural: 'Contacts',
    keyPrefix: '003',
    writable: true,
    fields: [
      ...systemFields('Contact'),
      field('FirstName', 'string', { length: 40 }),
      field('LastName', 'string', { length: 80, required: true, nillable: false }),
      field('Name', 'string', { label: 'Full Name', length: 121, ...READ_ONLY }),
      field('Email', 'email'),
      field('Title', 'string', { length: 128 }),
      field('Phone', 'phone'),
      reference('AccountId', ['Account'], 'Account'),
      picklist('LeadSource', LEAD_SOURCES, { label: 'Lead Source', restricted: true }),
      reference('OwnerId', ['User'], 'Owner', { nillable: false }),
      longText('Description'),
      ...customPersonFields(),
      picklist('Contact_Status__c', CONTACT_STATUSES, { label: 'Contact Status', restricted: true }),
    ],
  },
  Account: {
    name: 'Account',
    label: 'Account',
    labelPlural: 'Accounts',
    keyPrefix: '001',
    writable: false,
    fields: [
      ...systemFields('Account'),
      field('Name', 'string', { label: 'Account Name', required: true, nillable: false }),
      picklist('Industry', INDUSTRIES),
      field('NumberOfEmployees', 'int', { label: 'Employees' }),
    ],
  },
  Task: {
    name: 'Task',
    label: 'Task',
    labelPlural: 'Tasks',
    keyPrefix: '00T',
    writable: true,
    fields: [
      ...systemFields('Activity'),
      reference('WhoId', ['Contact', 'Lead'], 'Who', { label: 'Name ID' }),
      reference('WhatId', ['Account', 'Campaign'], 'What', { label: 'Related To ID' }),
      field('Subject', 'string'),
      picklist('TaskSubtype', TASK_SUBTYPES, {
        label: 'Task Subtype',
        restricted: true,
        createOnly: true,
        defaultValue: 'Task',
      }),
      picklist('Status', TASK_STATUSES, { restricted: true, defaultValue: 'Not Started', nillable: false }),
      picklist('Priority', ['High', 'Normal', 'Low'], { defaultValue: 'Normal', nillable: false }),
      field('ActivityDate', 'date', { label: 'Due Date Only' }),
      field('CallDisposition', 'string', { label: 'Call Result' }),
      picklist('CallType', ['Internal', 'Inbound', 'Outbound'], { restricted: true }),
      field('CallDurationInSeconds', 'int', { label: 'Call Duration' }),
      longText('Description'),
      reference('OwnerId', ['Group', 'User'], 'Owner', { label: 'Assigned To ID', nillable: false }),
      field('IsClosed', 'boolean', { label: 'Closed', ...READ_ONLY }),
      field('CompletedDateTime', 'datetime', { label: 'Completed Date/Time', ...READ_ONLY }),
    ],
  },
  Event: {
    name: 'Event',
    label: 'Event',
    labelPlural: 'Events',
    keyPrefix: '00U',
    writable: true,
    fields: [
      ...systemFields('Activity'),
      reference('WhoId', ['Contact', 'Lead'], 'Who', { label: 'Name ID' }),
      field('Subject', 'string'),
      field('StartDateTime', 'datetime', { label: 'Start' }),
      field('EndDateTime', 'datetime', { label: 'End' }),
      field('ActivityDateTime', 'datetime', { label: 'Due Date Time' }),
      field('DurationInMinutes', 'int', { label: 'Duration' }),
      longText('Description'),
      reference('OwnerId', ['Group', 'User'], 'Owner', { label: 'Assigned To ID', nillable: false }),
    ],
  },
  Campaign: {
    name: 'Campaign',
    label: 'Campaign',
    labelPlural: 'Campaigns',
    keyPrefix: '701',
    writable: false,
    fields: [
      ...systemFields('Campaign'),
      field('Name', 'string', { label: 'Campaign Name', length: 80, required: true, nillable: false }),
      picklist('Type', ['Webinar', 'Email', 'Content', 'Event', 'Advertisement', 'Other']),
      picklist('Status', ['Planned', 'In Progress', 'Completed', 'Aborted']),
      field('StartDate', 'date'),
    ],
  },
  CampaignMember: {
    name: 'CampaignMember',
    label: 'Campaign Member',
    labelPlural: 'Campaign Members',
    keyPrefix: '00v',
    writable: false,
    fields: [
      ...systemFields('Campaign Member'),
      reference('CampaignId', ['Campaign'], 'Campaign', { nillable: false }),
      reference('LeadId', ['Lead'], 'Lead'),
      reference('ContactId', ['Contact'], 'Contact'),
      picklist('Status', CAMPAIGN_MEMBER_STATUSES),
      field('HasResponded', 'boolean', { label: 'Responded', ...READ_ONLY }),
      field('FirstRespondedDate', 'date', READ_ONLY),
    ],
  },
  LeadHistory: {
    name: 'LeadHistory',
    label: 'Lead History',
    labelPlural: 'Lead History',
    keyPrefix: '017',
    writable: false,
    fields: [
      field('Id', 'id', { label: 'Lead History ID', ...READ_ONLY, nillable: false }),
      reference('LeadId', ['Lead'], 'Lead', { ...READ_ONLY, nillable: false }),
      picklist('Field', ['created', 'Owner', 'Status'], { label: 'Changed Field', ...READ_ONLY }),
      field('OldValue', 'anyType', { ...READ_ONLY, filterable: false, sortable: false }),
      field('NewValue', 'anyType', { ...READ_ONLY, filterable: false, sortable: false }),
      field('CreatedDate', 'datetime', { ...READ_ONLY, nillable: false }),
      reference('CreatedById', ['User'], 'CreatedBy', { ...READ_ONLY, nillable: false }),
    ],
  },
  User: {
    name: 'User',
    label: 'User',
    labelPlural: 'Users',
    keyPrefix: '005',
    writable: false,
    fields: [
      field('Id', 'id', { label: 'User ID', ...READ_ONLY, nillable: false }),
      field('Username', 'string', { length: 80, ...READ_ONLY }),
      field('FirstName', 'string', { length: 40, ...READ_ONLY }),
      field('LastName', 'string', { length: 80, ...READ_ONLY }),
      field('Name', 'string', { label: 'Full Name', length: 121, ...READ_ONLY }),
      field('Email', 'email', READ_ONLY),
      field('IsActive', 'boolean', { label: 'Active', ...READ_ONLY }),
    ],
  },
};

/** The fields of Salesforce's polymorphic `Name` object (Who, Owner of leads and activities). */
const NAME_FIELDS = [
  field('Id', 'id', READ_ONLY),
  field('Name', 'string', READ_ONLY),
  field('FirstName', 'string', READ_ONLY),
  field('LastName', 'string', READ_ONLY),
  field('Email', 'email', READ_ONLY),
  field('Title', 'string', READ_ONLY),
  field('Phone', 'phone', READ_ONLY),
  field('Type', 'string', READ_ONLY),
];

/** Object types in key-prefix order of lookups. */
export const OBJECT_TYPES = Object.keys(SCHEMA);
const PREFIX_TYPES = new Map(Object.values(SCHEMA).map((object) => [object.keyPrefix, object.name]));

/** The 18-character case-safe form of a 15-character id. @param {string} id15 */
export function caseSafeId(id15) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let j = 0; j < 5; j++) {
      const c = id15[chunk * 5 + j] ?? '';
      if (c >= 'A' && c <= 'Z') bits |= 1 << j;
    }
    suffix += alphabet[bits];
  }
  return id15 + suffix;
}

/** Whether a string has the shape of a Salesforce id (15 or 18 alphanumerics). @param {unknown} id */
export const isIdShaped = (id) => typeof id === 'string' && /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(id);

/** A datetime the way Salesforce writes it: `2026-12-07T10:15:00.000+0000`. @param {number} ms */
export const sfDateTime = (ms) => new Date(ms).toISOString().replace('Z', '+0000');
/** The UTC date of an instant: `2026-12-07`. @param {number} ms */
export const sfDate = (ms) => new Date(ms).toISOString().slice(0, 10);

const ISO_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;
/** Parses an ISO 8601 datetime as written to the API (zone optional: UTC). @param {unknown} value */
export function parseDateTime(value) {
  if (typeof value !== 'string') return Number.NaN;
  const match = ISO_DATETIME.exec(value.trim());
  if (!match) return Number.NaN;
  const [, y, mo, d, h, mi, s = '00', frac = '', zone = 'Z'] = match;
  if (!isCalendarDate(Number(y), Number(mo), Number(d))) return Number.NaN;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return Number.NaN;
  const normalizedZone = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const ms = frac ? `.${frac.slice(1, 4).padEnd(3, '0')}` : '';
  return Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${ms}${normalizedZone}`);
}
/** @param {unknown} value */
const isDateString = (value) => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  return isCalendarDate(/** @type {number} */ (y), /** @type {number} */ (m), /** @type {number} */ (d));
};

/** @param {unknown} value */
const isEmpty = (value) => value === null || value === undefined || value === '';

/** Salesforce's JSON_PARSER_ERROR for a value of the wrong JSON type. @param {string} typeName @param {unknown} value */
const parserError = (typeName, value) => {
  const kind =
    typeof value === 'string'
      ? 'VALUE_STRING'
      : typeof value === 'number'
        ? Number.isInteger(value)
          ? 'VALUE_NUMBER_INT'
          : 'VALUE_NUMBER_FLOAT'
        : typeof value === 'boolean'
          ? `VALUE_${String(value).toUpperCase()}`
          : Array.isArray(value)
            ? 'START_ARRAY'
            : 'START_OBJECT';
  const shown = typeof value === 'object' ? '' : ` value ${String(value)}`;
  return new ApiError(
    400,
    'JSON_PARSER_ERROR',
    `Cannot deserialize instance of ${typeName} from ${kind}${shown} or request may be missing a required field`,
    [],
  );
};

/**
 * @typedef {{ object: string, field: string, equals: unknown, requireField: string, message: string }} ValidationRule
 * @typedef {{ userId: string, now: number }} WriteContext
 */

export class Org {
  constructor() {
    /** @type {Record<string, Map<string, SRecord>>} records by type, keyed by the first 15 characters of the id */
    this.tables = Object.fromEntries(OBJECT_TYPES.map((type) => [type, new Map()]));
    /** @type {Record<string, string[]>} */
    this.deleted = Object.fromEntries(OBJECT_TYPES.map((type) => [type, []]));
    /** ids (15 characters) of records read back in a shape Salesforce never sends @type {Set<string>} */
    this.malformed = new Set();
    this.counter = 0;
    /** field-level security: `Type.Field` → flags @type {Map<string, { readOnly: boolean, hidden: boolean }>} */
    this.fls = new Map();
    /** @type {ValidationRule[]} */
    this.validationRules = [];
    this.history = { trackOwner: true, trackStatus: true };
  }

  // --- ids and lookups ---

  /** A new id of the type's key prefix. @param {string} type */
  newId(type) {
    const prefix = SCHEMA[type]?.keyPrefix ?? '000';
    this.counter++;
    return caseSafeId(`${prefix}8d000${String(this.counter).padStart(7, '0')}`);
  }

  /** @param {string} name @returns {string | undefined} the canonical object name */
  objectName(name) {
    const lower = String(name).toLowerCase();
    return OBJECT_TYPES.find((type) => type.toLowerCase() === lower);
  }

  /** @param {string} type @param {string} id @returns {SRecord | undefined} */
  find(type, id) {
    if (!isIdShaped(id)) return undefined;
    return this.tables[type]?.get(id.slice(0, 15));
  }

  /** A record of any of `types` with this id. @param {string} id @param {string[]} [types] */
  findAny(id, types) {
    if (!isIdShaped(id)) return undefined;
    const type = PREFIX_TYPES.get(id.slice(0, 3));
    if (!type || (types && !types.includes(type))) return undefined;
    const record = this.tables[type]?.get(id.slice(0, 15));
    return record ? { type, record } : undefined;
  }

  /** @param {string} type @param {string} id */
  isDeleted(type, id) {
    return (this.deleted[type] ?? []).some((deleted) => deleted.slice(0, 15) === id.slice(0, 15));
  }

  // --- field-level security ---

  /** @param {string} type @param {string} name */
  flsOf(type, name) {
    return this.fls.get(`${type}.${name}`) ?? { readOnly: false, hidden: false };
  }

  /** The fields of a type the user can see. @param {string} type @returns {FieldDef[]} */
  visibleFields(type) {
    return (SCHEMA[type]?.fields ?? []).filter((f) => !this.flsOf(type, f.name).hidden);
  }

  /** @param {string} type @param {string} name @returns {FieldDef | undefined} */
  visibleField(type, name) {
    const lower = String(name).toLowerCase();
    return this.visibleFields(type).find((f) => f.name.toLowerCase() === lower);
  }

  /** @param {{ object: string, field: string, readOnly?: boolean, hidden?: boolean }} input */
  setFls(input) {
    const type = this.objectName(input.object);
    if (!type) throw new Error(`unknown object ${input.object}`);
    const def = SCHEMA[type]?.fields.find((f) => f.name.toLowerCase() === String(input.field).toLowerCase());
    if (!def) throw new Error(`unknown field ${input.field} on ${type}`);
    const flags = { readOnly: Boolean(input.readOnly), hidden: Boolean(input.hidden) };
    if (flags.readOnly || flags.hidden) this.fls.set(`${type}.${def.name}`, flags);
    else this.fls.delete(`${type}.${def.name}`);
    return { object: type, field: def.name, ...flags };
  }

  // --- field paths (SOQL) ---

  /**
   * Resolves `Field` or `Rel.Field` on a type: the canonical names, the leaf field and a getter.
   * @param {string} type @param {string[]} path
   */
  resolvePath(type, path) {
    /** @type {Array<{ field: FieldDef, polymorphic: boolean }>} */
    const hops = [];
    let current = type;
    let polymorphic = false;
    for (const segment of path.slice(0, -1)) {
      const fields = polymorphic ? NAME_FIELDS : this.visibleFields(current);
      const ref = fields.find((f) => f.relationshipName?.toLowerCase() === segment.toLowerCase());
      if (!ref?.referenceTo) {
        throw new ApiError(
          400,
          'INVALID_FIELD',
          `Didn't understand relationship '${segment}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
        );
      }
      polymorphic = ref.referenceTo.length > 1;
      hops.push({ field: ref, polymorphic });
      current = /** @type {string} */ (ref.referenceTo[0]);
    }
    const last = /** @type {string} */ (path[path.length - 1]);
    const leafFields = polymorphic ? NAME_FIELDS : this.visibleFields(current);
    const leaf = leafFields.find((f) => f.name.toLowerCase() === last.toLowerCase());
    if (!leaf) {
      throw new ApiError(
        400,
        'INVALID_FIELD',
        `No such column '${last}' on entity '${polymorphic ? 'Name' : current}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    }
    const leafIsType = polymorphic && leaf.name === 'Type';
    /** @param {SRecord} record */
    const get = (record) => {
      /** @type {SRecord | undefined} */
      let at = record;
      let atType = type;
      for (const hop of hops) {
        const id = at?.[hop.field.name];
        const found = typeof id === 'string' ? this.findAny(id, hop.field.referenceTo) : undefined;
        if (!found) return null;
        at = found.record;
        atType = found.type;
      }
      if (leafIsType) return atType;
      return at?.[leaf.name] ?? null;
    };
    return {
      hops,
      leaf,
      get,
      names: [...hops.map((hop) => /** @type {string} */ (hop.field.relationshipName)), leaf.name],
    };
  }

  // --- rendering ---

  /**
   * The API form of a stored value; records flagged malformed get values of the wrong type.
   * @param {SRecord} record @param {FieldDef} def @param {unknown} value
   */
  outputValue(record, def, value) {
    if (this.malformed.has(record.Id.slice(0, 15))) {
      if (def.type === 'email') return 42;
      if (def.type === 'datetime' || def.type === 'date') return 'not a date';
      if (def.type === 'int' || def.type === 'double') return 'not a number';
      if (def.type === 'boolean') return 'yes';
    }
    return value === undefined ? null : value;
  }

  /** @param {string} type @param {string} id @param {string} version */
  url(type, id, version) {
    return `/services/data/v${version}/sobjects/${type}/${id}`;
  }

  /**
   * A query row: attributes, then the selected fields in order, relationships nested.
   * @param {SRecord} record @param {string} type @param {SelectionNode} node @param {string} version @param {boolean} [asName]
   * @returns {Record<string, unknown>}
   */
  renderNode(record, type, node, version, asName = false) {
    /** @type {Record<string, unknown>} */
    const out = { attributes: { type: asName ? 'Name' : type, url: this.url(type, record.Id, version) } };
    let corrupted = false;
    for (const [name, child] of node.children) {
      if (child.leaf) {
        const raw = asName && child.leaf.name === 'Type' ? type : record[child.leaf.name];
        const value = this.outputValue(record, child.leaf, raw);
        if (value !== (raw === undefined ? null : raw)) corrupted = true;
        out[name] = value;
        continue;
      }
      const ref = /** @type {FieldDef} */ (child.ref);
      const id = record[ref.name];
      const found = typeof id === 'string' ? this.findAny(id, ref.referenceTo) : undefined;
      out[name] = found ? this.renderNode(found.record, found.type, child, version, child.polymorphic) : null;
    }
    if (!corrupted && this.malformed.has(record.Id.slice(0, 15)) && 'Id' in out) out.Id = 42;
    return out;
  }

  // --- queries ---

  /**
   * Runs a SOQL query: all matching rows, rendered.
   * @param {string} text @param {string} version @returns {Array<Record<string, unknown>>}
   */
  query(text, version) {
    let ast;
    try {
      ast = parseSoql(text);
    } catch (error) {
      if (error instanceof SoqlError) throw new ApiError(400, 'MALFORMED_QUERY', error.message);
      throw error;
    }
    const type = this.objectName(ast.object);
    if (!type) {
      throw new ApiError(
        400,
        'INVALID_TYPE',
        `sObject type '${ast.object}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    }
    /** @type {SelectionNode} */
    const root = { children: new Map() };
    const seen = new Set();
    for (const ref of ast.fields) {
      const resolved = this.resolvePath(type, ref.path);
      const key = resolved.names.join('.').toLowerCase();
      if (seen.has(key)) throw new ApiError(400, 'MALFORMED_QUERY', `duplicate field selected: ${ref.text}`);
      seen.add(key);
      let node = root;
      resolved.hops.forEach((hop, index) => {
        const name = /** @type {string} */ (resolved.names[index]);
        let child = node.children.get(name);
        if (!child) {
          child = { children: new Map(), ref: hop.field, polymorphic: hop.polymorphic };
          node.children.set(name, child);
        }
        node = child;
      });
      node.children.set(resolved.leaf.name, { children: new Map(), leaf: resolved.leaf });
    }
    for (const ref of conditionFields(ast.where)) {
      const resolved = this.resolvePath(type, ref.path);
      if (!resolved.leaf.filterable) {
        throw new ApiError(
          400,
          'INVALID_FIELD',
          `field '${resolved.leaf.name}' can not be filtered in a query call`,
        );
      }
      ref.binding = { type: resolved.leaf.type, get: resolved.get };
    }
    for (const { field: ref, value, like } of conditionLiterals(ast.where)) {
      checkLiteral(/** @type {string} */ (ref.binding?.type), ref.text, value, like);
    }
    for (const item of ast.orderBy) {
      const resolved = this.resolvePath(type, item.field.path);
      if (!resolved.leaf.sortable) {
        throw new ApiError(
          400,
          'INVALID_FIELD',
          `field '${resolved.leaf.name}' can not be sorted in a query call`,
        );
      }
      item.field.binding = { type: resolved.leaf.type, get: resolved.get };
    }
    if ((ast.offset ?? 0) > 2000) {
      throw new ApiError(400, 'NUMBER_OUTSIDE_VALID_RANGE', 'Maximum SOQL offset allowed is 2000');
    }
    const table = /** @type {Map<string, SRecord>} */ (this.tables[type]);
    const where = ast.where;
    let rows = [...table.values()].filter((record) => !where || test(where, record));
    rows = sortRecords(rows, ast.orderBy);
    const start = ast.offset ?? 0;
    rows = rows.slice(start, ast.limit === null ? undefined : start + ast.limit);
    return rows.map((record) => this.renderNode(record, type, root, version));
  }

  // --- sObject reads ---

  /** @param {string} name @returns {string} the canonical type, or 404 */
  typeOrNotFound(name) {
    const type = this.objectName(name);
    if (!type) throw notFound();
    return type;
  }

  /** @param {string} type @param {string} id @returns {SRecord} */
  existing(type, id) {
    if (!isIdShaped(id)) {
      throw new ApiError(400, 'MALFORMED_ID', `${SCHEMA[type]?.label} ID: id value of incorrect type: ${id}`);
    }
    const record = this.find(type, id);
    if (record) return record;
    if (this.isDeleted(type, id)) throw new ApiError(404, 'ENTITY_IS_DELETED', 'entity is deleted');
    throw notFound();
  }

  /** `GET /sobjects/{type}/{id}[?fields=a,b]`. @param {string} typeName @param {string} id @param {string | null} fields @param {string} version */
  read(typeName, id, fields, version) {
    const type = this.typeOrNotFound(typeName);
    const record = this.existing(type, id);
    /** @type {FieldDef[]} */
    let defs = this.visibleFields(type);
    if (fields) {
      defs = fields
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean)
        .map((name) => {
          const def = this.visibleField(type, name);
          if (!def) {
            throw new ApiError(
              400,
              'INVALID_FIELD',
              `No such column '${name}' on entity '${type}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
            );
          }
          return def;
        });
    }
    /** @type {SelectionNode} */
    const node = { children: new Map(defs.map((def) => [def.name, { children: new Map(), leaf: def }])) };
    return this.renderNode(record, type, node, version);
  }

  // --- writes ---

  /**
   * Validates a write body against the schema and coerces it to stored values; throws the first error.
   * @param {string} type @param {unknown} body @param {SRecord | undefined} before (undefined on create)
   */
  validate(type, body, before) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw parserError(type, body);
    }
    const creating = before === undefined;
    /** @type {Record<string, unknown>} */
    const values = {};
    for (const [key, value] of Object.entries(body)) {
      if (key === 'attributes') continue;
      const def = this.visibleField(type, key);
      if (!def) {
        throw new ApiError(400, 'INVALID_FIELD', `No such column '${key}' on sobject of type ${type}`, []);
      }
      if (def.readOnly || this.flsOf(type, def.name).readOnly || (!creating && def.createOnly)) {
        throw new ApiError(
          400,
          'INVALID_FIELD_FOR_INSERT_UPDATE',
          `Unable to create/update fields: ${def.name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
          [def.name],
        );
      }
      values[def.name] = this.coerce(def, value);
    }
    const merged = { ...(before ?? {}), ...values };
    const missing = (SCHEMA[type]?.fields ?? [])
      .filter((def) => def.required && (creating || def.name in values) && isEmpty(merged[def.name]))
      .map((def) => def.name);
    if (missing.length > 0) {
      throw new ApiError(
        400,
        'REQUIRED_FIELD_MISSING',
        `Required fields are missing: [${missing.join(', ')}]`,
        missing,
      );
    }
    if (type === 'Event' && creating) {
      const start = merged.StartDateTime ?? merged.ActivityDateTime;
      const missingEvent = [];
      if (isEmpty(start)) missingEvent.push('ActivityDateTime');
      if (isEmpty(merged.EndDateTime) && isEmpty(merged.DurationInMinutes))
        missingEvent.push('DurationInMinutes');
      if (missingEvent.length > 0) {
        throw new ApiError(
          400,
          'REQUIRED_FIELD_MISSING',
          `Required fields are missing: [${missingEvent.join(', ')}]`,
          missingEvent,
        );
      }
    }
    for (const rule of this.validationRules) {
      if (this.objectName(rule.object) !== type) continue;
      const ruleField = this.visibleField(type, rule.field)?.name ?? rule.field;
      const required = this.visibleField(type, rule.requireField)?.name ?? rule.requireField;
      if (String(merged[ruleField] ?? '') === String(rule.equals ?? '') && isEmpty(merged[required])) {
        throw new ApiError(400, 'FIELD_CUSTOM_VALIDATION_EXCEPTION', rule.message, [required]);
      }
    }
    return values;
  }

  /** @param {FieldDef} def @param {unknown} value @returns {unknown} */
  coerce(def, value) {
    if (value === null || value === '') {
      if (def.type === 'boolean') return false;
      return null;
    }
    switch (def.type) {
      case 'boolean':
        if (typeof value === 'boolean') return value;
        if (value === 'true' || value === 'false') return value === 'true';
        throw parserError('boolean', value);
      case 'int': {
        const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
        if (typeof n !== 'number' || !Number.isInteger(n)) throw parserError('int', value);
        return n;
      }
      case 'double': {
        const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
        if (typeof n !== 'number' || !Number.isFinite(n)) throw parserError('double', value);
        return n;
      }
      case 'date': {
        const text = typeof value === 'string' && ISO_DATETIME.test(value) ? value.slice(0, 10) : value;
        if (!isDateString(text)) throw parserError('date', value);
        return text;
      }
      case 'datetime': {
        const ms = parseDateTime(value);
        if (!Number.isFinite(ms)) throw parserError('datetime', value);
        return sfDateTime(ms);
      }
      case 'reference':
      case 'id': {
        if (typeof value !== 'string') throw parserError('id', value);
        if (!isIdShaped(value)) {
          throw new ApiError(400, 'MALFORMED_ID', `${def.label}: id value of incorrect type: ${value}`, [
            def.name,
          ]);
        }
        const found = this.findAny(value, def.referenceTo);
        if (!found) {
          throw new ApiError(400, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [def.name]);
        }
        return `${found.record.Id}`;
      }
      default: {
        if (typeof value !== 'string') throw parserError('string', value);
        if (def.picklist && def.restricted && !def.picklist.includes(value)) {
          throw new ApiError(
            400,
            'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
            `${def.label}: bad value for restricted picklist field: ${value}`,
            [def.name],
          );
        }
        if (value.length > def.length) {
          throw new ApiError(
            400,
            'STRING_TOO_LONG',
            `${def.label}: data value too large: ${value.length > 40 ? `${value.slice(0, 40)}…` : value} (max length=${def.length})`,
            [def.name],
          );
        }
        if (def.type === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
          throw new ApiError(400, 'INVALID_EMAIL_ADDRESS', `${def.label}: invalid email address: ${value}`, [
            def.name,
          ]);
        }
        return value;
      }
    }
  }

  /** The derived fields of a record after a write. @param {string} type @param {SRecord} record @param {SRecord | undefined} before @param {number} now */
  derive(type, record, before, now) {
    if (type === 'Lead' || type === 'Contact') {
      record.Name = [record.FirstName, record.LastName].filter((part) => !isEmpty(part)).join(' ');
    }
    if (type === 'Task') {
      record.IsClosed = record.Status === 'Completed';
      if (record.IsClosed && !before?.IsClosed) record.CompletedDateTime = sfDateTime(now);
      if (!record.IsClosed) record.CompletedDateTime = null;
    }
    if (type === 'Event') {
      const start = instant(record.StartDateTime ?? record.ActivityDateTime);
      if (Number.isFinite(start)) {
        record.StartDateTime = sfDateTime(start);
        record.ActivityDateTime = sfDateTime(start);
        const end = instant(record.EndDateTime);
        const duration = Number(record.DurationInMinutes);
        if (
          Number.isFinite(end) &&
          (before === undefined ||
            record.EndDateTime !== before.EndDateTime ||
            isEmpty(record.DurationInMinutes))
        ) {
          record.DurationInMinutes = Math.round((end - start) / 60_000);
        } else if (Number.isFinite(duration)) {
          record.EndDateTime = sfDateTime(start + duration * 60_000);
        }
      }
    }
  }

  /** `POST /sobjects/{type}`. @param {string} typeName @param {unknown} body @param {WriteContext} ctx */
  create(typeName, body, ctx) {
    const type = this.typeOrNotFound(typeName);
    this.writableOrThrow(type);
    const values = this.validate(type, body, undefined);
    const at = sfDateTime(ctx.now);
    const id = this.newId(type);
    /** @type {SRecord} */
    const record = { Id: id };
    for (const def of SCHEMA[type]?.fields ?? []) {
      if (def.name === 'Id') continue;
      record[def.name] = def.type === 'boolean' ? false : (def.defaultValue ?? null);
    }
    Object.assign(record, values, {
      CreatedDate: at,
      CreatedById: ctx.userId,
      LastModifiedDate: at,
      LastModifiedById: ctx.userId,
      SystemModstamp: at,
    });
    if ('OwnerId' in record && isEmpty(record.OwnerId)) record.OwnerId = ctx.userId;
    this.derive(type, record, undefined, ctx.now);
    this.tables[type]?.set(id.slice(0, 15), record);
    return { id, success: true, errors: [] };
  }

  /** `PATCH /sobjects/{type}/{id}`. @param {string} typeName @param {string} id @param {unknown} body @param {WriteContext} ctx */
  update(typeName, id, body, ctx) {
    const type = this.typeOrNotFound(typeName);
    const before = this.existing(type, id);
    this.writableOrThrow(type);
    const values = this.validate(type, body, before);
    const at = sfDateTime(ctx.now);
    const record = {
      ...before,
      ...values,
      LastModifiedDate: at,
      LastModifiedById: ctx.userId,
      SystemModstamp: at,
    };
    this.derive(type, record, before, ctx.now);
    if (type === 'Lead') this.recordHistory(before, record, ctx, at);
    this.tables[type]?.set(before.Id.slice(0, 15), record);
    return record.Id;
  }

  /** `DELETE /sobjects/{type}/{id}`. @param {string} typeName @param {string} id */
  remove(typeName, id) {
    const type = this.typeOrNotFound(typeName);
    const record = this.existing(type, id);
    this.writableOrThrow(type);
    this.tables[type]?.delete(record.Id.slice(0, 15));
    this.deleted[type]?.push(record.Id);
    this.malformed.delete(record.Id.slice(0, 15));
    return record.Id;
  }

  /** @param {string} type */
  writableOrThrow(type) {
    if (!SCHEMA[type]?.writable) {
      throw new ApiError(
        403,
        'INSUFFICIENT_ACCESS_OR_READONLY',
        `insufficient access rights on object id: the test server's user cannot create or change ${type} records`,
        [],
      );
    }
  }

  /** LeadHistory rows for tracked changes: two rows per owner change (ids, then names), one per status change. @param {SRecord} before @param {SRecord} after @param {WriteContext} ctx @param {string} at */
  recordHistory(before, after, ctx, at) {
    if (this.history.trackOwner && before.OwnerId !== after.OwnerId) {
      const name = (/** @type {unknown} */ id) =>
        typeof id === 'string' ? (this.findAny(id, ['User'])?.record.Name ?? null) : null;
      this.addHistory(after.Id, 'Owner', before.OwnerId ?? null, after.OwnerId ?? null, at, ctx.userId);
      this.addHistory(after.Id, 'Owner', name(before.OwnerId), name(after.OwnerId), at, ctx.userId);
    }
    if (this.history.trackStatus && before.Status !== after.Status) {
      this.addHistory(after.Id, 'Status', before.Status ?? null, after.Status ?? null, at, ctx.userId);
    }
  }

  /** @param {string} leadId @param {string} fieldName @param {unknown} oldValue @param {unknown} newValue @param {string} at @param {string} userId */
  addHistory(leadId, fieldName, oldValue, newValue, at, userId) {
    const id = this.newId('LeadHistory');
    this.tables.LeadHistory?.set(id.slice(0, 15), {
      Id: id,
      LeadId: leadId,
      Field: fieldName,
      OldValue: oldValue,
      NewValue: newValue,
      CreatedDate: at,
      CreatedById: userId,
    });
    return id;
  }

  /**
   * Adds a record as given, for seeding: ids, dates, owners and derived fields filled in when absent;
   * no validation (values of the wrong type are kept as they are).
   * @param {string} typeName @param {Record<string, unknown>} fields @param {{ now?: number, malformed?: boolean }} [options]
   */
  insert(typeName, fields, options = {}) {
    const type = this.objectName(typeName);
    if (!type) throw new Error(`unknown object type ${typeName}`);
    const now = options.now ?? Date.now();
    const defs = SCHEMA[type]?.fields ?? [];
    /** @type {Record<string, unknown>} */
    const given = {};
    for (const [key, value] of Object.entries(fields)) {
      const def = defs.find((f) => f.name.toLowerCase() === key.toLowerCase());
      if (!def) throw new Error(`unknown field ${key} on ${type}`);
      if (def.type === 'datetime' && (typeof value === 'number' || Number.isFinite(parseDateTime(value)))) {
        given[def.name] = sfDateTime(typeof value === 'number' ? value : parseDateTime(value));
      } else given[def.name] = value;
    }
    const id = typeof given.Id === 'string' ? given.Id : this.newId(type);
    /** @type {SRecord} */
    const record = { Id: id };
    for (const def of defs) {
      if (def.name !== 'Id') record[def.name] = def.type === 'boolean' ? false : (def.defaultValue ?? null);
    }
    Object.assign(record, given, { Id: id });
    const has = (/** @type {string} */ name) => defs.some((def) => def.name === name);
    if (has('CreatedDate') && isEmpty(given.CreatedDate)) record.CreatedDate = sfDateTime(now);
    if (has('CreatedById') && isEmpty(given.CreatedById)) record.CreatedById = REP_USER_ID;
    if (has('LastModifiedDate') && isEmpty(given.LastModifiedDate))
      record.LastModifiedDate = record.CreatedDate;
    if (has('LastModifiedById') && isEmpty(given.LastModifiedById))
      record.LastModifiedById = record.CreatedById;
    if (has('SystemModstamp') && isEmpty(given.SystemModstamp))
      record.SystemModstamp = record.LastModifiedDate;
    if (has('OwnerId') && isEmpty(given.OwnerId)) record.OwnerId = REP_USER_ID;
    if (type === 'Lead' || type === 'Contact' || type === 'User') {
      if (isEmpty(given.Name)) {
        record.Name = [record.FirstName, record.LastName].filter((part) => !isEmpty(part)).join(' ');
      }
    }
    if (type === 'Task') {
      if (!('IsClosed' in given)) record.IsClosed = record.Status === 'Completed';
      if (record.IsClosed && isEmpty(given.CompletedDateTime))
        record.CompletedDateTime = record.LastModifiedDate;
    }
    if (type === 'Event') this.derive(type, record, undefined, now);
    if (type === 'CampaignMember' && !('HasResponded' in given)) {
      record.HasResponded = !isEmpty(record.FirstRespondedDate);
    }
    this.tables[type]?.set(id.slice(0, 15), record);
    if (options.malformed) this.malformed.add(id.slice(0, 15));
    return record;
  }

  // --- describe ---

  /** @param {string} typeName @param {string} version */
  describe(typeName, version) {
    const type = this.typeOrNotFound(typeName);
    const object = /** @type {ObjectDef} */ (SCHEMA[type]);
    return {
      ...this.describeGlobalEntry(object, version),
      fields: this.visibleFields(type).map((def) => {
        const locked = def.readOnly || this.flsOf(type, def.name).readOnly;
        return {
          name: def.name,
          label: def.label,
          type: def.type,
          length: def.length,
          byteLength: def.length * 3,
          custom: def.custom,
          createable: !locked,
          updateable: !locked && !def.createOnly,
          filterable: def.filterable,
          sortable: def.sortable,
          nillable: def.nillable,
          defaultedOnCreate: def.defaultValue !== undefined || def.name === 'OwnerId' || def.readOnly,
          calculated: def.name === 'Name' && (type === 'Lead' || type === 'Contact'),
          idLookup: def.type === 'id' || def.type === 'email',
          restrictedPicklist: Boolean(def.restricted),
          referenceTo: def.referenceTo ?? [],
          relationshipName: def.relationshipName ?? null,
          polymorphicForeignKey: (def.referenceTo?.length ?? 0) > 1,
          picklistValues: (def.picklist ?? []).map((value) => ({
            value,
            label: value,
            active: true,
            defaultValue: value === def.defaultValue,
            validFor: null,
          })),
        };
      }),
      childRelationships: [],
      recordTypeInfos: [],
    };
  }

  /** @param {ObjectDef} object @param {string} version */
  describeGlobalEntry(object, version) {
    const base = `/services/data/v${version}/sobjects/${object.name}`;
    return {
      name: object.name,
      label: object.label,
      labelPlural: object.labelPlural,
      keyPrefix: object.keyPrefix,
      custom: false,
      createable: object.writable,
      updateable: object.writable,
      deletable: object.writable,
      queryable: true,
      retrieveable: true,
      searchable: object.name !== 'LeadHistory',
      urls: { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` },
    };
  }

  /** @param {string} version */
  describeGlobal(version) {
    return {
      encoding: 'UTF-8',
      maxBatchSize: 200,
      sobjects: Object.values(SCHEMA).map((object) => this.describeGlobalEntry(object, version)),
    };
  }

  // --- state and snapshots ---

  state() {
    return {
      ...Object.fromEntries(OBJECT_TYPES.map((type) => [type, [...(this.tables[type]?.values() ?? [])]])),
      deleted: structuredClone(this.deleted),
    };
  }

  snapshot() {
    return structuredClone({
      tables: this.tables,
      deleted: this.deleted,
      malformed: this.malformed,
      counter: this.counter,
    });
  }

  /** @param {ReturnType<Org['snapshot']>} snapshot */
  restore(snapshot) {
    const copy = structuredClone(snapshot);
    this.tables = copy.tables;
    this.deleted = copy.deleted;
    this.malformed = copy.malformed;
    this.counter = copy.counter;
  }
}

/** @typedef {{ children: Map<string, SelectionNode>, leaf?: FieldDef, ref?: FieldDef, polymorphic?: boolean }} SelectionNode */

export const notFound = () => new ApiError(404, 'NOT_FOUND', 'The requested resource does not exist');

/**
 * Checks a WHERE literal against the field type, as Salesforce does.
 * @param {string} type @param {string} fieldText @param {import('./soql.mjs').Literal} value @param {boolean} like
 */
function checkLiteral(type, fieldText, value, like) {
  const bad = (/** @type {string} */ expected, quoted = false) =>
    new ApiError(
      400,
      'INVALID_QUERY_FILTER_OPERATOR',
      `value of filter criterion for field '${fieldText}' must be of type ${expected} and should ${quoted ? '' : 'not '}be enclosed in quotes`,
    );
  if (like && !TEXT_TYPES.has(type) && type !== 'id' && type !== 'reference') {
    throw new ApiError(
      400,
      'INVALID_QUERY_FILTER_OPERATOR',
      `invalid operator on ${type} field: ${fieldText}`,
    );
  }
  if (value.kind === 'null') return;
  if (TEXT_TYPES.has(type) && value.kind !== 'string') throw bad('string', true);
  if (type === 'id' || type === 'reference') {
    if (value.kind !== 'string') throw bad('id', true);
    if (!like && !isIdShaped(value.value)) {
      throw new ApiError(400, 'INVALID_QUERY_FILTER_OPERATOR', `invalid ID field: ${value.value}`);
    }
  }
  if ((type === 'int' || type === 'double') && value.kind !== 'number') throw bad(type);
  if (type === 'boolean' && value.kind !== 'boolean') throw bad('boolean');
  if (type === 'date' && value.kind !== 'date') throw bad('date');
  if (type === 'datetime' && value.kind !== 'datetime') throw bad('dateTime');
}
