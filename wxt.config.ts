import { defineConfig } from 'wxt';

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
    // contextMenus: the toolbar icon's "Weekly report" item (the only menu Baton adds).
    permissions: [
      'storage',
      'scripting',
      'alarms',
      'notifications',
      'contextMenus',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    // Only the pages Baton reads a lead from (each has its content script); nothing broader.
    host_permissions: [
      'https://mail.google.com/*',
      'https://www.linkedin.com/*',
      'https://app.hubspot.com/*',
      'https://app-eu1.hubspot.com/*',
      'https://*.lightning.force.com/*',
    ],
    // Asked for only when the user connects HubSpot (options page), never at install.
    optional_host_permissions: ['https://api.hubapi.com/*'],
    action: { default_title: 'Open Baton' },
    // The keyboard shortcut opens the panel like the toolbar button does.
    commands: { _execute_action: { suggested_key: { default: 'Alt+Shift+B' }, description: 'Open Baton' } },
    // An administrator's team policy (storage.managed), described for Chrome Enterprise; Firefox
    // reads the same keys from its enterprise policies' "3rdparty" section.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'baton@baton.example',
              strict_min_version: '115.0',
              // Nothing leaves the browser until a team connects its own CRM.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  webExt: { disabled: true },
});
