import type { DeliveryOf } from '../batch/route-by-family.js';
import type { HandlerDeps } from './deps.js';
import { takeOverChat } from './ops-takeover.js';
import { recordTakeover } from './record-takeover.js';

/**
 * `conv.out.<chat>`: the sales account wrote. A human typing (`by: "operator"`) is a takeover
 * from the message's time on: the chat is marked and its pending actions cancelled, then the
 * takeover is recorded in OPS for every service to read. Postgres first, so the follow-ups stop
 * even while OPS cannot be written; both steps are idempotent, so a failure retries the pair.
 * The bot's own messages change nothing here.
 */
export async function handleConvOut(deps: HandlerDeps, d: DeliveryOf<'conv.out'>): Promise<void> {
  if (d.payload.by !== 'operator') return;
  await takeOverChat(deps, d.chatId, d.payload.operator ?? null, new Date(d.payload.at));
  await recordTakeover(deps, d);
}
