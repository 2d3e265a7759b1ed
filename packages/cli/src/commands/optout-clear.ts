import { clearOptOut, getChat } from '@followups/actions';
import { zoneOrTeam } from '../chats/chat-zones.js';
import { defineCommand } from '../command.js';
import { explainMissingTable } from '../connections.js';
import { UsageError, exitCodes } from '../errors.js';
import { formatWhen } from '../output.js';
import { parseChatId } from '../validate.js';

export const optoutClearCommand = defineCommand({
  path: ['optout', 'clear'],
  args: '<chat>',
  summary: 'lift a chat\'s do-not-contact mark: the bot may write to it again',
  help: `Clears the opt-out the client asked for (or an operator set). The dispatcher reads the mark
before every bot message, so this takes effect at once; actions cancelled by the opt-out stay
cancelled. Says whether there was a mark (no mark: exit 0, nothing changes).`,
  options: {},
  async run({ positionals }, ctx) {
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
  },
});
