import { z } from 'zod';

/**
 * HubSpot's date-based API version, in one place. HubSpot ends support for the v1–v3 paths in
 * September 2027; every path Baton calls is built from this constant.
 */
export const HUBSPOT_API_VERSION = '2026-03';
export const HUBSPOT_DEFAULT_BASE_URL = 'https://api.hubapi.com';

export const ENGAGEMENT_TYPES = ['calls', 'emails', 'communications', 'notes'] as const;
export type EngagementType = (typeof ENGAGEMENT_TYPES)[number];

/** Association type ids (HUBSPOT_DEFINED) from an engagement to a contact. */
export const TO_CONTACT_ASSOCIATION: Record<EngagementType, number> = {
  calls: 194,
  emails: 198,
  communications: 81,
  notes: 202,
};

/** CRM records Baton reads and updates: contacts, and the Leads object (Leads mode). */
export type RecordType = 'contacts' | 'leads';
export type ObjectType = RecordType | EngagementType;

const objectPath = (objectType: ObjectType, id: string) =>
  `/crm/objects/${HUBSPOT_API_VERSION}/${objectType}/${encodeURIComponent(id)}`;

export const paths = {
  properties: (objectType: RecordType) => `/crm/properties/${HUBSPOT_API_VERSION}/${objectType}`,
  /** The Owners API: the portal's users, by owner id (scope crm.objects.owners.read). */
  owners: () => `/crm/owners/${HUBSPOT_API_VERSION}`,
  /** The Leads object's pipelines and their stages (object type id 0-136). */
  leadPipelines: () => `/crm/pipelines/${HUBSPOT_API_VERSION}/0-136`,
  search: (objectType: ObjectType) => `/crm/objects/${HUBSPOT_API_VERSION}/${objectType}/search`,
  objects: (objectType: ObjectType) => `/crm/objects/${HUBSPOT_API_VERSION}/${objectType}`,
  object: objectPath,
  batchRead: (objectType: ObjectType) => `/crm/objects/${HUBSPOT_API_VERSION}/${objectType}/batch/read`,
  /** Associations v4 batch read, in the date-based form: `POST /crm/associations/{v}/{from}/{to}/batch/read`. */
  batchAssociations: (fromType: EngagementType | 'leads', toType: 'contacts') =>
    `/crm/associations/${HUBSPOT_API_VERSION}/${fromType}/${toType}/batch/read`,
  contactAssociations: (id: string, toType: EngagementType | 'leads') =>
    `${objectPath('contacts', id)}/associations/${toType}`,
  /** "Associate records (default)": `PUT /crm/objects/{v}/{from}/{id}/associations/default/{to}/{id}`, idempotent. */
  defaultAssociation: (fromType: ObjectType, fromId: string, toType: ObjectType, toId: string) =>
    `${objectPath(fromType, fromId)}/associations/default/${toType}/${encodeURIComponent(toId)}`,
};

/** Property values come back as strings or null. */
const Properties = z.record(z.string(), z.string().nullable().optional());

