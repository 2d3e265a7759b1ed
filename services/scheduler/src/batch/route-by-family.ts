import type { SubjectFamily } from '@followups/contracts';
import type { Delivery, Outcome } from '@followups/kit';

/** A delivery of one subject family, with its payload typed. */
export type DeliveryOf<F extends SubjectFamily> = Extract<Delivery, { family: F }>;

export type BatchHandler<F extends SubjectFamily> = (batch: DeliveryOf<F>[]) => Promise<Outcome[]>;
export type FamilyRoutes = { [F in SubjectFamily]?: BatchHandler<F> };

/**
 * Builds a consumer's `handleBatch` from one batch handler per subject family. The batch is cut
 * into runs of consecutive same-family messages and the runs are handled in stream order, so a
 * cancel that follows an intent in the stream is applied after it, while a run of 500 intents
 * still costs one round trip.
 */
export function routeByFamily(routes: FamilyRoutes): (batch: Delivery[]) => Promise<Outcome[]> {
  return async (batch) => {
    const outcomes: Outcome[] = [];
    for (const run of consecutiveRuns(batch)) {
      const family = run[0]!.family;
      const handle = routes[family] as ((b: Delivery[]) => Promise<Outcome[]>) | undefined;
      if (!handle) {
        // The consumer's stream carries a family nobody routed: a wiring bug, not a reason to block.
        outcomes.push(...run.map((): Outcome => ({ kind: 'dead', reason: `the scheduler does not handle ${family}` })));
        continue;
      }
      outcomes.push(...(await handle(run)));
    }
    return outcomes;
  };
}

function consecutiveRuns(batch: Delivery[]): Delivery[][] {
  const runs: Delivery[][] = [];
  for (const d of batch) {
    const last = runs.at(-1);
    if (last && last[0]!.family === d.family) last.push(d);
    else runs.push([d]);
  }
  return runs;
}
