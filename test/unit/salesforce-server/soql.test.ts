import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HERO_IDS, parseSoql, REP_USER_ID, SoqlError } from '../../salesforce-server/server.mjs';
import { DATA, type Harness, type Json, startHarness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await h.control('POST', '/seed', {
    empty: true,
    records: [
      {
        type: 'Lead',
        fields: {
          FirstName: 'Ann',
          LastName: "O'Brien",
          Company: 'Back\\slash Ltd',
          Status: 'MQL',
          NumberOfEmployees: 50,
          Fit_Score__c: 10.5,
          MQL_Date__c: '2026-11-01T10:00:00Z',
          Title: '100% remote',
        },
      },
      {
        type: 'Lead',
        fields: {
          FirstName: 'Bob',
          LastName: 'Smith_Jones',
          Company: 'Acme',
          Status: 'Working - Contacted',
          NumberOfEmployees: 500,
          Fit_Score__c: 70,
          MQL_Date__c: '2026-11-02T10:00:00Z',
          Title: 'CTO',
        },
      },
      {
        type: 'Lead',
        fields: {
          FirstName: 'Cy',
          LastName: 'Smithers',
          Company: 'acme',
          Status: 'MQL',
          NumberOfEmployees: 5000,
          MQL_Date__c: '2026-11-03T09:59:59.500+01:00',
          Title: 'Head of IT',
        },
      },
      {
        type: 'Lead',
        fields: { FirstName: 'Di', LastName: 'Nguyen', Company: 'Zeta', Status: 'Nurture', Title: null },
      },
    ],
  });
});
afterEach(async () => {
  await h.server.close();
});

