/**
 * The house's arrows, read from the source itself (docs/architecture.md, "Arrows"): the outbox
 * knows no CRM (each CRM brings its sender), only `lib/store` defines or opens a database,
 * `lib/core` imports nothing but the model, every `lib/` folder is written down in the
 * architecture, and nothing cites a design document the project does not hold.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** The extension's own code; tests and benches may open databases of their own. */
const APP_FOLDERS = ['lib', 'components', 'entrypoints', 'scripts'];
const SOURCE = /\.(ts|tsx|mts|mjs|js)$/;

function filesUnder(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** Comments out of the way, so a comment naming a call is not taken for the call. */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/** What a file imports, as root-relative paths (`lib/crm/connection`); packages are left out. */
function importsOf(file: string): string[] {
  const text = withoutComments(readFileSync(join(ROOT, file), 'utf8'));
  // `… from '…'` (import and re-export), `import '…'` and `import('…')`.
  const specifiers = [...text.matchAll(/\b(?:from|import)\s*\(?\s*['"]([^'"\n]+)['"]/g)].map(
    (m) => m[1] ?? '',
  );
  return specifiers.flatMap((specifier) => {
    if (specifier.startsWith('.')) return [relative(ROOT, resolve(ROOT, dirname(file), specifier))];
    if (specifier.startsWith('@/') || specifier.startsWith('~/')) return [specifier.slice(2)];
    return [];
  });
}

const inFolder = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

/** Where a file defines or opens a database: a Dexie (or a class of its own) or raw IndexedDB. */
const OPENS_DATABASE = [
  /\bnew\s+Dexie\s*\(/,
  /\bextends\s+Dexie\b/,
  /\bindexedDB\s*\.\s*open\s*\(/,
  /\bnew\s+(?:BatonDb|CrmDb)\s*\(/,
];
const opensDatabase = (file: string) => {
  const text = withoutComments(readFileSync(join(ROOT, file), 'utf8'));
  return OPENS_DATABASE.some((pattern) => pattern.test(text));
};

const appFiles = APP_FOLDERS.flatMap(filesUnder);

describe('arrows', () => {
  test('the reader sees imports and database openings (so the checks below are not vacuous)', () => {
    expect(importsOf('lib/store/db.ts')).toContain('lib/store/summaries');
    expect(appFiles.filter((file) => inFolder(file, 'lib/store') && opensDatabase(file))).not.toEqual([]);
  });

  test('lib/outbox imports nothing from lib/crm: each CRM brings its sender', () => {
    const crossings = filesUnder('lib/outbox').flatMap((file) =>
      importsOf(file)
        .filter((target) => inFolder(target, 'lib/crm'))
        .map((target) => `${file} → ${target}`),
    );
    expect(crossings).toEqual([]);
  });

  test('one CRM never imports another: what both need lives in lib/crm itself', () => {
    const crms = ['lib/crm/hubspot', 'lib/crm/salesforce'];
    const crossings = crms.flatMap((own) =>
      filesUnder(own).flatMap((file) =>
        importsOf(file)
          .filter((target) => crms.some((other) => other !== own && inFolder(target, other)))
          .map((target) => `${file} → ${target}`),
      ),
    );
    expect(filesUnder('lib/crm/salesforce').length).toBeGreaterThan(5);
    expect(crossings).toEqual([]);
  });

  test('no folder but lib/store constructs a Dexie database or calls indexedDB.open', () => {
    const openers = appFiles.filter((file) => !inFolder(file, 'lib/store') && opensDatabase(file));
    expect(openers).toEqual([]);
  });

  test('lib/core imports nothing but lib/model: the rules stay pure', () => {
    const crossings = filesUnder('lib/core').flatMap((file) =>
      importsOf(file)
        .filter((target) => !inFolder(target, 'lib/core') && !inFolder(target, 'lib/model'))
        .map((target) => `${file} → ${target}`),
    );
    expect(crossings).toEqual([]);
  });

  test('every lib/ folder is written down in docs/architecture.md', () => {
    const architecture = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
    const folders = readdirSync(join(ROOT, 'lib'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `lib/${entry.name}`);
    expect(folders.length).toBeGreaterThan(5);
    expect(folders.filter((folder) => !architecture.includes(`${folder}/`))).toEqual([]);
  });

  test('no file cites a design document outside the project', () => {
    const files = [...APP_FOLDERS, 'test'].flatMap(filesUnder).concat(['README.md', 'docs/architecture.md']);
    const citing = files.filter((file) =>
      /\bdesign(?:\.md)?\s*§/.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(citing).toEqual([]);
  });
});
