import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from './protocol';

/** Errors only: the library logs every listener registration otherwise. */
const quietLogger = { debug() {}, log() {}, warn: console.warn, error: console.error };

/**
 * Transport: @webext-core/messaging (typed sendMessage/onMessage over runtime messaging). Kept
 * apart from the schemas (a type-only import) so content scripts stay small; the background
 * validates everything they send.
 */
export const messenger = defineExtensionMessaging<ProtocolMap>({ logger: quietLogger });
