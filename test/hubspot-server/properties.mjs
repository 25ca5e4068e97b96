/**
 * Property definitions of the test portal: the contact and lead properties `GET /crm/properties/{v}/…`
 * lists, the lead pipelines, and the (unlisted) engagement properties the create endpoints accept. Writes are validated
 * against these: unknown property, read-only value, enumeration option, number, datetime, owner id,
 * e-mail, length.
 */

/**
 * @typedef {{ label: string, value: string, displayOrder: number, hidden: boolean, description?: string }} PropertyOption
 * @typedef {{
 *   name: string, label: string, type: 'string' | 'number' | 'enumeration' | 'datetime' | 'date' | 'bool' | 'phone_number',
 *   fieldType: string, groupName: string, description: string, options: PropertyOption[], displayOrder: number,
 *   hasUniqueValue: boolean, hidden: boolean, formField: boolean, calculated: boolean, externalOptions: boolean,
 *   hubspotDefined?: boolean, referencedObjectType?: string,
 *   modificationMetadata: { archivable: boolean, readOnlyDefinition: boolean, readOnlyValue: boolean },
 *   createdAt: string, updatedAt: string, archived: boolean,
 * }} PropertyDefinition
 */

/** The portal's HubSpot users (owners). `90001` is the signed-in rep of the sample workspace. */
export const OWNERS = [
  { id: '90001', email: 'alex.rep@baton-demo.example', firstName: 'Alex', lastName: 'Rep' },
  { id: '90002', email: 'jo.teammate@baton-demo.example', firstName: 'Jo', lastName: 'Teammate' },
  { id: '90003', email: 'sam.marketing@baton-demo.example', firstName: 'Sam', lastName: 'Marketing' },
];

/** Default lifecycle stages (HubSpot's defaults; portals may customise them since 2022). */
export const LIFECYCLE_STAGES = [
  ['subscriber', 'Subscriber'],
  ['lead', 'Lead'],
  ['marketingqualifiedlead', 'Marketing Qualified Lead'],
  ['salesqualifiedlead', 'Sales Qualified Lead'],
  ['opportunity', 'Opportunity'],
  ['customer', 'Customer'],
  ['evangelist', 'Evangelist'],
  ['other', 'Other'],
];

/** Default lead statuses. */
export const LEAD_STATUSES = [
  ['NEW', 'New'],
  ['OPEN', 'Open'],
  ['IN_PROGRESS', 'In Progress'],
  ['OPEN_DEAL', 'Open Deal'],
  ['UNQUALIFIED', 'Unqualified'],
  ['ATTEMPTED_TO_CONTACT', 'Attempted to Contact'],
  ['CONNECTED', 'Connected'],
  ['BAD_TIMING', 'Bad Timing'],
];

/** The contact "Number of Employees" property is a picklist of ranges, not a number. */
export const EMPLOYEE_RANGES = ['1-5', '5-25', '25-50', '50-100', '100-500', '500-1000', '1000+'];

/** Same options as Baton's default "Timeframe" qualification picklist. */
export const TIMEFRAMES = ['This quarter', 'Next quarter', 'This year', 'Next year', 'No timeframe'];

const DEFINED_AT = '2024-01-02T09:00:00.000Z';

/** @param {Array<[string, string] | string>} pairs @returns {PropertyOption[]} */
const options = (pairs) =>
  pairs.map((pair, index) => {
    const [value, label] = Array.isArray(pair) ? pair : [pair, pair];
    return { label, value, displayOrder: index, hidden: false };
  });

/**
 * @param {string} name @param {string} label @param {PropertyDefinition['type']} type @param {string} fieldType
 * @param {Partial<PropertyDefinition> & { readOnly?: boolean }} [extra]
 * @returns {PropertyDefinition}
 */
function define(name, label, type, fieldType, extra = {}) {
  const { readOnly = false, ...rest } = extra;
  const custom = name.startsWith('baton_');
  return {
    name,
    label,
    type,
    fieldType,
    groupName: custom ? 'baton' : 'contactinformation',
    description: '',
    options: [],
    displayOrder: -1,
    hasUniqueValue: false,
    hidden: false,
    formField: !readOnly,
    calculated: false,
    externalOptions: false,
    ...(custom ? {} : { hubspotDefined: true }),
    modificationMetadata: { archivable: custom, readOnlyDefinition: !custom, readOnlyValue: readOnly },
    createdAt: DEFINED_AT,
    updatedAt: DEFINED_AT,
    archived: false,
    ...rest,
  };
}

