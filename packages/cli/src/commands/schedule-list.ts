import { listActions } from '@followups/actions';
import { toActionView } from '../actions/action-view.js';
import { formatActions } from '../actions/format-actions.js';
import { actionZone, loadChatZones } from '../chats/chat-zones.js';
import { defineCommand } from '../command.js';
import { explainMissingTable } from '../connections.js';
import { UsageError, exitCodes } from '../errors.js';
import { parseChatId, parsePositiveInt, parseStatus } from '../validate.js';

export const scheduleListCommand = defineCommand({
  path: ['schedule', 'list'],
  args: '[--chat C] [--status S] [--limit N] [--json]',
  summary: 'list actions, newest first',
  help: `Due times are shown in the chat's zone (the one the action was scheduled in, else the chat's
own, else DEFAULT_TIME_ZONE), with how far off they are. REASON says why an action ended
(cancelled, expired, failed); it is empty for live and sent ones.
  --chat C     only this chat's actions
  --status S   only actions in this status: pending, claimed, sending, sent, cancelled, expired, failed
  --limit N    at most N rows (default 50)
  --json       a JSON array of {id, chatId, type, dueAt (ISO UTC), localDue ("YYYY-MM-DD HH:mm"),
               timeZone, status, reason, text}`,
  options: { chat: 'string', status: 'string', limit: 'string', json: 'boolean' },
  async run({ positionals, options }, ctx) {
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
  },
});
