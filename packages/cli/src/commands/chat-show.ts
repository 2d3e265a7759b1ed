import { toActionView } from '../actions/action-view.js';
import { formatActions } from '../actions/format-actions.js';
import { attentionJson, formatAttention } from '../attention/format-attention.js';
import { actionZone } from '../chats/chat-zones.js';
import { loadChatOverview, type ChatOverview } from '../chats/chat-overview.js';
import { UsageError, exitCodes } from '../errors.js';
import { formatLocal, formatTable, formatWhen } from '../output.js';
import { parseChatId } from '../validate.js';
import type { Run } from './catalog.js';

export const run: Run<'chatShow'> = async ({ positionals, options }, ctx) => {
  const chatId = parseChatId(positionals[0]);
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  const overview = await loadChatOverview(ctx, chatId);
  if (overview.malformedAttention > 0) ctx.io.stderr.write(`note: ${overview.malformedAttention} attention message(s) of the chat break the contract and are not shown\n`);
  const now = ctx.io.clock();
  ctx.print(options.json ? JSON.stringify(toJson(chatId, overview, now), null, 2) : toText(chatId, overview, now));
  return exitCodes.ok;
};

function toJson(chatId: string, o: ChatOverview, now: Date) {
  const { settings: s, takeover: t } = o;
  return {
    chatId,
    timeZone: o.zone,
    teamDefault: s.timeZone !== o.zone, // none of its own, or one this runtime does not know
    timeZoneSource: s.timeZoneSource,
    localNow: formatLocal(now, o.zone),
    optedOut: s.optedOut && { at: s.optedOut.at.toISOString(), by: s.optedOut.by, messageId: s.optedOut.messageId },
    underHuman: t.underHuman ? { operator: t.operator ?? null, since: t.since?.toISOString() ?? null } : null,
    openAttention: o.openAttention.map(attentionJson),
    actions: o.liveActions.map((row) => toActionView(row, actionZone(() => o.zone)(row))),
  };
}

function toText(chatId: string, o: ChatOverview, now: Date): string {
  const { settings: s, takeover: t } = o;
  const when = (d: Date) => formatWhen(d, o.zone, now);
  const zoneSource = s.timeZone !== o.zone ? 'team default' : `set by the ${s.timeZoneSource ?? 'client'}`;
  const facts = formatTable(['chat', chatId], [
    ['time zone', `${o.zone} (${zoneSource}), now ${formatLocal(now, o.zone)}`],
    ['opted out', s.optedOut ? `yes, by the ${s.optedOut.by}, ${when(s.optedOut.at)}` : 'no'],
    ['under human', t.underHuman ? `yes${t.operator ? `, ${t.operator}` : ''}${t.since ? `, since ${when(t.since)}` : ''}` : 'no'],
    ['attention', o.openAttention.length ? `${o.openAttention.length} open` : 'none open'],
    ['actions', o.liveActions.length ? `${o.liveActions.length} live (pending or claimed)` : 'none live'],
  ]);
  const sections = [facts];
  if (o.openAttention.length) sections.push(`\nopen attention:\n${indent(formatAttention(o.openAttention, { now, zoneOf: () => o.zone }))}`);
  if (o.liveActions.length) sections.push(`\nlive actions:\n${indent(formatActions(o.liveActions, { now, zoneOf: actionZone(() => o.zone) }))}`);
  return sections.join('');
}

const indent = (table: string) => table.replace(/^(?=.)/gm, '  ');