/** One write of a property, as `propertiesWithHistory` returns it (newest first). */
export const HistoryEntry = z.object({
  value: z.string().nullable().optional(),
  timestamp: z.string(),
  sourceType: z.string().optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/**
 * A record's `propertiesWithHistory`, read entry by entry: one odd entry is left out, never the
 * record (one bad value must not hide a contact from the queue).
 */
export const PropertiesWithHistory = z.record(
  z.string(),
  z
    .array(z.unknown())
    .transform((rows) => rows.flatMap((row) => HistoryEntry.safeParse(row).data ?? []))
    .catch([]),
);

export const CrmObject = z.object({
  id: z.string(),
  properties: Properties,
  /** Asked for by name (`propertiesWithHistory`): every write of those properties, newest first. */
  propertiesWithHistory: PropertiesWithHistory.optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  archived: z.boolean().optional(),
});
export type CrmObject = z.infer<typeof CrmObject>;

/**
 * A list of records, read record by record: one that does not parse is left out and counted
 * (`skipped`), so one odd record never fails the list it came in.
 */
const EachRecord = z.array(z.unknown()).transform((rows) => {
  const results: CrmObject[] = [];
  for (const row of rows) {
    const record = CrmObject.safeParse(row);
    if (record.success) results.push(record.data);
  }
  return { results, skipped: rows.length - results.length };
});

export const SearchResponse = z
  .object({
    total: z.number().optional(),
    results: EachRecord,
    paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
  })
  .transform(({ results, ...page }) => ({ ...page, ...results }));

export const BatchReadResponse = z
  .object({ status: z.string().optional(), results: EachRecord })
  .transform(({ results, ...rest }) => ({ ...rest, ...results }));

export const AssociationsResponse = z.object({
  results: z.array(z.object({ toObjectId: z.union([z.string(), z.number()]).transform(String) })),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});

/**
 * Associations v4 batch read (`{ results: [{ from: { id }, to: [{ toObjectId, associationTypes }],
 * paging? }], errors? }`), read row by row: a row that does not parse is left out and counted.
 */
const AssociationRow = z.object({
  from: z.object({ id: z.union([z.string(), z.number()]).transform(String) }),
  to: z.array(z.object({ toObjectId: z.union([z.string(), z.number()]).transform(String) })),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});
export type AssociationRow = z.infer<typeof AssociationRow>;
export const BatchAssociationsResponse = z
  .object({ status: z.string().optional(), results: z.array(z.unknown()) })
  .transform(({ results: rows }) => {
    const results: AssociationRow[] = [];
    for (const row of rows) {
      const parsed = AssociationRow.safeParse(row);
      if (parsed.success) results.push(parsed.data);
    }
    return { results, skipped: rows.length - results.length };
  });

export const PropertiesResponse = z.object({
  results: z.array(
    z.object({
      name: z.string(),
      label: z.string(),
      type: z.string().optional(),
      fieldType: z.string().optional(),
      options: z.array(z.object({ label: z.string(), value: z.string() })).optional(),
    }),
  ),
});
export type ContactProperty = z.infer<typeof PropertiesResponse>['results'][number];

/** A pipeline stage; `metadata` and the dates are not used. */
const PipelineStage = z.object({
  id: z.string().min(1),
  label: z.string(),
  displayOrder: z.number().optional(),
  archived: z.boolean().optional(),
});
const Pipeline = z.object({
  id: z.string().min(1),
  label: z.string(),
  displayOrder: z.number().optional(),
  archived: z.boolean().optional(),
  stages: z.array(PipelineStage),
});
export type Pipeline = z.infer<typeof Pipeline>;
/** `GET /crm/pipelines/{v}/0-136`, pipeline by pipeline: one that does not parse is left out. */
export const PipelinesResponse = z.object({
  results: z
    .array(z.unknown())
    .transform((rows) => rows.flatMap((row) => Pipeline.safeParse(row).data ?? [])),
});

/** `GET /crm/owners/{v}`, owner by owner: one that does not parse is left out. */
const Owner = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  firstName: z.string().nullable().optional(),
  lastName: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
});
export type Owner = z.infer<typeof Owner>;
export const OwnersResponse = z.object({
  results: z.array(z.unknown()).transform((rows) => rows.flatMap((row) => Owner.safeParse(row).data ?? [])),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});

/** The answer to a default association: only its status matters (an error is an HTTP error). */
export const DefaultAssociationResponse = z.object({ status: z.string().optional() }).passthrough();

export const ErrorBody = z
  .object({
    message: z.string().optional(),
    category: z.string().optional(),
    policyName: z.string().optional(),
  })
  .passthrough();

export type Filter = {
  propertyName: string;
  operator: 'EQ' | 'NEQ' | 'CONTAINS_TOKEN' | 'HAS_PROPERTY' | 'IN' | 'GTE' | 'LTE' | 'LT';
  value?: string;
  values?: string[];
};
