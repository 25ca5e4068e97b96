import type { ZodError, z } from 'zod';
import { describeZodError } from '../model/schemas';
import { type MessageType, protocol, type ResponseOf } from './protocol';
import { classifySender, type SenderInfo } from './sender';
import { messenger } from './transport';

type RequestData<T extends MessageType> = z.output<(typeof protocol)[T]['input']>;
type Handler<T extends MessageType> = (
  data: RequestData<T>,
  sender: SenderInfo,
) => Promise<ResponseOf<T>> | ResponseOf<T>;

export type HandlerContext = { extensionId: string; extensionOrigin: string };

/**
 * Checks one incoming message: the sender must be of the kind the protocol allows, and the
 * payload must pass the schema. Returns the parsed data, or the reason to refuse it.
 */
export function admitMessage<T extends MessageType>(
  type: T,
  data: unknown,
  sender: SenderInfo,
  context: HandlerContext,
): { ok: true; data: RequestData<T> } | { ok: false; reason: string } {
  const spec = protocol[type];
  const kind = classifySender(sender, context.extensionId, context.extensionOrigin);
  if (kind === null || kind !== spec.from) {
    return {
      ok: false,
      reason: `Refused "${type}" from ${kind ?? 'an unknown sender'} (${sender.url ?? 'no url'})`,
    };
  }
  const input = spec.input.safeParse(data);
  if (!input.success)
    return { ok: false, reason: `Bad "${type}" request: ${describeZodError(input.error as ZodError)}` };
  return { ok: true, data: input.data as RequestData<T> };
}

/**
 * Registers the background's handler for one message type. A refused message is logged and
 * rejects the caller's promise with the reason; it never takes the background down.
 */
export function handle<T extends MessageType>(type: T, context: HandlerContext, handler: Handler<T>): void {
  const onMessage = messenger.onMessage as (
    type: T,
    cb: (message: { data: unknown; sender: SenderInfo }) => Promise<unknown>,
  ) => void;
  onMessage(type, async ({ data, sender }) => {
    const admitted = admitMessage(type, data, sender, context);
    if (!admitted.ok) {
      console.error(`[baton] ${admitted.reason}`);
      throw new Error(admitted.reason);
    }
    return handler(admitted.data, sender);
  });
}
