import { getAction, type ActionRow } from '@followups/actions';
import { subjects, type ScheduleCancel } from '@followups/contracts';
import { publishJson } from '@followups/kit';
import { explainMissingTable } from '../connections.js';
import type { Context } from '../context.js';
import { CommandError, exitCodes } from '../errors.js';
import { pollFor } from '../poll.js';

/** Statuses a cancel can still stop: not yet handed to a dispatcher's send. */
const LIVE = new Set(['pending', 'claimed']);
const describe = (row: ActionRow) => `${row.status}${row.cancel_reason ? ` (${row.cancel_reason})` : ''}`;

/**
 * Publishes `schedule.cancel.<chat>` for one action (and with it the rest of its series) and waits
 * up to CLI_WAIT_MS for the scheduler to apply it. Shared by `schedule cancel` and `task cancel`.
 */
export async function cancelAndWait(ctx: Context, id: string, reason: string): Promise<number> {
  const db = await ctx.db();
  const read = (actionId: string) => explainMissingTable(getAction(db, actionId));
  const row = await read(id);
  if (!row) throw new CommandError(`no action ${id}`);
  // A recurring action is cancelled as one: naming an occurrence already sent still stops the next.
  const target = LIVE.has(row.status) ? row : row.series_id ? await liveOccurrence(ctx, row.series_id) : undefined;
  if (!target) throw new CommandError(`action ${id} is already ${describe(row)}: nothing to cancel`);

  const { js } = await ctx.nats(['schedule']);
  const request: ScheduleCancel = { actionId: id, reason, by: ctx.actor };
  await publishJson(js, subjects.scheduleCancel(String(row.chat_id)), request);

  const ended = await pollFor(async () => {
    const now = await read(target.id);
    return now && !LIVE.has(now.status) ? now : undefined;
  }, ctx.config.CLI_WAIT_MS);
  if (!ended) {
    ctx.print(`cancel queued for ${id}: the scheduler did not apply it within ${ctx.config.CLI_WAIT_MS} ms; it is kept in the SCHEDULE stream and will be applied when the scheduler runs`);
    return exitCodes.ok;
  }
  if (ended.status === 'cancelled') {
    ctx.print(`cancelled ${target.id}${ended.cancel_reason ? ` (${ended.cancel_reason})` : ''}${row.series_id ? ', and with it the whole series' : ''}`);
    return exitCodes.ok;
  }
  throw new CommandError(`action ${target.id} could not be cancelled: it is ${describe(ended)}`);
}

async function liveOccurrence(ctx: Context, seriesId: string): Promise<ActionRow | undefined> {
  const db = await ctx.db();
  return db.selectFrom('scheduled_actions').selectAll().where('series_id', '=', seriesId).where('status', 'in', ['pending', 'claimed']).executeTakeFirst();
}
