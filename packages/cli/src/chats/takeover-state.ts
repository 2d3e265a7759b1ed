import { readTakeoverState, type TakeoverState } from '@followups/kit';
import type { JetStreamManager } from '@nats-io/jetstream';
import { isStreamMissing } from '../stream-reads.js';

/** Whether a human holds the chat (the OPS stream's last takeover vs. release); no OPS stream yet: no. */
export async function takeoverStateOf(jsm: JetStreamManager, chatId: string): Promise<TakeoverState> {
  try {
    return await readTakeoverState(jsm, chatId);
  } catch (e) {
    if (isStreamMissing(e)) return { underHuman: false };
    throw e;
  }
}
