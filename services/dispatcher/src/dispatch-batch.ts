import { outcomeOfError, type Delivery, type Outcome } from '@followups/kit';
import type { DispatchDeps } from './handlers/deps.js';
import { sendDueAction } from './handlers/send-due-action.js';
import { sendReply } from './handlers/send-reply.js';

/**
 * Handles a batch from the dispatcher's consumer: different chats at once (up to `maxChats`),
 * each chat's messages one after another in stream order, so a client never sees a reply
 * overtake the one before it. One outcome per delivery, in the batch's order.
 */
export function dispatchBatch(deps: DispatchDeps, maxChats: number) {
  return async (batch: Delivery[]): Promise<Outcome[]> => {
    const outcomes: Outcome[] = new Array<Outcome>(batch.length);
    const byChat = new Map<string, number[]>();
    batch.forEach((d, i) => byChat.set(d.chatId, [...(byChat.get(d.chatId) ?? []), i]));
    const chats = [...byChat.values()];

    let next = 0;
    const worker = async () => {
      while (next < chats.length) {
        for (const i of chats[next++]!) {
          const d = batch[i]!;
          outcomes[i] = await handle(deps, d).catch((e: unknown) => outcomeOfError(e, d, deps.log));
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(maxChats, chats.length) }, worker));
    return outcomes;
  };
}

function handle(deps: DispatchDeps, d: Delivery): Promise<Outcome> {
  switch (d.family) {
    case 'schedule.due':
      return sendDueAction(deps, d.payload);
    case 'agent.reply':
      return sendReply(deps, d.payload, d.storedAt);
    default:
      return Promise.resolve({ kind: 'dead', reason: `the dispatcher does not handle ${d.family}` });
  }
}
