import { explainMissingTable } from '../connections.js';
import { zoneOrTeam } from '../chats/chat-zones.js';
import { listOptedOutChats } from '../chats/opted-out-chats.js';
import { UsageError, exitCodes } from '../errors.js';
import { formatTable, formatWhen } from '../output.js';
import type { Run } from './catalog.js';

export const run: Run<'optoutList'> = async ({ positionals, options }, ctx) => {
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const chats = await explainMissingTable(listOptedOutChats(await ctx.db()));
  if (options.json) {
    ctx.print(JSON.stringify(chats.map((c) => ({ chatId: c.chatId, optedOutAt: c.at.toISOString(), by: c.by, messageId: c.messageId })), null, 2));
    return exitCodes.ok;
  }
  if (chats.length === 0) {
    ctx.print('no chats are marked do-not-contact');
    return exitCodes.ok;
  }
  const now = ctx.io.clock();
  ctx.io.stdout.write(
    formatTable(
      ['CHAT', 'SINCE (CHAT TIME)', 'BY', 'MESSAGE'],
      chats.map((c) => [c.chatId, formatWhen(c.at, zoneOrTeam(c.timeZone, ctx.config.settings.timeZone), now), c.by, c.messageId === null ? '' : String(c.messageId)]),
    ),
  );
  return exitCodes.ok;
};
