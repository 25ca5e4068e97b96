import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness, toContact, V, where } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.server.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const getDana = () => h.call('GET', `/crm/objects/${V}/contacts/51001?properties=email`);
const logCall = (tag: string) =>
  h.call('POST', `/crm/objects/${V}/calls`, {
    properties: {
      hs_timestamp: '2026-11-24T10:00:00Z',
      hs_call_title: `Baton: call [baton:${tag}]`,
      hs_call_status: 'NO_ANSWER',
    },
    associations: toContact('51002', 194),
  });
const callsOnPriya = async () =>
  (await h.state()).engagements.calls.filter((c) => c.associations.contacts.includes('51002'));

describe('rate limits', () => {
  it('puts the rate-limit headers on every answer, counting down per request', async () => {
    const first = await getDana();
    expect(first.headers.get('x-hubspot-ratelimit-max')).toBe('100');
    expect(first.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');
    expect(first.headers.get('x-hubspot-ratelimit-remaining')).toBe('99');
    const second = await h.call('GET', `/crm/objects/${V}/contacts/99999`);
    expect(second.status).toBe(404);
    expect(second.headers.get('x-hubspot-ratelimit-remaining')).toBe('98');
  });

  it('answers 429 TEN_SECONDLY_ROLLING past the limit of the rolling window, then recovers', async () => {
    await h.control('POST', '/rate', { max: 3, intervalMs: 400 });
    const remaining: Array<string | null> = [];
    for (let i = 0; i < 3; i++) {
      const reply = await getDana();
      expect(reply.status).toBe(200);
      remaining.push(reply.headers.get('x-hubspot-ratelimit-remaining'));
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const limited = await getDana();
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({
      status: 'error',
      category: 'RATE_LIMITS',
      policyName: 'TEN_SECONDLY_ROLLING',
      message: expect.any(String),
    });
    expect(limited.headers.get('x-hubspot-ratelimit-max')).toBe('3');
    expect(limited.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('400');
    await sleep(450);
    expect((await getDana()).status).toBe(200);
  });

  it('does not apply a write that was rate limited', async () => {
    await h.control('POST', '/rate', { max: 1, intervalMs: 5_000 });
    expect((await getDana()).status).toBe(200);
    expect((await logCall('limited')).status).toBe(429);
    expect(await callsOnPriya()).toHaveLength(2);
  });

  it('counts per token', async () => {
    await h.control('POST', '/rate', { max: 2, intervalMs: 5_000 });
    await getDana();
    await getDana();
    expect((await getDana()).status).toBe(429);
    await h.control('POST', '/auth', { token: 'second-token' });
    const other = await h.call('GET', `/crm/objects/${V}/contacts/51001`, undefined, {
      token: 'second-token',
    });
    expect(other.status).toBe(200);
    expect(other.headers.get('x-hubspot-ratelimit-remaining')).toBe('1');
  });

  it('limits search to 5 per second, separately from other requests', async () => {
    const body = where([
      { propertyName: 'email', operator: 'EQ', value: 'dana.whitfield@northwindhealth.example' },
    ]);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await h.call('POST', `/crm/objects/${V}/contacts/search`, body)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await h.call('POST', `/crm/objects/${V}/contacts/search`, body);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ status: 'error', category: 'RATE_LIMITS', policyName: 'SECONDLY' });
    expect((await getDana()).status).toBe(200);
    await sleep(1_050);
    expect((await h.call('POST', `/crm/objects/${V}/contacts/search`, body)).status).toBe(200);
  });
});

describe('injected faults (control port)', () => {
  it('answers the queued faults in order: 500, then 429, then normally', async () => {
    await h.control('POST', '/next', { kinds: ['500', '429'] });
    const first = await logCall('a');
    expect(first.status).toBe(500);
    expect(first.body).toMatchObject({ status: 'error' });
    const second = await logCall('b');
    expect(second.status).toBe(429);
    expect(second.body).toMatchObject({ category: 'RATE_LIMITS', policyName: 'TEN_SECONDLY_ROLLING' });
    expect(second.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
    const third = await logCall('c');
    expect(third.status).toBe(201);
    // Neither the 500 nor the 429 applied the write.
    const titles = (await callsOnPriya()).map((c) => c.properties.hs_call_title);
    expect(titles.filter((t) => t?.startsWith('Baton:'))).toEqual(['Baton: call [baton:c]']);
    const log = await h.requests();
    expect(log.map((e) => [e.method, e.status, e.fault])).toEqual([
      ['POST', 500, '500'],
      ['POST', 429, '429'],
      ['POST', 201, undefined],
    ]);
  });

  it('drop: applies the write, then closes the connection without an answer', async () => {
    await h.control('POST', '/next', { kinds: ['drop'] });
    await expect(logCall('dropped')).rejects.toThrow();
    const calls = await callsOnPriya();
    const dropped = calls.filter((c) => c.properties.hs_call_title === 'Baton: call [baton:dropped]');
    expect(dropped).toHaveLength(1);
    const [entry] = await h.requests();
    expect(entry).toMatchObject({
      method: 'POST',
      status: null,
      fault: 'drop',
      appliedStatus: 201,
      objectId: dropped[0]?.id,
    });
    // The client can find the write it never heard about.
    const found = await h.call(
      'POST',
      `/crm/objects/${V}/calls/search`,
      where([{ propertyName: 'hs_call_title', operator: 'CONTAINS_TOKEN', value: 'dropped' }]),
    );
    expect(found.body.results.map((r: { id: string }) => r.id)).toEqual([dropped[0]?.id]);
  });

  it('drop on a PATCH applies the update', async () => {
    await h.control('POST', '/next', { kinds: ['drop'] });
    await expect(
      h.call('PATCH', `/crm/objects/${V}/contacts/51001`, {
        properties: { lifecyclestage: 'salesqualifiedlead' },
      }),
    ).rejects.toThrow();
    const dana = (await h.state()).contacts.find((c) => c.id === '51001');
    expect(dana?.properties.lifecyclestage).toBe('salesqualifiedlead');
  });

  it('timeout: holds the request unanswered until the client gives up, and applies nothing', async () => {
    await h.control('POST', '/next', { kinds: ['timeout'] });
    const started = Date.now();
    await expect(
      h.call('POST', `/crm/objects/${V}/calls`, undefined, { signal: AbortSignal.timeout(300) }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    const [entry] = await h.requests();
    expect(entry).toMatchObject({ status: null, fault: 'timeout' });
    expect((await getDana()).status).toBe(200);
  });

  it('timeout: closes the connection itself after holdMs', async () => {
    await h.control('POST', '/faults', { holdMs: 250 });
    await h.control('POST', '/next', { kinds: ['timeout'] });
    const started = Date.now();
    await expect(logCall('held')).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    expect((await callsOnPriya()).some((c) => c.properties.hs_call_title?.includes('held'))).toBe(false);
  });

  it('close() does not wait for a held request', async () => {
    await h.control('POST', '/next', { kinds: ['timeout'] });
    const pending = getDana().catch((error: unknown) => error);
    await sleep(100);
    const started = Date.now();
    await h.server.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await pending).toBeInstanceOf(Error);
    h = await startHarness();
  });

  it('random faults follow the seed: the same seed gives the same sequence', async () => {
    await h.control('POST', '/rate', { max: 10_000 });
    const random = { p500: 0.2, p429: 0.2, timeout: 0, dropAfterApply: 0.2 };
    const run = async () => {
      await h.control('POST', '/faults', { random, seed: 7 });
      const outcomes: string[] = [];
      for (let i = 0; i < 40; i++) {
        outcomes.push(
          await getDana().then(
            (reply) => String(reply.status),
            () => 'dropped',
          ),
        );
      }
      return outcomes;
    };
    const first = await run();
    const second = await run();
    expect(second).toEqual(first);
    for (const outcome of ['200', '500', '429', 'dropped']) expect(first).toContain(outcome);
    const ok = first.filter((o) => o === '200').length;
    expect(ok).toBeGreaterThan(8);
    expect(ok).toBeLessThan(28);
    await h.control('POST', '/faults', {});
    expect((await getDana()).status).toBe(200);
  });

  it('rejects fault probabilities that add up to more than 1, and unknown kinds', async () => {
    await expect(h.control('POST', '/faults', { random: { p500: 0.6, p429: 0.6 } })).rejects.toThrow(
      /more than 1/,
    );
    await expect(h.control('POST', '/next', { kinds: ['503'] })).rejects.toThrow(/kinds/);
  });
});

describe('down mode', () => {
  it('answers nothing while down, then works again', async () => {
    expect((await getDana()).status).toBe(200);
    await h.control('POST', '/down', { down: true });
    await expect(getDana()).rejects.toThrow();
    await expect(logCall('while-down')).rejects.toThrow();
    expect((await callsOnPriya()).some((c) => c.properties.hs_call_title?.includes('while-down'))).toBe(
      false,
    );
    expect((await h.requests()).filter((e) => e.fault === 'down').length).toBeGreaterThanOrEqual(2);
    await h.control('POST', '/down', { down: false });
    expect((await getDana()).status).toBe(200);
    expect((await logCall('after')).status).toBe(201);
  });
});

describe('control port', () => {
  it('reset brings back the seed and clears faults, limits, tokens and the log', async () => {
    await logCall('x');
    await h.call('PATCH', `/crm/objects/${V}/contacts/51001`, { properties: { jobtitle: 'COO' } });
    await h.control('POST', '/faults', { random: { p500: 1 } });
    await h.control('POST', '/rate', { max: 1 });
    await h.control('POST', '/auth', { token: 'other' });
    const config = await h.control('POST', '/reset', {});
    expect(config).toMatchObject({
      token: 'test-token',
      rate: { max: 100 },
      faults: { random: null, queued: [] },
      down: false,
    });
    expect(await h.requests()).toEqual([]);
    const state = await h.state();
    expect(state.engagements.calls).toHaveLength(2);
    expect(state.contacts.find((c) => c.id === '51001')?.properties.jobtitle).toBe('VP of Operations');
    expect((await getDana()).status).toBe(200);
  });

  it('logs API requests with method, path, status and body; since= and DELETE trim the log', async () => {
    await getDana();
    await logCall('logged');
    const log = await h.requests();
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({
      seq: 1,
      method: 'GET',
      path: `/crm/objects/${V}/contacts/51001?properties=email`,
      status: 200,
    });
    expect(log[1]).toMatchObject({
      seq: 2,
      method: 'POST',
      path: `/crm/objects/${V}/calls`,
      status: 201,
      objectId: expect.any(String),
    });
    const posted = log[1]?.body as { properties: Record<string, string> } | undefined;
    expect(posted?.properties.hs_call_title).toContain('logged');
    const since = await h.control('GET', '/requests?since=1');
    expect(since.requests.map((e: { seq: number }) => e.seq)).toEqual([2]);
    await h.control('DELETE', '/requests');
    expect(await h.requests()).toEqual([]);
  });

  it('answers 404 for an unknown control route and 400 for a bad body', async () => {
    const unknown = await fetch(`${h.server.controlUrl}/nope`);
    expect(unknown.status).toBe(404);
    const bad = await fetch(`${h.server.controlUrl}/down`, { method: 'POST', body: '{"down":"yes"}' });
    expect(bad.status).toBe(400);
  });
});
