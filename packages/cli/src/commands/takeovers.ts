import { heldChats } from '../chats/held-chats.js';
import { defineCommand } from '../command.js';
import { UsageError, exitCodes } from '../errors.js';
import { formatTable, formatWhen } from '../output.js';

export const takeoversCommand = defineCommand({
  path: ['takeovers'],
  args: '[--json]',
  summary: 'which chats humans hold now, by whom and since when',
  help: `Reads the OPS stream: every chat whose last takeover is newer than its last release.
Times in the team's zone (DEFAULT_TIME_ZONE).
  --json   [{chatId, operator, since}]`,
  options: { json: 'boolean' },
  async run({ positionals, options }, ctx) {
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
  },
});
