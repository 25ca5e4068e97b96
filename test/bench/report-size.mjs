// The report page's JavaScript, gzipped (issue #15: ≤ 250 KB), after a build; prints, asserts nothing.
// Every script report.html loads: its module entry and each chunk it imports (followed recursively).
// Run: `node test/bench/report-size.mjs` (BATON_EXTENSION_DIR picks the build, default .output/chrome-mv3).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = resolve(process.env.BATON_EXTENSION_DIR ?? '.output/chrome-mv3');
const html = readFileSync(join(dir, 'report.html'), 'utf8');
const pending = [...html.matchAll(/(?:src|href)="(\/[^"]+\.js)"/g)].map((m) => join(dir, m[1]));
const seen = new Set();
while (pending.length > 0) {
  const file = pending.pop();
  if (seen.has(file) || !existsSync(file)) continue;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g))
    pending.push(resolve(dirname(file), m[1]));
}
const rows = [...seen].map((file) => {
  const code = readFileSync(file);
  return {
    file: file.slice(dir.length + 1),
    raw_kB: +(code.length / 1024).toFixed(1),
    gzip_kB: +(gzipSync(code, { level: 9 }).length / 1024).toFixed(1),
  };
});
console.table(rows);
const total = rows.reduce((sum, r) => sum + r.gzip_kB, 0);
console.log(
  `report.html JavaScript: ${total.toFixed(1)} KB gzipped (budget 250 KB) ${total <= 250 ? 'ok' : 'OVER BUDGET'}`,
);
