import { heldChats } from '../chats/held-chats.js';
import { UsageError, exitCodes } from '../errors.js';
import { formatTable, formatWhen } from '../output.js';
import type { Run } from './catalog.js';

export const run: Run<'takeovers'> = async ({ positionals, options }, ctx) => {
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const { jsm } = await ctx.nats();
  const held = await heldChats(jsm);
  if (options.json) {
    ctx.print(JSON.stringify(held.map((h) => ({ chatId: h.chatId, operator: h.operator ?? null, since: h.since?.toISOString() ?? null })), null, 2));
    return exitCodes.ok;
  }
  if (held.length === 0) {
    ctx.print('no chat is held by a human: the bot handles every chat');
    return exitCodes.ok;
  }
  const now = ctx.io.clock();
  const zone = ctx.config.settings.timeZone;
  ctx.print(formatTable(['chat', 'operator', 'since'], held.map((h) => [h.chatId, h.operator ?? '(unnamed)', h.since ? formatWhen(h.since, zone, now) : '?'])));
  return exitCodes.ok;
};
