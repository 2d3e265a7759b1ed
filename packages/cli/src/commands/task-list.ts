import { TEAM_CHAT_ID } from '@followups/contracts';
import { explainMissingTable } from '../connections.js';
import { UsageError, exitCodes } from '../errors.js';
import { clip, formatTable, formatWhen } from '../output.js';
import { parsePositiveInt } from '../validate.js';
import type { Run } from './catalog.js';

export const run: Run<'taskList'> = async ({ positionals, options }, ctx) => {
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const limit = options.limit !== undefined ? parsePositiveInt('--limit', options.limit) : 50;
  const db = await ctx.db();
  let q = db.selectFrom('scheduled_actions').selectAll().where('chat_id', '=', TEAM_CHAT_ID).where('type', '=', 'task');
  q = options.all ? q.orderBy('created_at', 'desc') : q.where('status', 'in', ['pending', 'claimed']).orderBy('due_at', 'asc');
  const rows = await explainMissingTable(q.limit(limit).execute());
  const tasks = rows.map((r) => {
    const p = r.payload as { title?: string; note?: string; emails?: string[] };
    return { row: r, title: p.title ?? '', note: p.note ?? null, emails: p.emails ?? [], repeats: r.recurrence?.description ?? r.recurrence?.pattern ?? null, zone: r.time_zone ?? ctx.config.settings.timeZone };
  });
  if (options.json) {
    const json = tasks.map((t) => ({ id: t.row.id, title: t.title, note: t.note, emails: t.emails, dueAt: t.row.due_at.toISOString(), status: t.row.status, reason: t.row.cancel_reason, repeats: t.repeats }));
    ctx.print(JSON.stringify(json, null, 2));
    return exitCodes.ok;
  }
  if (tasks.length === 0) {
    ctx.print(options.all ? 'no tasks yet: followups task create 7d "what to check"' : 'no pending tasks (--all shows the rest)');
    return exitCodes.ok;
  }
  const now = ctx.io.clock();
  ctx.print(formatTable(['ID', 'DUE', 'STATUS', 'REPEATS', 'TITLE'], tasks.map((t) => [t.row.id, formatWhen(t.row.due_at, t.zone, now), `${t.row.status}${t.row.cancel_reason ? ` (${t.row.cancel_reason})` : ''}`, t.repeats ?? '-', clip(t.title, 60)])));
  return exitCodes.ok;
};
