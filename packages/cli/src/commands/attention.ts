import { describeError } from '@followups/kit';
import { attentionJson, formatAttention } from '../attention/format-attention.js';
import { readOpenAttention } from '../attention/open-attention.js';
import { loadChatZones, type ZoneOfChat } from '../chats/chat-zones.js';
import type { Context } from '../context.js';
import { UsageError, exitCodes } from '../errors.js';
import { formatWhen } from '../output.js';
import { parseChatId, parseSince } from '../validate.js';
import type { Run } from './catalog.js';

export const run: Run<'attention'> = async ({ positionals, options }, ctx) => {
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}": did you mean "attention done <chat>"?`);
  const now = ctx.io.clock();
  const since = parseSince(options.since ?? '24h', now);
  const chatId = options.chat !== undefined ? parseChatId(options.chat) : undefined;
  const { open, malformed } = await readOpenAttention(await ctx.nats(), { since, ...(chatId ? { chatId } : {}) });
  if (malformed > 0) ctx.io.stderr.write(`note: ${malformed} message(s) in ATTENTION break the contract and are not shown\n`);
  if (options.json) {
    ctx.print(JSON.stringify(open.map(attentionJson), null, 2));
    return exitCodes.ok;
  }
  if (open.length === 0) {
    const zone = chatId ? await zonesFor(ctx, [chatId]).then((z) => z(chatId)) : ctx.config.settings.timeZone;
    ctx.print(`no open attention items${chatId ? ` for chat ${chatId}` : ''} since ${formatWhen(since, zone, now)}`);
    return exitCodes.ok;
  }
  const zoneOf = await zonesFor(ctx, open.map((i) => i.chatId));
  ctx.io.stdout.write(formatAttention(open, { now, zoneOf }));
  return exitCodes.ok;
};

/**
 * The chats' zones, for display only: with Postgres unreachable the hand-offs still show, in the
 * team's zone, since an operator needs them most when something is wrong.
 */
async function zonesFor(ctx: Context, chatIds: string[]): Promise<ZoneOfChat> {
  const team = ctx.config.settings.timeZone;
  try {
    return await loadChatZones(await ctx.db(), chatIds, team);
  } catch (e) {
    ctx.io.stderr.write(`note: times in ${team}, the chats' own zones are unknown: ${describeError(e)}\n`);
    return () => team;
  }
}
