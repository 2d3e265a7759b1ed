import { cancelAndWait } from '../actions/cancel-action.js';
import { defineCommand } from '../command.js';
import { UsageError } from '../errors.js';
import { parseActionId } from '../validate.js';

export const scheduleCancelCommand = defineCommand({
  path: ['schedule', 'cancel'],
  args: '<id>',
  summary: 'cancel one pending action',
  help: `Publishes schedule.cancel.<chat> {actionId, reason: "cancelled_by_operator"} and waits up to
CLI_WAIT_MS for the scheduler to apply it. An action already sent or ended cannot be cancelled (exit 1);
naming any occurrence of a recurring action cancels the whole series.`,
  options: {},
  async run({ positionals }, ctx) {
    const id = parseActionId(positionals[0]);
    if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
    return cancelAndWait(ctx, id, 'cancelled_by_operator');
  },
});
