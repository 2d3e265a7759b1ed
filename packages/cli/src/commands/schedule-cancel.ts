import { getAction, type ActionRow } from '@followups/actions';
import { subjects, type ScheduleCancel } from '@followups/contracts';
import { publishJson } from '@followups/kit';
import { defineCommand } from '../command.js';
import { explainMissingTable } from '../connections.js';
import { CommandError, UsageError, exitCodes } from '../errors.js';
import { pollFor } from '../poll.js';
import { parseActionId } from '../validate.js';

/** Statuses a cancel can still stop: not yet handed to a dispatcher's send. */
const LIVE = new Set(['pending', 'claimed']);
const describe = (row: ActionRow) => `${row.status}${row.cancel_reason ? ` (${row.cancel_reason})` : ''}`;

export const scheduleCancelCommand = defineCommand({
  path: ['schedule', 'cancel'],
  args: '<id>',
  summary: 'cancel one pending action',
  help: `Publishes schedule.cancel.<chat> {actionId, reason: "cancelled_by_operator"} and waits up to
CLI_WAIT_MS for the scheduler to apply it. An action already sent or ended cannot be cancelled (exit 1).`,
  options: {},
  async run({ positionals }, ctx) {
    const id = parseActionId(positionals[0]);
    if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
    const db = await ctx.db();
    const read = () => explainMissingTable(getAction(db, id));
    const row = await read();
    if (!row) throw new CommandError(`no action ${id}`);
    if (!LIVE.has(row.status)) throw new CommandError(`action ${id} is already ${describe(row)}: nothing to cancel`);

    const { js } = await ctx.nats(['schedule']);
    const request: ScheduleCancel = { actionId: id, reason: 'cancelled_by_operator', by: ctx.actor };
    await publishJson(js, subjects.scheduleCancel(row.chat_id), request);

    const ended = await pollFor(async () => {
      const now = await read();
      return now && !LIVE.has(now.status) ? now : undefined;
    }, ctx.config.CLI_WAIT_MS);
    if (!ended) {
      ctx.print(`cancel queued for ${id}: the scheduler did not apply it within ${ctx.config.CLI_WAIT_MS} ms; it is kept in the SCHEDULE stream and will be applied when the scheduler runs`);
      return exitCodes.ok;
    }
    if (ended.status === 'cancelled') {
      ctx.print(`cancelled ${id}${ended.cancel_reason ? ` (${ended.cancel_reason})` : ''}`);
      return exitCodes.ok;
    }
    throw new CommandError(`action ${id} could not be cancelled: it is ${describe(ended)}`);
  },
});
