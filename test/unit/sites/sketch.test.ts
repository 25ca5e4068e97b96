import { Window } from 'happy-dom';
import { describe, expect, test } from 'vitest';
import { censorUrl, sketchPage } from '@/lib/sites/sketch';
import { casesOf, HOSTS, loadFixture } from './load-fixture';

function page(html: string): Document {
  const window = new Window({ url: 'https://mail.google.com/mail/u/0/' });
  const document = window.document as unknown as Document;
  document.body.innerHTML = html;
  return document;
}

describe('sketchPage', () => {
  test('keeps tags, classes and allow-listed attribute values; names other attributes; copies no text', () => {
    const document = page(`
      <div class="nH bkK" role="main">
        <h2 class="hP" data-thread-perm-id="thread-f:1817" tabindex="-1">Pilot scope for the EHR rollout</h2>
        <span class="gD" email="dana.whitfield@northwindhealth.example" name="Dana Whitfield"
              aria-label="Dana Whitfield" data-hovercard-id="dana.whitfield@northwindhealth.example">Dana</span>
        <a href="https://www.linkedin.com/in/dana-whitfield-nw/" title="Dana's profile">profile</a>
        <input type="text" value="secret note" placeholder="Write to Dana">
        <div data-test-id="record-layout" data-selenium-test="Dana Whitfield's card"></div>
        <script>var secret = "dana";</script>
      </div>`);
    const sketch = sketchPage(document.body);
    expect(sketch).toContain('div.nH.bkK[role=main]');
    expect(sketch).toContain('h2.hP[data-thread-perm-id][tabindex=-1] …');
    expect(sketch).toContain('span.gD[email][name][aria-label][data-hovercard-id] …');
    expect(sketch).toContain('a[href][title] …');
    expect(sketch).toContain('input[type=text][value][placeholder]');
    // An allow-listed attribute whose value reads like prose keeps only its name.
    expect(sketch).toContain('div[data-test-id=record-layout][data-selenium-test]');
    expect(sketch).not.toContain('script');
    for (const secret of ['Dana', 'dana', 'northwind', 'Pilot', 'EHR', 'secret', 'linkedin', '1817']) {
      expect(sketch).not.toContain(secret);
    }
  });

  test('folds runs of same-shaped siblings and stops at its element budget', () => {
    const rows = Array.from(
      { length: 50 },
      (_, i) => `<tr class="zA" role="row"><td>Row ${i}</td></tr>`,
    ).join('');
    const document = page(`<table><tbody>${rows}</tbody></table>`);
    const sketch = sketchPage(document.body);
    expect(sketch.match(/tr\.zA\[role=row\]/g)).toHaveLength(1);
    expect(sketch).toContain('(×49 more like it)');
    const distinct = Array.from({ length: 40 }, (_, i) => `<p class="p${i}"><span>x</span></p>`).join('');
    const cut = sketchPage(page(`<div>${distinct}</div>`).body, { maxNodes: 10 });
    expect(cut.split('\n').filter((line) => !line.startsWith('(')).length).toBeLessThanOrEqual(10);
    expect(cut).toContain('(cut at 10 elements)');
  });

  test.each(HOSTS)('the sketch of every %s fixture holds none of its people', (host) => {
    for (const fixture of casesOf(host)) {
      const sketch = sketchPage(loadFixture(host, fixture.file, fixture.url).body, { maxNodes: 5000 });
      expect(sketch.length).toBeGreaterThan(200);
      const identity = fixture.identity as { name?: string; emails?: string[]; company?: string } | null;
      for (const secret of [identity?.name, ...(identity?.emails ?? []), identity?.company, '@']) {
        if (secret) expect(sketch, `${fixture.file}: ${secret}`).not.toContain(secret);
      }
    }
  });
});

describe('censorUrl', () => {
  test.each([
    ['https://www.linkedin.com/in/dana-whitfield-nw/', 'https://www.linkedin.com/in/:x/'],
    [
      'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfLkXnGJHvPqRsTdWmCzBxNkL?compose=new',
      'https://mail.google.com/mail/u/:x/#inbox/:x',
    ],
    [
      'https://mail.google.com/mail/u/0/#search/dana%40northwind/FMfcgz',
      'https://mail.google.com/mail/u/:x/#search/:x/:x',
    ],
    [
      'https://baton-demo.lightning.force.com/lightning/r/Lead/00Q8d00000MbLlIEAV/view?ws=1',
      'https://baton-demo.lightning.force.com/lightning/r/Lead/:x/view',
    ],
    [
      'https://app.hubspot.com/contacts/4411823/record/0-1/51001',
      'https://app.hubspot.com/contacts/:x/record/:x/:x',
    ],
  ])('%s → %s', (url, censored) => expect(censorUrl(url)).toBe(censored));
});
