import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';

/**
 * A saved host page as a Document, at its real URL. Gmail fixtures render a view per hash with
 * an inline script (as the real client does); here the same view is rendered without scripts.
 */
export function loadGmailFixture(file: string, url: string): Document {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true } });
  const document = window.document as unknown as Document;
  document.write(readFileSync(resolve('test/fixtures/gmail', file), 'utf8'));
  const id = new URL(url).hash.split('/').pop();
  const view =
    document.querySelector<HTMLTemplateElement>(`template[data-thread="${id}"]`) ??
    document.querySelector<HTMLTemplateElement>('template[data-view="inbox"]');
  const main = document.querySelector('[role="main"]');
  if (!view || !main) throw new Error(`fixture ${file} has no view for ${url}`);
  main.replaceChildren(view.content.cloneNode(true));
  document.title = view.getAttribute('data-title') ?? '';
  return document;
}
