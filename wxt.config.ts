import { defineConfig } from 'wxt';
import { HUBSPOT_API_HOSTS } from './lib/crm/hubspot/permission';
import { FIREFOX_CRM_DATA_COLLECTION } from './lib/crm/permission';
import { SALESFORCE_API_HOSTS } from './lib/crm/salesforce/permission';
import { HOST_PERMISSIONS } from './lib/sites/hosts';

/** The CRMs' API hosts: optional, asked for when a team connects its CRM, never at install. */
const CRM_HOSTS = [...HUBSPOT_API_HOSTS, ...SALESFORCE_API_HOSTS];

// Per-browser manifest: Chrome MV3 gets a side panel, Firefox gets a sidebar.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  // A second output folder lets two builds coexist (e.g. one under test while another is made).
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  manifest: ({ browser }) => ({
    name: 'Baton',
    description:
      'Lead context beside Gmail, LinkedIn and your CRM: score, gaps, content, assets and the SLA clock.',
    // storage: settings + per-tab identity; scripting: inject into tabs already open at install;
    // alarms + notifications: SLA reminders and the badge refresh; sidePanel: the panel itself (Chrome only);
    // contextMenus: the toolbar icon's "Weekly report" item (the only menu Baton adds);
    // identity: Salesforce's sign-in window (launchWebAuthFlow) and its redirect URL.
    permissions: [
      'storage',
      'identity',
      'scripting',
      'alarms',
      'notifications',
      'contextMenus',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    // Only the pages Baton reads a lead from (each has its content script); nothing broader.
    // The host registry (lib/sites/hosts.ts) gives both these and each content script's matches.
    host_permissions: HOST_PERMISSIONS,
    // MV3 has optional host permissions; WXT drops them from MV2 manifests, where Firefox reads
    // optional hosts from `optional_permissions`.
    ...(browser === 'firefox'
      ? { optional_permissions: CRM_HOSTS }
      : { optional_host_permissions: CRM_HOSTS }),
    action: { default_title: 'Open Baton' },
    // The keyboard shortcut opens the panel like the toolbar button does (in Firefox, the sidebar).
    commands: {
      [browser === 'firefox' ? '_execute_sidebar_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+B' },
        description: 'Open Baton',
      },
    },
    // Test builds only: Firefox automation cannot open moz-extension:// pages in a tab, so the
    // end-to-end suite frames them in a test page. Never in the store build.
    ...(browser === 'firefox' && process.env.WXT_BATON_TEST_BUILD === 'true'
      ? { web_accessible_resources: ['sidepanel.html', 'options.html'] }
      : {}),
    // An administrator's team policy (storage.managed), described for Chrome Enterprise; Firefox
    // reads the same keys from its enterprise policies' "3rdparty" section.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'baton@baton.example',
              // 140: the first Firefox that reads data_collection_permissions (and ESR 140).
              strict_min_version: '140.0',
              // Nothing leaves the browser until a team connects its own CRM; then the optional ones.
              data_collection_permissions: { required: ['none'], optional: FIREFOX_CRM_DATA_COLLECTION },
            },
          },
        }
      : {}),
  }),
  webExt: { disabled: true },
});
