import { describeZodError } from '../model/schemas';
import { type MessageType, protocol, type RequestOf, type ResponseOf } from './protocol';
import { messenger } from './transport';

export { messenger };

/**
 * Sends a request to the background and validates the answer against the protocol, so a
 * surprising response is a clear error in the view, not a crash three components later.
 */
export async function request<T extends MessageType>(type: T, data: RequestOf<T>): Promise<ResponseOf<T>> {
  const send = messenger.sendMessage as (type: T, data: RequestOf<T>) => Promise<unknown>;
  const raw = await send(type, data);
  const parsed = protocol[type].output.safeParse(raw);
  if (!parsed.success) throw new Error(`Bad "${type}" response: ${describeZodError(parsed.error)}`);
  return parsed.data as ResponseOf<T>;
}

/** Fire-and-forget to every open extension page; nobody listening is not an error. */
export function broadcast<T extends 'leadChanged' | 'tabStateChanged' | 'reportProgress'>(
  type: T,
  data: RequestOf<T>,
): void {
  const send = messenger.sendMessage as (type: T, data: RequestOf<T>) => Promise<unknown>;
  send(type, data).catch(() => {});
}
