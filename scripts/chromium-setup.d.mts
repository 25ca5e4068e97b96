// Types for the TypeScript tests that share these helpers with the benchmarks (the rest stays JS-only).
import type { Page } from 'playwright-core';

export declare const DEMO_THREAD: { id: string; email: string };
export declare function openGmailThreadWith(
  gmail: Page,
  options: { base?: { id: string; email: string }; email: string; thread: string },
): Promise<number>;
