import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    benchmark: { include: ['test/bench/**/*.bench.ts'] },
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
    mockReset: true,
    restoreMocks: true,
  },
});
