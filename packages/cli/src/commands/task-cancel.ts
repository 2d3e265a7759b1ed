import { cancelAndWait } from '../actions/cancel-action.js';
import { defineCommand } from '../command.js';
import { UsageError } from '../errors.js';
import { parseActionId } from '../validate.js';

export const taskCancelCommand = defineCommand({
  path: ['task', 'cancel'],
  args: '<id>',
  summary: 'cancel a task (a recurring one: the whole series)',
  help: `As "schedule cancel": publishes schedule.cancel and waits up to CLI_WAIT_MS for the scheduler.`,
  options: {},
  async run({ positionals }, ctx) {
    const id = parseActionId(positionals[0]);
    if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
    return cancelAndWait(ctx, id, 'cancelled_by_operator');
  },
});
