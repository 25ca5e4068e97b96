/**
 * Saved-page-sized host pages (2–4 MB) for the host-page budgets: each fixture padded with more of
 * what such a page really holds (a long inbox behind the thread and long quoted messages; a
 * profile's activity; a CRM record's timeline and related lists). Deterministic; nothing random.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export type BigPage = {
  host: 'gmail' | 'linkedin' | 'hubspot' | 'salesforce';
  url: string;
  html: string;
  /** The lead's key the adapter must still find on the big page. */
  expectedKey: string;
};

const TARGET = 3 * 1024 * 1024;
const fixture = (path: string) => readFileSync(resolve('test/fixtures', path), 'utf8');

/** Repeats `make(i)` until `target` bytes, joined. */
function fill(target: number, make: (i: number) => string): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < target; i++) {
    const part = make(i);
    parts.push(part);
    size += part.length;
  }
  return parts.join('');
}

const PROSE =
  'Thanks for the detailed notes. Our team reviewed the rollout plan, the integration checklist and the pricing ' +
  'sheet; two questions remain on data residency and on how reporting handles late-arriving events. ';

function insertBefore(html: string, marker: string, block: string): string {
  const at = html.indexOf(marker);
  if (at < 0) throw new Error(`marker ${marker} not in page`);
  return html.slice(0, at) + block + html.slice(at);
}

function gmail(): BigPage {
  let html = fixture('gmail/2026-11-24-thread-over-inbox.html');
  // 2 MB more inbox rows behind the thread, and 1 MB of earlier messages with long quoted bodies.
  const rows = fill(TARGET * 0.6, (i) => {
    const who = `sender${i}@vendor-${i % 97}.example`;
    return `<tr class="zA yO" role="row" tabindex="-1" id=":b${i.toString(36)}"><td class="oZ-x3 xY" role="gridcell"><div class="oZ-jc T-Jo J-J5-Ji" role="checkbox" aria-checked="false"></div></td><td class="yX xY" role="gridcell"><div class="yW"><span class="bA4"><span class="yP" email="${who}" name="Sender ${i}" data-hovercard-id="${who}">Sender ${i}</span></span></div></td><td class="xY a4W" role="gridcell"><div class="xS"><span class="bog"><span>Weekly digest #${i}</span></span><span class="y2"> - ${PROSE.slice(0, 120)}</span></div></td><td class="xW xY" role="gridcell"><span title="Nov ${1 + (i % 28)}, 2026">Nov ${1 + (i % 28)}</span></td></tr>\n`;
  });
  html = insertBefore(html, '        </tbody>', rows);
  const messages = fill(TARGET * 0.35, (i) => {
    const [name, email] =
      i % 2
        ? ['Alex Rep', 'alex.rep@baton-demo.example']
        : ['Priya Raman', 'priya.raman@larkspur-logistics.example'];
    return `<div class="h7 ie nH oy8Mbf" role="listitem" aria-expanded="false" tabindex="-1"><div class="adn ads" data-message-id="#msg-f:18173${String(i).padStart(12, '0')}"><div class="gs"><div class="gE iv gt"><h3 class="iw"><span class="gD" email="${email}" name="${name}" data-hovercard-id="${email}">${name}</span></h3></div><div class="ii gt"><div class="a3s aiL"><div dir="ltr">${PROSE.repeat(4)}</div><blockquote class="gmail_quote">${PROSE.repeat(8)}</blockquote></div></div></div></div></div>\n`;
  });
  html = insertBefore(html, '        <div class="h7 ie nH oy8Mbf"', messages);
  return {
    host: 'gmail',
    url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQcqZtLmVbWxKpRsNdHgJfTyQwE',
    html,
    expectedKey: 'priya.raman@larkspur-logistics.example',
  };
}

function linkedin(): BigPage {
  const html = fixture('linkedin/2026-11-24-profile.html');
  const activity = fill(TARGET, (i) => {
    const slug = `member-${i}`;
    return `<li class="profile-creator-shared-feed-update__container artdeco-card mb2"><div class="update-components-actor"><a href="https://www.linkedin.com/in/${slug}/" aria-label="View ${slug}"><span class="update-components-actor__title"><span aria-hidden="true">Member ${i}</span></span></a><span class="update-components-actor__description">Operations at Company ${i % 53}</span></div><div class="feed-shared-update-v2__description"><span dir="ltr">${PROSE.repeat(3)}</span></div><div class="social-details-social-counts"><button aria-label="${i % 90} reactions">${i % 90}</button></div></li>\n`;
  });
  return {
    host: 'linkedin',
    url: 'https://www.linkedin.com/in/dana-whitfield-nw/',
    html: insertBefore(
      html,
      '        </main>',
      `<section class="artdeco-card"><h2>Activity</h2><ul>${activity}</ul></section>`,
    ),
    expectedKey: 'dana-whitfield-nw',
  };
}

function hubspot(): BigPage {
  const html = fixture('hubspot/2026-11-24-contact-record.html');
  const timeline = fill(TARGET, (i) => {
    const email = i % 3 ? 'alex.rep@baton-demo.example' : `colleague${i}@northwindhealth.example`;
    return `<div class="private-card" data-selenium-test="timeline-card"><h3>Email: Follow-up ${i}</h3><p>from <a href="mailto:${email}">${email}</a> · Nov ${1 + (i % 28)}, 2026</p><p>${PROSE.repeat(3)}</p></div>\n`;
  });
  return {
    host: 'hubspot',
    url: 'https://app.hubspot.com/contacts/4411823/record/0-1/51001',
    html: insertBefore(html, '    <div data-test-id="record-right-sidebar"', `<div>${timeline}</div>`),
    expectedKey: 'hubspot:51001',
  };
}

function salesforce(): BigPage {
  const html = fixture('salesforce/2026-11-24-lead-record.html');
  const related = fill(TARGET, (i) => {
    return `<records-record-layout-item field-label="Activity ${i}"><span class="test-id__field-label">Task</span><lightning-formatted-text>${PROSE.repeat(3)}</lightning-formatted-text><force-lookup><a href="/lightning/r/Task/00T8d0000${String(i).padStart(9, '0')}/view">Call ${i}</a></force-lookup></records-record-layout-item>\n`;
  });
  return {
    host: 'salesforce',
    url: 'https://baton-demo.lightning.force.com/lightning/r/Lead/00Q8d00000MbLlIEAV/view',
    html: insertBefore(html, '                </records-record-layout-section>', related),
    expectedKey: 'salesforce:00Q8d00000MbLlIEAV',
  };
}

export function bigPages(): BigPage[] {
  return [gmail(), linkedin(), hubspot(), salesforce()];
}

/** The identity's key as `expectedKey` spells it. */
export function keyOfIdentity(
  identity: { emails?: string[]; linkedinSlug?: string; crm?: { system: string; id: string } } | null,
): string | undefined {
  if (!identity) return undefined;
  if (identity.crm) return `${identity.crm.system}:${identity.crm.id}`;
  return identity.linkedinSlug ?? identity.emails?.[0];
}
