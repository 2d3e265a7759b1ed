import { actionHistory, getAction, type ActionEventRow, type ActionRow } from '@followups/actions';
import { toActionView } from '../actions/action-view.js';
import { zoneOfAction } from '../chats/chat-zones.js';
import { explainMissingTable } from '../connections.js';
import { CommandError, UsageError, exitCodes } from '../errors.js';
import { formatLocal, formatTable } from '../output.js';
import { parseActionId } from '../validate.js';
import type { Run } from './catalog.js';

export const run: Run<'scheduleShow'> = async ({ positionals, options }, ctx) => {
  const id = parseActionId(positionals[0]);
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  const db = await ctx.db();
  const row = await explainMissingTable(getAction(db, id));
  if (!row) throw new CommandError(`no action ${id}`);
  const history = await explainMissingTable(actionHistory(db, id));
  const zone = await zoneOfAction(db, row, ctx.config.settings.timeZone);
  const series = row.series_id ? await db.selectFrom('scheduled_actions').select(['id', 'due_at', 'status']).where('series_id', '=', row.series_id).orderBy('due_at').execute() : [];
  ctx.print(options.json ? JSON.stringify(toJson(row, history, zone, series), null, 2) : toText(row, history, zone, series));
  return exitCodes.ok;
};

type Occurrence = Pick<ActionRow, 'id' | 'due_at' | 'status'>;

function toJson(row: ActionRow, history: ActionEventRow[], zone: string, series: Occurrence[]) {
  return {
    ...toActionView(row, zone),
    recurrence: row.recurrence,
    series: series.map((o) => ({ id: o.id, dueAt: o.due_at.toISOString(), status: o.status })),
    cancelOn: row.cancel_on,
    createdBy: row.created_by ?? row.source,
    createdAt: row.created_at.toISOString(),
    attempts: row.attempts,
    history: history.map((e) => ({ at: e.at.toISOString(), from: e.from_status, to: e.to_status, dueAt: e.due_at.toISOString(), reason: e.reason, actor: e.actor })),
  };
}

function toText(row: ActionRow, history: ActionEventRow[], zone: string, series: Occurrence[]): string {
  const view = toActionView(row, zone);
  const facts = formatTable(['action', row.id], [
    ['chat', view.chatId],
    ['type', row.type],
    ['due', `${formatLocal(row.due_at, zone)} (${zone})`],
    ['status', `${row.status}${view.reason ? ` (${view.reason})` : ''}`],
    ['cancelled by', row.cancel_on.length ? row.cancel_on.join(', ') : 'nothing (only an explicit cancel)'],
    ['asked by', `${row.created_by ?? row.source}${row.reason ? `: ${row.reason}` : ''}`],
    ...(view.text ? [['text', view.text]] : []),
    ...(row.recurrence ? [['repeats', `${row.recurrence.description ?? row.recurrence.pattern} (${row.recurrence.timeZone}); series of ${series.length}: ${series.map((o) => `${formatLocal(o.due_at, zone).slice(0, 16)} ${o.status}`).join(', ')}`]] : []),
  ]);
  if (history.length === 0) return `${facts}\nno history recorded (created before the history table existed)\n`;
  let previousDue = history[0]!.due_at.getTime();
  const rows = history.map((e) => {
    const moved = e.due_at.getTime() !== previousDue ? ` (due now ${formatLocal(e.due_at, zone)})` : '';
    previousDue = e.due_at.getTime();
    const change = e.from_status === null ? `created ${e.to_status}` : e.from_status === e.to_status ? `${e.to_status} again` : `${e.from_status} → ${e.to_status}`;
    return [formatLocal(e.at, zone), change, e.actor, `${e.reason ?? ''}${moved}`];
  });
  return `${facts}\nhistory:\n${formatTable(['when', 'change', 'by', 'why'], rows)}`;
}
