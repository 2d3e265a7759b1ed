import { cancelOnClientMessages } from '@followups/actions';
import type { Outcome } from '@followups/kit';
import { applyBatchIsolatingBadValues } from '../batch/data-errors.js';
import type { DeliveryOf } from '../batch/route-by-family.js';
import type { HandlerDeps } from './deps.js';

/**
 * `conv.in.<chat>`: the client wrote. Cancels, in one statement for the whole batch, the chat's
 * live actions whose policy yields to a client reply and that were scheduled before this message
 * (their `context_at` is older than its `at`), reason `client_replied`.
 */
export async function cancelOnClientReplies({ db, log }: HandlerDeps, batch: DeliveryOf<'conv.in'>[]): Promise<Outcome[]> {
  return applyBatchIsolatingBadValues(
    batch,
    async (items) => {
      const cancelled = await cancelOnClientMessages(db, items.map((d) => ({ chatId: d.chatId, at: new Date(d.payload.at), messageId: d.payload.messageId })));
      for (const c of cancelled) log.info({ chatId: c.chat_id, actionId: c.id, reason: 'client_replied' }, 'action cancelled');
    },
    log,
  );
}
