import { describe, expect, test } from 'vitest';
import { generateSampleWorkspace } from '@/lib/sample/generate';
import { detectFixture, keyOf, without } from './adapters';
import { casesOf, HOSTS, hostRow, loadFixture, scrambleClasses, withoutSource } from './load-fixture';

const label = (c: { file: string; focus?: string }) => `${c.file}${c.focus ? ` (focus ${c.focus})` : ''}`;
const cases = HOSTS.flatMap((host) =>
  casesOf(host).map((fixture) => ({ host, fixture, name: label(fixture) })),
);
const expected = (identity: Record<string, unknown> | null) =>
  identity ? { emails: [], ...identity } : null;

/** A class selector in a strategy's name (quoted attribute values, like "linkedin.com", do not count). */
const usesClasses = (name: string) => /\.[A-Za-z_-]/.test(name.replace(/"[^"]*"/g, ''));

describe.each(cases)('$host: $name', ({ host, fixture }) => {
  const detect = (document: Document) => detectFixture(host, fixture, document);
  const load = () => loadFixture(host, fixture.file, fixture.url, fixture.focus);

  test('yields the identity it is paired with', () => {
    const detection = detect(load());
    expect(withoutSource(detection.identity)).toEqual(expected(fixture.identity));
    if (fixture.view) expect(detection).toMatchObject({ view: fixture.view });
    if (fixture.participants) {
      const participants = (detection as { participants?: Array<{ email: string }> }).participants;
      expect(participants?.map((p) => p.email)).toEqual(fixture.participants);
    }
    if (fixture.headline) expect(detection).toMatchObject({ headline: fixture.headline });
    if (fixture.identity) expect(detection.identity?.source).toMatch(new RegExp(`^${host}:`));
  });

  test('churn: with every class name rewritten, the same identity, from non-class cues', () => {
    const document = load();
    expect(scrambleClasses(document)).toBeGreaterThan(5);
    const detection = detect(document);
    expect(withoutSource(detection.identity)).toEqual(expected(fixture.identity));
    for (const [field, by] of Object.entries(detection.found)) {
      expect(usesClasses(by), `${field} was read by ${by}, a class selector`).toBe(false);
    }
  });

  test('churn: without any single strategy, the lead is still found, and never a wrong one', () => {
    // Adapters only read the page, so one load serves every run.
    const document = load();
    const baseline = detect(document);
    let removals = 0;
    for (const [listName, { list, found }] of Object.entries(hostRow(host).strategies)) {
      for (let index = 0; index < list.length; index++) {
        const name = list[index]?.name ?? '';
        const detection = without(list, index, () => detect(document));
        const context = `without ${listName} strategy ${name}`;
        removals++;
        const wasUsed = found !== undefined && baseline.found[found] === name;
        if (!wasUsed) {
          // An unused strategy's absence changes nothing.
          expect(withoutSource(detection.identity), context).toEqual(withoutSource(baseline.identity));
          continue;
        }
        // The strategy that had worked is gone: the next one finds the same lead; a secondary
        // field (job title, company) may go missing when the page has no other cue for it, but
        // is never read wrong.
        expect(keyOf(detection.identity), context).toEqual(keyOf(baseline.identity));
        for (const [field, value] of Object.entries(withoutSource(detection.identity) ?? {})) {
          if (value === undefined) continue;
          expect(value, `${context}: ${field}`).toEqual(
            (baseline.identity as Record<string, unknown>)[field],
          );
        }
      }
    }
    expect(removals).toBeGreaterThan(5);
  });
});

describe('fixtures and the sample workspace', () => {
  const { leads } = generateSampleWorkspace({ now: new Date('2026-11-24T15:00:00Z') });
  const known = cases.filter(({ fixture }) => fixture.identity && !fixture.unknown);

  test.each(known)('$host: $name shows a sample lead', ({ fixture }) => {
    const identity = fixture.identity as {
      emails?: string[];
      linkedinSlug?: string;
      crm?: { system: string; id: string };
    };
    const lead = leads.find(
      (l) =>
        (identity.crm &&
          l.crm.some((ref) => ref.system === identity.crm?.system && ref.id === identity.crm.id)) ||
        (identity.linkedinSlug && l.linkedinUrl?.includes(`/in/${identity.linkedinSlug}/`)) ||
        (!identity.crm && !identity.linkedinSlug && identity.emails?.some((e) => l.emails.includes(e))),
    );
    expect(lead?.name).toBe(fixture.identity?.name);
  });
});
