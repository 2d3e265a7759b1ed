import { defineCommand } from '../command.js';
import { explainMissingTable } from '../connections.js';
import { UsageError, exitCodes } from '../errors.js';
import { parsePositiveInt } from '../validate.js';

export const scheduleRunDueCommand = defineCommand({
  path: ['schedule', 'run-due'],
  args: '[--batch N] [--lease-ms MS]',
  summary: 'publish what is due now (one pass of the scheduler tick)',
  help: `Claims due actions (and claims whose lease ran out) and publishes schedule.due.<chat> for each,
exactly as the scheduler's tick does; safe to run beside running schedulers.
  --batch N       rows per claim (default: CLAIM_BATCH_SIZE, 1000)
  --lease-ms MS   re-publish claims older than this (default: CLAIM_LEASE_MS, 60000)`,
  options: { batch: 'string', 'lease-ms': 'string' },
  async run({ positionals, options }, ctx) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const batchSize = options.batch !== undefined ? parsePositiveInt('--batch', options.batch) : ctx.config.CLAIM_BATCH_SIZE;
    const leaseMs = options['lease-ms'] !== undefined ? parsePositiveInt('--lease-ms', options['lease-ms']) : ctx.config.CLAIM_LEASE_MS;
    // Loaded here, not at start-up: only this command needs the scheduler's code.
    const { claimAndPublish } = await import('@followups/scheduler/claim-and-publish');
    const [{ js }, db] = await Promise.all([ctx.nats(['dispatch']), ctx.db()]);
    const result = await explainMissingTable(claimAndPublish({ db, js, log: ctx.log, actor: `${ctx.actor} (run-due)`, batchSize, leaseMs }));
    ctx.print(`claimed ${result.claimed}, republished ${result.republished}, failed ${result.failed}`);
    return result.failed > 0 ? exitCodes.failed : exitCodes.ok;
  },
});
