// The Firefox store build (npm run test:firefox) carries none of the test build's entries, and
// the optional permissions Firefox needs. Run after `wxt build -b firefox`.
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('.output/firefox-mv2/manifest.json', 'utf8'));
const problems = [];
if (manifest.web_accessible_resources) problems.push('web_accessible_resources (test builds only)');
if (!manifest.optional_permissions?.includes('https://api.hubapi.com/*'))
  problems.push('optional_permissions lacks https://api.hubapi.com/*');
if (manifest.background?.persistent !== false) problems.push('background is not an event page');
if (!manifest.commands?._execute_sidebar_action) problems.push('no _execute_sidebar_action command');
const gecko = manifest.browser_specific_settings?.gecko;
if (gecko?.data_collection_permissions?.required?.join() !== 'none')
  problems.push('data_collection_permissions.required is not ["none"]');
if (problems.length) {
  console.error(`Firefox store build: ${problems.join('; ')}`);
  process.exit(1);
}
console.log('Firefox store build manifest: ok');
