import { Cron } from 'croner';
import type { Logger } from 'pino';
import { describeError } from '@followups/kit';

export interface Ticker {
  /** No new ticks; resolves once the tick in flight (if any) has finished. */
  stop(): Promise<void>;
}

/**
 * Runs `tick` on a croner pattern, never two at once (`protect`), plus once right away so what
 * fell due while no scheduler ran goes out at start-up, not a tick later. A failing tick is
 * logged and the next one tries again.
 */
export function startTicker(pattern: string, tick: () => Promise<unknown>, log: Logger): Ticker {
  let inFlight: Promise<void> | null = null;
  const run = (): Promise<void> => {
    inFlight ??= tick()
      .then(
        () => undefined,
        (e: unknown) => log.error({ reason: describeError(e) }, 'tick failed, the next tick retries'),
      )
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };
  const cron = new Cron(pattern, { protect: true }, run);
  void run();
  return {
    async stop() {
      cron.stop();
      await inFlight;
    },
  };
}
