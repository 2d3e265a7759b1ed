import { listActions } from '@followups/actions';
import { toActionView } from '../actions/action-view.js';
import { formatActions } from '../actions/format-actions.js';
import { actionZone, loadChatZones } from '../chats/chat-zones.js';
import { explainMissingTable } from '../connections.js';
import { UsageError, exitCodes } from '../errors.js';
import { parseChatId, parsePositiveInt, parseStatus } from '../validate.js';
import type { Run } from './catalog.js';

export const run: Run<'scheduleList'> = async ({ positionals, options }, ctx) => {
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const filter = {
    ...(options.chat !== undefined ? { chatId: parseChatId(options.chat) } : {}),
    ...(options.status !== undefined ? { status: parseStatus(options.status) } : {}),
    limit: options.limit !== undefined ? parsePositiveInt('--limit', options.limit) : 50,
  };
  const db = await ctx.db();
  const rows = await explainMissingTable(listActions(db, filter));
  const zoneOf = actionZone(await loadChatZones(db, rows.map((r) => String(r.chat_id)), ctx.config.settings.timeZone));
  if (options.json) {
    ctx.print(JSON.stringify(rows.map((r) => toActionView(r, zoneOf(r))), null, 2));
    return exitCodes.ok;
  }
  ctx.io.stdout.write(formatActions(rows, { now: ctx.io.clock(), zoneOf }));
  return exitCodes.ok;
};
