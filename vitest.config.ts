import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts'],
    benchmark: { include: ['test/bench/**/*.bench.{ts,tsx}'] },
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
    mockReset: true,
    restoreMocks: true,
  },
});