/** @type {PropertyDefinition[]} */
export const CONTACT_PROPERTIES = [
  define('hs_object_id', 'Record ID', 'number', 'number', { readOnly: true, groupName: 'contact_activity' }),
  define('createdate', 'Create Date', 'datetime', 'date', { readOnly: true, groupName: 'contact_activity' }),
  define('lastmodifieddate', 'Last Modified Date', 'datetime', 'date', {
    readOnly: true,
    groupName: 'contact_activity',
  }),
  define('firstname', 'First Name', 'string', 'text'),
  define('lastname', 'Last Name', 'string', 'text'),
  define('email', 'Email', 'string', 'text', { hasUniqueValue: true }),
  define('hs_additional_emails', 'Additional email addresses', 'enumeration', 'checkbox', { readOnly: true }),
  define('jobtitle', 'Job Title', 'string', 'text'),
  define('company', 'Company Name', 'string', 'text'),
  define('phone', 'Phone Number', 'string', 'phonenumber'),
  define('industry', 'Industry', 'string', 'text'),
  define('numberofemployees', 'Number of Employees', 'enumeration', 'select', {
    options: options(EMPLOYEE_RANGES),
  }),
  define('lifecyclestage', 'Lifecycle Stage', 'enumeration', 'radio', {
    options: options(LIFECYCLE_STAGES),
  }),
  define('hs_lead_status', 'Lead Status', 'enumeration', 'radio', {
    groupName: 'sales_properties',
    options: options(LEAD_STATUSES),
  }),
  define('hubspot_owner_id', 'Contact owner', 'enumeration', 'select', {
    groupName: 'sales_properties',
    externalOptions: true,
    referencedObjectType: 'OWNER',
  }),
  define(
    'hs_lifecyclestage_marketingqualifiedlead_date',
    'Became a Marketing Qualified Lead Date',
    'datetime',
    'date',
    { readOnly: true, calculated: true, groupName: 'contact_activity' },
  ),
  define(
    'hs_lifecyclestage_salesqualifiedlead_date',
    'Became a Sales Qualified Lead Date',
    'datetime',
    'date',
    { readOnly: true, calculated: true, groupName: 'contact_activity' },
  ),
  define('hs_lifecyclestage_customer_date', 'Became a Customer Date', 'datetime', 'date', {
    readOnly: true,
    calculated: true,
    groupName: 'contact_activity',
  }),
  define('hs_analytics_source', 'Original Traffic Source', 'enumeration', 'select', {
    readOnly: true,
    calculated: true,
    groupName: 'analyticsinformation',
    options: options([
      ['ORGANIC_SEARCH', 'Organic Search'],
      ['PAID_SEARCH', 'Paid Search'],
      ['EMAIL_MARKETING', 'Email Marketing'],
      ['SOCIAL_MEDIA', 'Organic Social'],
      ['REFERRALS', 'Referrals'],
      ['OTHER_CAMPAIGNS', 'Other Campaigns'],
      ['DIRECT_TRAFFIC', 'Direct Traffic'],
      ['OFFLINE', 'Offline Sources'],
      ['PAID_SOCIAL', 'Paid Social'],
    ]),
  }),
  define('hs_linkedin_url', 'LinkedIn URL', 'string', 'text', { groupName: 'social_media_information' }),
  define('recent_conversion_event_name', 'Recent Conversion', 'string', 'text', {
    readOnly: true,
    groupName: 'conversioninformation',
  }),
  define('recent_conversion_date', 'Recent Conversion Date', 'datetime', 'date', {
    readOnly: true,
    groupName: 'conversioninformation',
  }),
  define('first_conversion_event_name', 'First Conversion', 'string', 'text', {
    readOnly: true,
    groupName: 'conversioninformation',
  }),
  define('first_conversion_date', 'First Conversion Date', 'datetime', 'date', {
    readOnly: true,
    groupName: 'conversioninformation',
  }),
  define('hubspot_owner_assigneddate', 'Owner assigned date', 'datetime', 'date', {
    readOnly: true,
    calculated: true,
    groupName: 'sales_properties',
    description:
      'When the current owner was assigned (only the latest assignment; set when the owner changes).',
  }),
  define('hs_analytics_last_url', 'Last Page Seen', 'string', 'text', {
    readOnly: true,
    calculated: true,
    groupName: 'analyticsinformation',
  }),
  define('hs_analytics_last_visit_timestamp', 'Time of Last Session', 'datetime', 'date', {
    readOnly: true,
    calculated: true,
    groupName: 'analyticsinformation',
  }),
  define('hs_analytics_num_page_views', 'Number of Pageviews', 'number', 'number', {
    readOnly: true,
    calculated: true,
    groupName: 'analyticsinformation',
  }),
  define('hs_email_last_email_name', 'Last marketing email name', 'string', 'text', {
    readOnly: true,
    calculated: true,
    groupName: 'emailinformation',
  }),
  define('hs_email_last_click_date', 'Last marketing email click date', 'datetime', 'date', {
    readOnly: true,
    calculated: true,
    groupName: 'emailinformation',
  }),
  define('hs_email_last_open_date', 'Last marketing email open date', 'datetime', 'date', {
    readOnly: true,
    calculated: true,
    groupName: 'emailinformation',
  }),
  define('hubspotscore', 'HubSpot Score (legacy)', 'number', 'number', {
    readOnly: true,
    calculated: true,
    groupName: 'contactinformation',
    description: 'The legacy HubSpot score; it stopped updating on 2025-08-31.',
  }),
  // As the lead-scoring tool creates them: per-portal names, so clients find them by listing properties.
  define('lead_scoring_fit', 'Fit score', 'number', 'number', {
    readOnly: true,
    calculated: true,
    groupName: 'lead_scoring',
    hubspotDefined: false,
    description: 'Fit score of the "Lead scoring" score (lead-scoring tool).',
  }),
  define('lead_scoring_engagement', 'Engagement score', 'number', 'number', {
    readOnly: true,
    calculated: true,
    groupName: 'lead_scoring',
    hubspotDefined: false,
    description: 'Engagement score of the "Lead scoring" score (lead-scoring tool).',
  }),
  define('lead_scoring_combined', 'Combined score', 'number', 'number', {
    readOnly: true,
    calculated: true,
    groupName: 'lead_scoring',
    hubspotDefined: false,
    description: 'Combined (fit and engagement) score of the "Lead scoring" score (lead-scoring tool).',
  }),
  define('baton_budget', 'Budget', 'string', 'text', { description: 'Budget stated by the lead (Baton).' }),
  define('baton_timeframe', 'Timeframe', 'enumeration', 'select', {
    description: 'When the lead means to buy (Baton).',
    options: options(TIMEFRAMES),
  }),
  define('baton_need', 'Need', 'string', 'textarea', {
    description: 'The problem the lead wants solved (Baton).',
  }),
  define('baton_product_interest', 'Product of interest', 'string', 'text'),
  define('baton_territory', 'Territory', 'string', 'text'),
];

