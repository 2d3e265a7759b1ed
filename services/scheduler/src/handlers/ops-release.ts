import { setChatControl } from '@followups/actions';
import type { DeliveryOf } from '../batch/route-by-family.js';
import type { HandlerDeps } from './deps.js';

/**
 * `ops.release.<chat>`: the human hands the chat back; intents from now on are stored pending.
 * Actions the takeover cancelled stay cancelled.
 */
export async function handleOpsRelease({ db, log }: HandlerDeps, d: DeliveryOf<'ops.release'>): Promise<void> {
  await setChatControl(db, d.chatId, false, d.payload.operator ?? null, d.storedAt);
  log.info({ chatId: d.chatId, operator: d.payload.operator }, 'chat released');
}
