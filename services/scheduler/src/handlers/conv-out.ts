import type { DeliveryOf } from '../batch/route-by-family.js';
import type { HandlerDeps } from './deps.js';
import { takeOverChat } from './ops-takeover.js';

/**
 * `conv.out.<chat>`: the sales account wrote. A human typing (`by: "operator"`) is a takeover
 * from the message's time on; the bot's own messages change nothing here.
 */
export async function handleConvOut(deps: HandlerDeps, d: DeliveryOf<'conv.out'>): Promise<void> {
  if (d.payload.by !== 'operator') return;
  await takeOverChat(deps, d.chatId, d.payload.operator ?? null, new Date(d.payload.at));
}