/**
 * The lead pipelines (`GET /crm/pipelines/{v}/leads`): HubSpot's default lead pipeline with its five
 * default stages (stage ids such as `new-stage-id` are seen in public code; the pipeline id is the
 * server's choice).
 * @typedef {{ id: string, label: string, displayOrder: number, archived: false, createdAt: string, updatedAt: string, metadata: Record<string, string> }} PipelineStage
 * @typedef {{ id: string, label: string, displayOrder: number, archived: false, createdAt: string, updatedAt: string, stages: PipelineStage[] }} Pipeline
 * @type {Pipeline[]}
 */
export const LEAD_PIPELINES = [
  {
    id: 'lead-pipeline-id',
    label: 'Lead pipeline',
    displayOrder: 0,
    archived: false,
    createdAt: DEFINED_AT,
    updatedAt: DEFINED_AT,
    stages: [
      ['new-stage-id', 'New'],
      ['attempting-stage-id', 'Attempting'],
      ['connected-stage-id', 'Connected'],
      ['qualified-stage-id', 'Qualified'],
      ['unqualified-stage-id', 'Unqualified'],
    ].map(([id, label], index) => ({
      id: /** @type {string} */ (id),
      label: /** @type {string} */ (label),
      displayOrder: index,
      archived: /** @type {const} */ (false),
      createdAt: DEFINED_AT,
      updatedAt: DEFINED_AT,
      metadata: {},
    })),
  },
];

