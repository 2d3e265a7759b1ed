import { ack, describeError, isDeterministicFailure, NonRetriableError, outcomeOfError, type Delivery, type Outcome } from '@followups/kit';
import type { Logger } from 'pino';

/**
 * Postgres refused the values themselves (class 22 data exception, class 23 constraint), or the
 * message could never be handled (a stack overflow on a deeply nested value): the kit's
 * deterministic failures. Retrying never helps: dead-letter it.
 */
function rejected(e: unknown): NonRetriableError {
  return new NonRetriableError(`cannot be stored: ${describeError(e)}`, { cause: e });
}

/** For one-message handlers: a data error becomes a dead letter instead of an endless retry. */
export function deadOnDataError<D>(handle: (d: D) => Promise<Outcome | void>) {
  return async (d: D): Promise<Outcome | void> => {
    try {
      return await handle(d);
    } catch (e) {
      throw isDeterministicFailure(e) ? rejected(e) : e;
    }
  };
}

/**
 * Applies `apply` to the whole batch in one go. When Postgres rejects a value in it, the batch is
 * applied again one message at a time, so only the offending message is dead-lettered and the
 * rest are stored. Any other failure throws, and the consumer retries the batch.
 */
export async function applyBatchIsolatingBadValues<D extends Delivery>(
  batch: D[],
  apply: (items: D[]) => Promise<Outcome[] | void>,
  log: Logger,
): Promise<Outcome[]> {
  try {
    return (await apply(batch)) ?? batch.map(() => ack);
  } catch (e) {
    if (!isDeterministicFailure(e)) throw e;
    if (batch.length === 1) return [{ kind: 'dead', reason: rejected(e).message }];
  }
  const outcomes: Outcome[] = [];
  for (const d of batch) {
    try {
      outcomes.push((await apply([d]))?.[0] ?? ack);
    } catch (e) {
      outcomes.push(isDeterministicFailure(e) ? { kind: 'dead', reason: rejected(e).message } : outcomeOfError(e, d, log));
    }
  }
  return outcomes;
}
