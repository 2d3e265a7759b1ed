import { getAction, rescheduleAction } from '@followups/actions';
import { zoneOfAction } from '../chats/chat-zones.js';
import { explainMissingTable } from '../connections.js';
import { CommandError, UsageError, exitCodes } from '../errors.js';
import { formatLocal } from '../output.js';
import { futureDue } from '../resolve-due.js';
import { parseActionId, parseTimeZone } from '../validate.js';
import type { Run } from './catalog.js';

export const run: Run<'scheduleReschedule'> = async ({ positionals, options }, ctx) => {
  const [idArg, ...whenWords] = positionals;
  const id = parseActionId(idArg);
  const db = await ctx.db();
  const row = await explainMissingTable(getAction(db, id));
  if (!row) throw new CommandError(`no action ${id}`);
  const zone = options.tz ? parseTimeZone(options.tz) : await zoneOfAction(db, row, ctx.config.settings.timeZone);
  if (whenWords.length === 0) throw new UsageError('missing <when>: an ISO time or a phrase like 45s, 2h, 3d, 1w, 2026-12-01');
  const dueAt = futureDue(whenWords.join(' '), ctx.io.clock(), zone, ctx.config.settings.limits.maxDaysAhead);
  if (row.status !== 'pending') throw new CommandError(`action ${id} is ${row.status}: only a pending action can be rescheduled`);

  const moved = await rescheduleAction(db, ctx.actor, id, dueAt);
  if (!moved) {
    const now = await getAction(db, id);
    throw new CommandError(`action ${id} is ${now?.status ?? 'gone'}: it changed while rescheduling, nothing was moved`);
  }
  ctx.print(`rescheduled ${id}`);
  ctx.print(`was         ${formatLocal(row.due_at, zone)}`);
  ctx.print(`due         ${formatLocal(moved.due_at, zone)} (${zone})`);
  return exitCodes.ok;
};