/** Every lead stage id of every pipeline. */
const LEAD_STAGES = LEAD_PIPELINES.flatMap((pipeline) => pipeline.stages);

/** Reasons a lead is disqualified (the options of `hs_lead_disqualification_reason`). */
export const LEAD_DISQUALIFICATION_REASONS = [
  ['NOT_A_FIT', 'Not a fit'],
  ['NO_BUDGET', 'No budget'],
  ['BAD_TIMING', 'Bad timing'],
  ['NO_RESPONSE', 'No response'],
  ['COMPETITOR', 'Went with a competitor'],
  ['OTHER', 'Other'],
];

/** @param {string} name @param {string} label @param {PropertyDefinition['type']} type @param {string} fieldType @param {Partial<PropertyDefinition> & { readOnly?: boolean }} [extra] */
const lead = (name, label, type, fieldType, extra = {}) =>
  define(name, label, type, fieldType, { groupName: 'lead_information', ...extra });

/**
 * Lead properties (`GET /crm/properties/{v}/leads`). `hs_primary_contact_id` is kept by the server
 * (the lead's first associated contact); `hs_date_entered_<stageId>` / `hs_date_exited_<stageId>`
 * are set when a lead enters or leaves a stage (the latest time; names use the stage ids as they are).
 * @type {PropertyDefinition[]}
 */
export const LEAD_PROPERTIES = [
  lead('hs_object_id', 'Record ID', 'number', 'number', { readOnly: true }),
  lead('hs_createdate', 'Create date', 'datetime', 'date', { readOnly: true }),
  lead('createdate', 'Create date', 'datetime', 'date', { readOnly: true }),
  lead('hs_lastmodifieddate', 'Last modified date', 'datetime', 'date', { readOnly: true }),
  lead('hs_lead_name', 'Lead name', 'string', 'text'),
  lead('hs_pipeline', 'Pipeline', 'enumeration', 'select', {
    options: options(LEAD_PIPELINES.map((pipeline) => [pipeline.id, pipeline.label])),
  }),
  lead('hs_pipeline_stage', 'Lead stage', 'enumeration', 'select', {
    options: options(LEAD_STAGES.map((stage) => [stage.id, stage.label])),
  }),
  lead('hubspot_owner_id', 'Lead owner', 'enumeration', 'select', {
    externalOptions: true,
    referencedObjectType: 'OWNER',
  }),
  lead('hs_lead_disqualification_reason', 'Disqualification reason', 'enumeration', 'select', {
    options: options(LEAD_DISQUALIFICATION_REASONS),
  }),
  // The option values are from memory of HubSpot's defaults, not checked against a portal.
  lead('hs_lead_type', 'Lead type', 'enumeration', 'select', {
    options: options([
      ['NEW_BUSINESS', 'New business'],
      ['EXISTING_BUSINESS', 'Existing business'],
    ]),
  }),
  lead('hs_primary_contact_id', 'Primary contact ID', 'number', 'number', {
    readOnly: true,
    calculated: true,
  }),
  ...LEAD_STAGES.flatMap((stage) => [
    lead(`hs_date_entered_${stage.id}`, `Date entered "${stage.label} (Lead pipeline)"`, 'datetime', 'date', {
      readOnly: true,
      calculated: true,
    }),
    lead(`hs_date_exited_${stage.id}`, `Date exited "${stage.label} (Lead pipeline)"`, 'datetime', 'date', {
      readOnly: true,
      calculated: true,
    }),
  ]),
];

/** @param {string} name @param {string} label @param {PropertyDefinition['type']} type @param {Array<[string, string] | string>} [choices] @param {Partial<PropertyDefinition> & { readOnly?: boolean }} [extra] */
const activity = (name, label, type, choices, extra = {}) =>
  define(name, label, type, type === 'enumeration' ? 'select' : type === 'datetime' ? 'date' : 'text', {
    groupName: 'engagement',
    ...(choices ? { options: options(choices) } : {}),
    ...extra,
  });

