import { isStreamMissing, readTakeoverState, type TakeoverState } from '@followups/kit';
import type { JetStreamManager } from '@nats-io/jetstream';

/** Whether a human holds the chat (kit's readTakeoverState: OPS, and a human's message in CONV); no OPS stream yet: no. */
export async function takeoverStateOf(jsm: JetStreamManager, chatId: string): Promise<TakeoverState> {
  try {
    return await readTakeoverState(jsm, chatId);
  } catch (e) {
    if (isStreamMissing(e)) return { underHuman: false };
    throw e;
  }
}
