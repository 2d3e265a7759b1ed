import type { Logger } from 'pino';
import { describeError } from './backoff.js';
import { isConfigError } from './errors.js';

/**
 * First SIGTERM/SIGINT: run `stop` (stop intake, finish in-flight work, drain, close) within
 * `timeoutMs`, then exit 0. Second signal: exit at once.
 */
export function exitOnSignals(log: Logger, stop: () => Promise<void>, timeoutMs: number): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal, exiting now');
      process.exit(130);
    }
    stopping = true;
    log.info({ signal, timeoutMs }, 'shutting down');
    setTimeout(() => {
      log.error('shutdown deadline passed, exiting with work unfinished');
      process.exit(1);
    }, timeoutMs).unref();
    stop().then(
      () => {
        log.info('stopped cleanly');
        process.exit(0);
      },
      (e: unknown) => {
        log.error({ reason: describeError(e) }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

/** Runs a service's `main`, turning a configuration error into one readable line and exit code 2. */
export function runMain(main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    if (isConfigError(e)) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`fatal: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