const names = async (soql: string) => {
  const reply = await h.query(soql);
  if (reply.status !== 200) throw new Error(`${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.records.map((r: Json) => r.FirstName);
};
const error = async (soql: string) => {
  const reply = await h.query(soql);
  expect(reply.status).toBe(400);
  return reply.body[0];
};

describe('SOQL parser', () => {
  it('parses select lists, relationships, ORDER BY, LIMIT and OFFSET with keywords in any case', () => {
    const query = parseSoql(
      "select Id, Owner.Name FROM Lead where Status = 'MQL' order by MQL_Date__c desc nulls first, Name LIMIT 5 offset 2",
    );
    expect(query.fields.map((f) => f.path)).toEqual([['Id'], ['Owner', 'Name']]);
    expect(query.object).toBe('Lead');
    expect(query.orderBy.map((o) => [o.field.text, o.descending, o.nullsLast])).toEqual([
      ['MQL_Date__c', true, false],
      ['Name', false, false],
    ]);
    expect([query.limit, query.offset]).toEqual([5, 2]);
  });

  it('throws SoqlError for text outside the subset', () => {
    for (const text of [
      '',
      'SELECT FROM Lead',
      'SELECT Id Lead',
      'SELECT Id FROM Lead WHERE',
      'SELECT Id FROM Lead WHERE Name = ',
      "SELECT Id FROM Lead WHERE Name = 'open",
      "SELECT Id FROM Lead WHERE Name = 'a\\qb'",
      'SELECT Id FROM Lead GROUP BY Status',
      'SELECT COUNT() FROM Lead',
      'SELECT Id, (SELECT Id FROM Tasks) FROM Lead',
      'SELECT Id FROM Lead LIMIT -1',
      'SELECT Id FROM Lead WHERE CreatedDate > 2026-13-01',
      "SELECT Id FROM Lead WHERE Name = 'a' AND Name = 'b' OR Name = 'c'",
      'SELECT Id FROM Lead ORDER BY',
    ]) {
      expect(() => parseSoql(text), text).toThrow(SoqlError);
    }
  });
});

describe('SOQL queries', () => {
  it("round-trips the escapes \\' and \\\\ in string literals", async () => {
    expect(await names("SELECT FirstName FROM Lead WHERE LastName = 'O\\'Brien'")).toEqual(['Ann']);
    expect(await names("SELECT FirstName FROM Lead WHERE Company = 'Back\\\\slash Ltd'")).toEqual(['Ann']);
    expect(await names("SELECT FirstName FROM Lead WHERE LastName = 'O\\\"Brien'")).toEqual([]);
  });

  it('matches LIKE with % and _ wildcards without regard to case, and \\% \\_ literally', async () => {
    expect(await names("SELECT FirstName FROM Lead WHERE LastName LIKE 'smith%'")).toEqual(['Bob', 'Cy']);
    expect(await names("SELECT FirstName FROM Lead WHERE LastName LIKE 'Smith_Jones'")).toEqual(['Bob']);
    expect(await names("SELECT FirstName FROM Lead WHERE LastName LIKE 'Smith\\_%'")).toEqual(['Bob']);
    expect(await names("SELECT FirstName FROM Lead WHERE LastName LIKE 'Smith_rs'")).toEqual(['Cy']);
    expect(await names("SELECT FirstName FROM Lead WHERE LastName LIKE 'Smith__rs'")).toEqual([]);
    expect(await names("SELECT FirstName FROM Lead WHERE Title LIKE '100\\% %'")).toEqual(['Ann']);
    expect(await names("SELECT FirstName FROM Lead WHERE Title LIKE '100\\%'")).toEqual([]);
    expect(await names("SELECT FirstName FROM Lead WHERE Title LIKE '%.%'")).toEqual([]);
  });

  it('compares text without regard to case for =, and follows AND / OR / NOT with parentheses', async () => {
    expect(await names("SELECT FirstName FROM Lead WHERE Company = 'ACME'")).toEqual(['Bob', 'Cy']);
    expect(
      await names(
        "SELECT FirstName FROM Lead WHERE Status = 'MQL' AND (Company = 'Acme' OR Company = 'Zeta')",
      ),
    ).toEqual(['Cy']);
    expect(
      await names(
        "SELECT FirstName FROM Lead WHERE (Status = 'MQL' AND Company = 'Acme') OR Company = 'Zeta'",
      ),
    ).toEqual(['Cy', 'Di']);
    expect(await names("SELECT FirstName FROM Lead WHERE NOT Status = 'MQL' AND Company != 'Zeta'")).toEqual([
      'Bob',
    ]);
    expect(await names("SELECT FirstName FROM Lead WHERE NOT (Status = 'MQL' OR Company = 'Zeta')")).toEqual([
      'Bob',
    ]);
    const mixed = await error(
      "SELECT FirstName FROM Lead WHERE Status = 'MQL' AND Company = 'Acme' OR Company = 'Zeta'",
    );
    expect(mixed.errorCode).toBe('MALFORMED_QUERY');
  });

  it('filters IN and NOT IN lists, numbers numerically and nulls', async () => {
    expect(
      await names("SELECT FirstName FROM Lead WHERE Status IN ('Nurture', 'working - contacted')"),
    ).toEqual(['Bob', 'Di']);
    expect(await names("SELECT FirstName FROM Lead WHERE Status NOT IN ('MQL')")).toEqual(['Bob', 'Di']);
    expect(await names('SELECT FirstName FROM Lead WHERE NumberOfEmployees > 100')).toEqual(['Bob', 'Cy']);
    expect(await names('SELECT FirstName FROM Lead WHERE Fit_Score__c <= 10.5')).toEqual(['Ann']);
    expect(await names('SELECT FirstName FROM Lead WHERE NumberOfEmployees = null')).toEqual(['Di']);
    expect(
      await names('SELECT FirstName FROM Lead WHERE Title != null AND NumberOfEmployees < 1000'),
    ).toEqual(['Ann', 'Bob']);
  });

  it('compares datetimes as instants and dates as dates', async () => {
    expect(await names('SELECT FirstName FROM Lead WHERE MQL_Date__c > 2026-11-01T10:00:00Z')).toEqual([
      'Bob',
      'Cy',
    ]);
    expect(await names('SELECT FirstName FROM Lead WHERE MQL_Date__c >= 2026-11-01T11:00:00+01:00')).toEqual([
      'Ann',
      'Bob',
      'Cy',
    ]);
    expect(await names('SELECT FirstName FROM Lead WHERE MQL_Date__c < 2026-11-03T08:59:59.600Z')).toEqual([
      'Ann',
      'Bob',
      'Cy',
    ]);
    expect(await names('SELECT FirstName FROM Lead WHERE MQL_Date__c < 2026-11-03T08:59:59.400Z')).toEqual([
      'Ann',
      'Bob',
    ]);
    const tasks = await h.control('POST', '/seed', {
      records: [
        { type: 'Task', fields: { Subject: 'a', ActivityDate: '2026-11-30' } },
        { type: 'Task', fields: { Subject: 'b', ActivityDate: '2026-12-01' } },
      ],
    });
    const reply = await h.query('SELECT Id, Subject FROM Task WHERE ActivityDate >= 2026-12-01');
    expect(reply.body.records.map((r: Json) => r.Id)).toEqual([tasks.ids[1]]);
    expect((await error('SELECT Id FROM Task WHERE ActivityDate > 2026-12-01T00:00:00Z')).errorCode).toBe(
      'INVALID_QUERY_FILTER_OPERATOR',
    );
    expect((await error("SELECT Id FROM Lead WHERE CreatedDate > '2026-12-01'")).errorCode).toBe(
      'INVALID_QUERY_FILTER_OPERATOR',
    );
  });

  it('orders with ASC/DESC and NULLS FIRST/LAST, and applies LIMIT and OFFSET', async () => {
    expect(await names('SELECT FirstName FROM Lead ORDER BY NumberOfEmployees DESC')).toEqual([
      'Cy',
      'Bob',
      'Ann',
      'Di',
    ]);
    expect(await names('SELECT FirstName FROM Lead ORDER BY NumberOfEmployees ASC')).toEqual([
      'Di',
      'Ann',
      'Bob',
      'Cy',
    ]);
    expect(
      await names('SELECT FirstName FROM Lead ORDER BY NumberOfEmployees NULLS LAST LIMIT 2 OFFSET 1'),
    ).toEqual(['Bob', 'Cy']);
  });

  it('answers with the canonical field names, only the selected fields, and nested relationships', async () => {
    const reply = await h.query(
      "select firstname, owner.name, CREATEDBY.Name from lead where lastname = 'Nguyen'",
    );
    expect(reply.status).toBe(200);
    const [record] = reply.body.records;
    expect(Object.keys(record)).toEqual(['attributes', 'FirstName', 'Owner', 'CreatedBy']);
    expect(record.attributes).toEqual({
      type: 'Lead',
      url: `${DATA}/sobjects/Lead/${record.attributes.url.split('/').pop()}`,
    });
    expect(record.Owner).toEqual({
      attributes: { type: 'Name', url: `${DATA}/sobjects/User/${REP_USER_ID}` },
      Name: 'Alex Rep',
    });
    expect(record.CreatedBy.Name).toBe('Alex Rep');
  });

  it('refuses unknown objects and fields, non-filterable fields and malformed text', async () => {
    expect(await error('SELECT Id FROM Foo')).toMatchObject({
      errorCode: 'INVALID_TYPE',
      message: expect.stringMatching(/^sObject type 'Foo' is not supported\./),
    });
    expect(await error('SELECT Foo__c FROM Lead')).toMatchObject({
      errorCode: 'INVALID_FIELD',
      message: expect.stringMatching(/^No such column 'Foo__c' on entity 'Lead'\./),
    });
    expect((await error('SELECT Nope.Name FROM Lead')).errorCode).toBe('INVALID_FIELD');
    expect(await error("SELECT Id FROM Lead WHERE Description = 'x'")).toEqual({
      errorCode: 'INVALID_FIELD',
      message: "field 'Description' can not be filtered in a query call",
    });
    expect((await error("SELECT Id FROM Lead WHERE Need__c LIKE '%EHR%'")).errorCode).toBe('INVALID_FIELD');
    expect((await error("SELECT Id FROM Task WHERE Description = 'x'")).errorCode).toBe('INVALID_FIELD');
    expect((await error("SELECT Id FROM Lead WHERE Name = 'a\\qb'")).errorCode).toBe('MALFORMED_QUERY');
    expect((await error('SELECT Id FROM Lead WHERE')).errorCode).toBe('MALFORMED_QUERY');
    expect((await error('SELECT Id, Id FROM Lead')).errorCode).toBe('MALFORMED_QUERY');
    expect((await h.call('GET', `${DATA}/query`)).body[0].errorCode).toBe('MALFORMED_QUERY');
  });

  it('hides a field hidden by field-level security from queries and describe', async () => {
    await h.control('POST', '/fls', { object: 'Lead', field: 'Fit_Score__c', hidden: true });
    expect((await error('SELECT Fit_Score__c FROM Lead')).errorCode).toBe('INVALID_FIELD');
    const describe = await h.call('GET', `${DATA}/sobjects/Lead/describe`);
    expect(describe.body.fields.map((f: Json) => f.name)).not.toContain('Fit_Score__c');
  });
});

describe('query paging', () => {
  it('pages by the batch size with nextRecordsUrl until done', async () => {
    await h.control('POST', '/reset', {});
    await h.control('POST', '/query-batch', { size: 4 });
    const all: string[] = [];
    let reply = await h.query('SELECT Id FROM Lead ORDER BY CreatedDate');
    expect(reply.body.totalSize).toBe(22);
    for (;;) {
      expect(reply.status).toBe(200);
      expect(reply.body.records.length).toBeLessThanOrEqual(4);
      all.push(...reply.body.records.map((r: Json) => r.Id));
      if (reply.body.done) break;
      expect(reply.body.nextRecordsUrl).toMatch(new RegExp(`^${DATA}/query/01g[A-Za-z0-9]{15}-\\d+$`));
      reply = await h.call('GET', reply.body.nextRecordsUrl);
    }
    expect(reply.body.nextRecordsUrl).toBeUndefined();
    expect(all).toHaveLength(22);
    expect(new Set(all).size).toBe(22);
    expect(all).toContain(HERO_IDS.dana);
    expect((await h.call('GET', `${DATA}/query/01g000000000000AAA-4`)).body[0].errorCode).toBe(
      'INVALID_QUERY_LOCATOR',
    );
    expect(
      (await h.call('GET', reply.body.nextRecordsUrl ?? `${DATA}/query/x-4`, undefined, { token: 'bad' }))
        .status,
    ).toBe(401);
  });
});
