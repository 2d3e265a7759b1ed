import { actors, cancelAction, cancelChatActions } from '@followups/actions';
import type { DeliveryOf } from '../batch/route-by-family.js';
import type { HandlerDeps } from './deps.js';

/**
 * `schedule.cancel.<chat>`: cancels one action (`actionId`, and only if it belongs to the
 * subject's chat) or every live action of the chat within the request's scope (`types`,
 * `before`), with the request's reason. An action that already fired or ended stays as it is.
 */
export async function handleScheduleCancel({ db, log }: HandlerDeps, d: DeliveryOf<'schedule.cancel'>): Promise<void> {
  const { actionId, reason, types, before } = d.payload;
  const actor = d.payload.by ?? actors.operator();
  if (actionId) {
    const cancelled = await cancelAction(db, actor, actionId, reason, d.chatId);
    log.info({ chatId: d.chatId, actionId, reason, cancelled: cancelled.length, actionIds: cancelled.map((c) => c.id) }, 'cancel requested');
    return;
  }
  const cancelled = await cancelChatActions(db, actor, d.chatId, reason, { ...(types ? { types } : {}), ...(before ? { before: new Date(before) } : {}) });
  log.info({ chatId: d.chatId, reason, types, before, cancelled: cancelled.length }, 'chat cancel requested');
}