const COMMON_ACTIVITY = [
  activity('hs_object_id', 'Record ID', 'number', undefined, { readOnly: true }),
  activity('hs_createdate', 'Create Date', 'datetime', undefined, { readOnly: true }),
  activity('hs_lastmodifieddate', 'Last Modified Date', 'datetime', undefined, { readOnly: true }),
  activity('hs_timestamp', 'Activity date', 'datetime'),
  activity('hubspot_owner_id', 'Activity assigned to', 'enumeration', undefined, {
    externalOptions: true,
    referencedObjectType: 'OWNER',
  }),
];

/**
 * Engagement properties. Not listed by the server (only contact properties are), but create
 * requests are validated against them. No custom properties: an idempotency key has to live in a
 * standard text property (e.g. the call title).
 * @type {Record<'calls' | 'emails' | 'communications' | 'notes', PropertyDefinition[]>}
 */
export const ENGAGEMENT_PROPERTIES = {
  calls: [
    ...COMMON_ACTIVITY,
    activity('hs_call_title', 'Call Title', 'string'),
    activity('hs_call_body', 'Call notes', 'string'),
    activity('hs_call_direction', 'Call direction', 'enumeration', [
      ['INBOUND', 'Inbound'],
      ['OUTBOUND', 'Outbound'],
    ]),
    activity('hs_call_duration', 'Call duration (ms)', 'number'),
    activity('hs_call_status', 'Call status', 'enumeration', [
      'BUSY',
      'CALLING_CRM_USER',
      'CANCELED',
      'COMPLETED',
      'CONNECTING',
      'FAILED',
      'IN_PROGRESS',
      'MISSED',
      'NO_ANSWER',
      'QUEUED',
      'RINGING',
    ]),
    activity('hs_call_disposition', 'Call outcome', 'string'),
    activity('hs_call_from_number', 'From number', 'string'),
    activity('hs_call_to_number', 'To number', 'string'),
    activity('hs_call_recording_url', 'Recording URL', 'string'),
  ],
  emails: [
    ...COMMON_ACTIVITY,
    activity('hs_email_direction', 'Email direction', 'enumeration', [
      ['EMAIL', 'Sent by CRM user'],
      ['INCOMING_EMAIL', 'Reply from contact'],
      ['FORWARDED_EMAIL', 'Forwarded'],
    ]),
    activity('hs_email_subject', 'Email subject', 'string'),
    activity('hs_email_text', 'Email body (text)', 'string'),
    activity('hs_email_html', 'Email body (HTML)', 'string'),
    activity('hs_email_status', 'Email send status', 'enumeration', [
      'BOUNCED',
      'FAILED',
      'SCHEDULED',
      'SENDING',
      'SENT',
    ]),
    activity('hs_email_headers', 'Email headers (JSON)', 'string'),
  ],
  communications: [
    ...COMMON_ACTIVITY,
    activity('hs_communication_channel_type', 'Channel type', 'enumeration', [
      ['WHATS_APP', 'WhatsApp'],
      ['LINKEDIN_MESSAGE', 'LinkedIn'],
      ['SMS', 'SMS'],
    ]),
    activity('hs_communication_logged_from', 'Logged from', 'enumeration', [['CRM', 'CRM']]),
    activity('hs_communication_body', 'Body', 'string'),
  ],
  notes: [
    ...COMMON_ACTIVITY,
    activity('hs_note_body', 'Note body', 'string'),
    activity('hs_attachment_ids', 'Attachment ids', 'string'),
  ],
};

/** Properties every object of a type returns even when not asked for. */
export const ALWAYS_RETURNED = {
  contacts: ['createdate', 'hs_object_id', 'lastmodifieddate'],
  leads: ['createdate', 'hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  engagement: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
};

/** Returned when a request names no properties. */
export const DEFAULT_PROPERTIES = {
  contacts: ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'],
  leads: ['createdate', 'hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  engagement: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
};

/** HubSpot's limit for a single-line or multi-line text value. */
export const MAX_TEXT_LENGTH = 65_536;
