import { clearOptOut, getChat } from '@followups/actions';
import { zoneOrTeam } from '../chats/chat-zones.js';
import { explainMissingTable } from '../connections.js';
import { UsageError, exitCodes } from '../errors.js';
import { formatWhen } from '../output.js';
import { parseChatId } from '../validate.js';
import type { Run } from './catalog.js';

export const run: Run<'optoutClear'> = async ({ positionals }, ctx) => {
  const chatId = parseChatId(positionals[0]);
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  const db = await ctx.db();
  const before = await explainMissingTable(getChat(db, chatId));
  const cleared = await clearOptOut(db, chatId);
  if (!cleared) {
    ctx.print(`chat ${chatId} is not marked do-not-contact: nothing to clear`);
    return exitCodes.ok;
  }
  // `before` may miss a mark set a moment ago; `cleared` is what the row said.
  const was = before.optedOut ? ` (set by the ${before.optedOut.by} ${formatWhen(before.optedOut.at, zoneOrTeam(before.timeZone, ctx.config.settings.timeZone), ctx.io.clock())})` : '';
  ctx.print(`chat ${chatId}: do-not-contact mark lifted${was}; the bot may write to it again`);
  return exitCodes.ok;
};
