import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HERO_IDS } from '../../salesforce-server/server.mjs';
import { DATA, type Harness, startHarness, usage } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ apiMax: 1000 });
});
afterEach(async () => {
  await h.server.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const getDana = () => h.call('GET', `${DATA}/sobjects/Lead/${HERO_IDS.dana}?fields=Title`);
const patchDana = (title: string) =>
  h.call('PATCH', `${DATA}/sobjects/Lead/${HERO_IDS.dana}`, { Title: title });
const danaTitle = async () => (await h.state()).Lead.find((l) => l.Id === HERO_IDS.dana)?.Title;

describe('API allocation', () => {
  it('puts Sforce-Limit-Info on every REST answer, counting each call, errors too, but not preflights', async () => {
    const first = await getDana();
    expect(first.headers.get('sforce-limit-info')).toBe('api-usage=1/1000');
    expect(first.headers.get('access-control-expose-headers')).toContain('Sforce-Limit-Info');
    const missing = await h.call('GET', `${DATA}/sobjects/Lead/00Q8d00000ZZZZZAAA`);
    expect(missing.status).toBe(404);
    expect(usage(missing)).toEqual({ used: 2, max: 1000 });
    const preflight = await fetch(`${h.server.url}${DATA}/query`, {
      method: 'OPTIONS',
      headers: { 'Access-Control-Request-Private-Network': 'true', Origin: 'chrome-extension://x' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-private-network')).toBe('true');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(usage(await getDana())?.used).toBe(3);
    const unauthorized = await getDana().then(() =>
      h.call('GET', `${DATA}/limits`, undefined, { token: 'nope' }),
    );
    expect(unauthorized.status).toBe(401);
    expect(usage(await getDana())?.used).toBe(5);
  });

  it('answers 403 REQUEST_LIMIT_EXCEEDED at the allocation, without counting', async () => {
    await h.control('POST', '/limits', { used: 9, max: 10 });
    const last = await getDana();
    expect(last.status).toBe(200);
    expect(last.headers.get('sforce-limit-info')).toBe('api-usage=10/10');
    const refused = await patchDana('Over the limit');
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual([
      { message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' },
    ]);
    expect(refused.headers.get('sforce-limit-info')).toBe('api-usage=10/10');
    expect(await danaTitle()).toBe('VP of Operations');
    await h.control('POST', '/limits', { max: 11 });
    expect((await getDana()).status).toBe(200);
  });
});

describe('faults', () => {
  it('500: answers UNKNOWN_EXCEPTION and applies nothing', async () => {
    await h.control('POST', '/next', { kinds: ['500'] });
    const reply = await patchDana('Never');
    expect(reply.status).toBe(500);
    expect(reply.body[0].errorCode).toBe('UNKNOWN_EXCEPTION');
    expect(await danaTitle()).toBe('VP of Operations');
    expect((await patchDana('Now')).status).toBe(204);
    expect(await danaTitle()).toBe('Now');
  });

  it('limit: answers 403 REQUEST_LIMIT_EXCEEDED and applies nothing', async () => {
    await h.control('POST', '/next', { kinds: ['pass', 'limit'] });
    expect((await getDana()).status).toBe(200);
    const reply = await patchDana('Never');
    expect(reply.status).toBe(403);
    expect(reply.body[0].errorCode).toBe('REQUEST_LIMIT_EXCEEDED');
    expect(await danaTitle()).toBe('VP of Operations');
  });

  it('drop: applies the write in full, then closes the socket without an answer', async () => {
    await h.control('POST', '/next', { kinds: ['drop'] });
    await expect(patchDana('Dropped')).rejects.toThrow();
    expect(await danaTitle()).toBe('Dropped');
    const entry = (await h.requests()).find((r) => r.fault === 'drop');
    expect(entry).toMatchObject({ status: null, fault: 'drop', appliedStatus: 204, objectId: HERO_IDS.dana });
  });

  it('timeout: holds the request, then closes the socket, applying nothing', async () => {
    await h.control('POST', '/faults', { holdMs: 150 });
    await h.control('POST', '/next', { kinds: ['timeout'] });
    const started = Date.now();
    await expect(patchDana('Held')).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(await danaTitle()).toBe('VP of Operations');
    const entry = (await h.requests()).find((r) => r.fault === 'timeout');
    expect(entry?.status).toBeNull();
  });

  it('random faults follow the seed, and faults never touch OAuth', async () => {
    await h.control('POST', '/faults', { random: { p500: 1 } });
    const token = await h.form('/services/oauth2/token', {
      grant_type: 'refresh_token',
      refresh_token: h.tokens.refreshToken,
      client_id: h.server.consumerKey,
    });
    expect(token.status).toBe(200);
    expect((await getDana()).status).toBe(500);
    await h.control('POST', '/faults', { random: null });
    expect((await getDana()).status).toBe(200);
  });

  it('down: closes every connection until back up', async () => {
    await h.control('POST', '/down', { down: true });
    await expect(getDana()).rejects.toThrow();
    await h.control('POST', '/down', { down: false });
    await sleep(10);
    expect((await getDana()).status).toBe(200);
  });
});
