import { actors, cancelChatActions, chatsUnderHuman, setChatControl } from '@followups/actions';
import type { DeliveryOf } from '../batch/route-by-family.js';
import { HUMAN_TAKEOVER, type HandlerDeps } from './deps.js';

/**
 * A human holds the chat from `at` on: remember it, then cancel the chat's live actions whose
 * policy yields to a takeover. Shared by `ops.takeover` and `conv.out` by an operator.
 */
export async function takeOverChat({ db, log }: HandlerDeps, chatId: string, operator: string | null, at: Date): Promise<void> {
  // Control first, cancel second: an intent stored concurrently looks at the control after its
  // insert (see storeIntents), so one of the two always sees the other.
  await setChatControl(db, chatId, true, operator, at);
  // Applied after a newer release (a redelivery, or the scheduler catching up on CONV and OPS in
  // another order than they happened): it still ends what was planned before it, as it would have
  // on time, but never what was planned since.
  const held = (await chatsUnderHuman(db, [chatId])).has(chatId);
  const cancelled = await cancelChatActions(db, actors.operator(operator), chatId, HUMAN_TAKEOVER, { trigger: 'takeover', ...(held ? {} : { before: at }) });
  log.info({ chatId, operator, cancelled: cancelled.length, actionIds: cancelled.map((c) => c.id) }, 'chat taken over');
}

/** `ops.takeover.<chat>`: an operator took the chat over (`nats pub`, CLI, or typed in it: record-takeover.ts). An empty body is valid. */
export async function handleOpsTakeover(deps: HandlerDeps, d: DeliveryOf<'ops.takeover'>): Promise<void> {
  // The stream's timestamp orders takeovers and releases the way the OPS stream itself does.
  await takeOverChat(deps, d.chatId, d.payload.operator ?? null, d.storedAt);
}
