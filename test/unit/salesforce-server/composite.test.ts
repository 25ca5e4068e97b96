import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HERO_IDS } from '../../salesforce-server/server.mjs';
import { DATA, type Harness, type Json, startHarness, usage } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.server.close();
});

const composite = (compositeRequest: object[], allOrNone?: boolean) =>
  h.call('POST', `${DATA}/composite`, {
    ...(allOrNone === undefined ? {} : { allOrNone }),
    compositeRequest,
  });
const q = (soql: string) => `${DATA}/query?q=${encodeURIComponent(soql)}`;

describe('composite', () => {
  it('runs subrequests in order with @{ref} references, and counts as one API call', async () => {
    const first = await h.query('SELECT Id FROM User');
    const reply = await composite([
      {
        method: 'GET',
        url: q(`SELECT Id, Name FROM Lead WHERE Email = 'dana.whitfield@northwindhealth.example'`),
        referenceId: 'dana',
      },
      {
        method: 'POST',
        url: `${DATA}/sobjects/Task`,
        referenceId: 'task',
        body: {
          WhoId: '@{dana.records[0].Id}',
          Subject: 'Call about @{dana.records[0].Name}',
          Status: 'Completed',
        },
      },
      {
        method: 'GET',
        url: `${DATA}/sobjects/Task/@{task.id}?fields=WhoId,Subject,IsClosed`,
        referenceId: 'readBack',
      },
      {
        method: 'PATCH',
        url: `${DATA}/sobjects/Lead/@{dana.records[0].Id}`,
        referenceId: 'patch',
        body: { Title: 'COO' },
      },
    ]);
    expect(reply.status).toBe(200);
    const [dana, task, readBack, patch] = reply.body.compositeResponse;
    expect(dana).toMatchObject({ httpStatusCode: 200, referenceId: 'dana', httpHeaders: {} });
    expect(dana.body.records[0].Id).toBe(HERO_IDS.dana);
    expect(task).toMatchObject({
      httpStatusCode: 201,
      referenceId: 'task',
      body: { success: true, errors: [] },
    });
    expect(task.httpHeaders.Location).toBe(`${DATA}/sobjects/Task/${task.body.id}`);
    expect(readBack.body).toMatchObject({
      WhoId: HERO_IDS.dana,
      Subject: 'Call about Dana Whitfield',
      IsClosed: true,
    });
    expect(patch).toMatchObject({ httpStatusCode: 204, body: null, referenceId: 'patch' });
    expect(usage(reply)?.used).toBe((usage(first)?.used ?? 0) + 1);
    const log = (await h.requests()).at(-1);
    expect(log?.subrequests?.map((s) => s.method)).toEqual(['GET', 'POST', 'GET', 'PATCH']);
    expect(log?.subrequests?.[2]?.url).toBe(
      `${DATA}/sobjects/Task/${task.body.id}?fields=WhoId,Subject,IsClosed`,
    );
  });

  it('with allOrNone, a failing subrequest rolls back the others, which answer PROCESSING_HALTED', async () => {
    const before = await h.state();
    const reply = await composite(
      [
        {
          method: 'POST',
          url: `${DATA}/sobjects/Lead`,
          referenceId: 'lead',
          body: { LastName: 'Roll', Company: 'Back' },
        },
        {
          method: 'PATCH',
          url: `${DATA}/sobjects/Lead/${HERO_IDS.dana}`,
          referenceId: 'patch',
          body: { Title: 'Changed' },
        },
        {
          method: 'POST',
          url: `${DATA}/sobjects/Task`,
          referenceId: 'bad',
          body: { Subject: 'x', Status: 'Nope' },
        },
        { method: 'POST', url: `${DATA}/sobjects/Task`, referenceId: 'later', body: { Subject: 'later' } },
      ],
      true,
    );
    expect(reply.status).toBe(200);
    const responses = reply.body.compositeResponse;
    expect(responses.map((r: Json) => r.httpStatusCode)).toEqual([400, 400, 400, 400]);
    expect(responses.map((r: Json) => r.body[0].errorCode)).toEqual([
      'PROCESSING_HALTED',
      'PROCESSING_HALTED',
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      'PROCESSING_HALTED',
    ]);
    const after = await h.state();
    expect(after.Lead).toEqual(before.Lead);
    expect(after.Task).toEqual(before.Task);
  });

  it('without allOrNone, each subrequest stands alone', async () => {
    const reply = await composite([
      {
        method: 'POST',
        url: `${DATA}/sobjects/Lead`,
        referenceId: 'lead',
        body: { LastName: 'Keep', Company: 'Me' },
      },
      {
        method: 'POST',
        url: `${DATA}/sobjects/Task`,
        referenceId: 'bad',
        body: { Subject: 'x', Status: 'Nope' },
      },
      { method: 'GET', url: `${DATA}/sobjects/Lead/@{lead.id}?fields=Name`, referenceId: 'read' },
      { method: 'GET', url: `${DATA}/sobjects/Task/@{bad.id}`, referenceId: 'dangling' },
    ]);
    const responses = reply.body.compositeResponse;
    expect(responses.map((r: Json) => r.httpStatusCode)).toEqual([201, 400, 200, 400]);
    expect(responses[2].body.Name).toBe('Keep');
    expect(responses[3].body[0].errorCode).toBe('PROCESSING_HALTED');
    expect((await h.state()).Lead.some((l) => l.Name === 'Keep')).toBe(true);
  });

  it('refuses more than 25 subrequests or more than 5 queries as a whole, running none', async () => {
    const tasks = (await h.state()).Task.length;
    const many = Array.from({ length: 26 }, (_, i) => ({
      method: 'POST',
      url: `${DATA}/sobjects/Task`,
      referenceId: `t${i}`,
      body: { Subject: `t${i}` },
    }));
    const tooMany = await composite(many);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body[0]).toMatchObject({
      errorCode: expect.any(String),
      message: expect.stringContaining('25'),
    });
    expect((await h.state()).Task.length).toBe(tasks);
    expect((await composite(many.slice(0, 25))).status).toBe(200);

    const queries = Array.from({ length: 6 }, (_, i) => ({
      method: 'GET',
      url: q('SELECT Id FROM User'),
      referenceId: `q${i}`,
    }));
    const tooManyQueries = await composite(queries);
    expect(tooManyQueries.status).toBe(400);
    expect(tooManyQueries.body[0].message).toContain('5');
    expect((await composite(queries.slice(0, 5))).status).toBe(200);
  });

  it('refuses a body without compositeRequest or with duplicate referenceIds', async () => {
    expect((await h.call('POST', `${DATA}/composite`, { requests: [] })).status).toBe(400);
    const dup = await composite([
      { method: 'GET', url: q('SELECT Id FROM User'), referenceId: 'a' },
      { method: 'GET', url: q('SELECT Id FROM User'), referenceId: 'a' },
    ]);
    expect(dup.status).toBe(400);
  });
});
