import { cancelAndWait } from '../actions/cancel-action.js';
import { UsageError } from '../errors.js';
import { parseActionId } from '../validate.js';
import type { Run } from './catalog.js';

export const run: Run<'taskCancel'> = async ({ positionals }, ctx) => {
  const id = parseActionId(positionals[0]);
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  return cancelAndWait(ctx, id, 'cancelled_by_operator');
};
