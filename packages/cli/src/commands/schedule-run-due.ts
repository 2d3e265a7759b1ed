import { explainMissingTable } from '../connections.js';
import { UsageError, exitCodes } from '../errors.js';
import { parsePositiveInt } from '../validate.js';
import type { Run } from './catalog.js';

export const run: Run<'scheduleRunDue'> = async ({ positionals, options }, ctx) => {
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const batchSize = options.batch !== undefined ? parsePositiveInt('--batch', options.batch) : ctx.config.CLAIM_BATCH_SIZE;
  const leaseMs = options['lease-ms'] !== undefined ? parsePositiveInt('--lease-ms', options['lease-ms']) : ctx.config.CLAIM_LEASE_MS;
  // Loaded here, not at start-up: only this command needs the scheduler's code.
  const { claimAndPublish } = await import('@followups/scheduler/claim-and-publish');
  const [{ js }, db] = await Promise.all([ctx.nats(['dispatch']), ctx.db()]);
  const result = await explainMissingTable(claimAndPublish({ db, js, log: ctx.log, actor: `${ctx.actor} (run-due)`, batchSize, leaseMs }));
  ctx.print(`claimed ${result.claimed}, republished ${result.republished}, failed ${result.failed}`);
  return result.failed > 0 ? exitCodes.failed : exitCodes.ok;
};
