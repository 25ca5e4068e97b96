import { defineConfig } from 'vitest/config';

// End-to-end in Firefox ESR: the test build installed as a temporary add-on (puppeteer-core, WebDriver BiDi).
export default defineConfig({
  test: {
    include: ['test/e2e-firefox/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    environment: 'node',
  },
});
