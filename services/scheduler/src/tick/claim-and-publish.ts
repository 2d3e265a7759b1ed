import type { JetStreamClient } from '@nats-io/jetstream';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { claimDueActions, reclaimExpiredClaims, toDueEvent, type ActionRow, type ActionsDB, type Actor } from '@followups/actions';
import { subjects, type ScheduleDue } from '@followups/contracts';
import { describeError, publishJson } from '@followups/kit';
import { storeNextOccurrences } from './next-occurrences.js';

export interface ClaimAndPublishDeps {
  db: Kysely<ActionsDB>;
  js: JetStreamClient;
  log: Logger;
  /** Who the claims are made for in the actions' history: `scheduler:<instance>`, or the CLI user running `run-due`. */
  actor: Actor;
  /** Rows per claim statement; the pass loops until a batch comes back short. */
  batchSize: number;
  /** A claimed row older than this is published again. */
  leaseMs: number;
  /** Also claim what falls due within this much (the dispatchers hold it until its instant). Default 0. */
  aheadMs?: number;
  /** Checked between batches: a stopping scheduler ends the pass after the batch in hand is published. */
  shouldStop?: () => boolean;
  /**
   * Work the dispatchers have not finished (see dispatch-backlog.ts). Expired claims are published
   * again only when it is 0: then their events were lost, not merely queued. Omitted: always.
   */
  dispatchBacklog?: () => Promise<number>;
}

export interface ClaimAndPublishResult {
  claimed: number;
  republished: number;
  failed: number;
}

/**
 * One pass of the tick: claims every due action in batches (`FOR UPDATE SKIP LOCKED`, so several
 * schedulers never claim one row twice) and publishes each batch's `schedule.due.<chat>` events
 * at once, with the action id as `Nats-Msg-Id`; then publishes again the claims whose lease ran out.
 *
 * Each claim is its own short statement: no transaction stays open while we wait on NATS. A row
 * whose publish fails stays claimed and the lease brings it back, so the pass stops claiming
 * once NATS refuses (no point claiming what cannot be published now).
 */
export async function claimAndPublish(deps: ClaimAndPublishDeps): Promise<ClaimAndPublishResult> {
  const startedAt = performance.now();
  // A recurring action's next occurrence commits with its claim (see next-occurrences.ts).
  const claimDue = () =>
    deps.db.transaction().execute(async (trx) => {
      const rows = await claimDueActions(trx, deps.actor, deps.batchSize, deps.aheadMs ?? 0);
      await storeNextOccurrences(trx, rows, deps.log);
      return rows;
    });
  const due = await drain(deps, claimDue);
  const republish = !due.natsRefused && (await backlogOf(deps)) === 0;
  const stale = republish ? await drain(deps, () => reclaimExpiredClaims(deps.db, deps.actor, deps.leaseMs, deps.batchSize)) : { rows: 0, failed: 0 };
  const result = { claimed: due.rows, republished: stale.rows, failed: due.failed + stale.failed };
  if (result.claimed + result.republished > 0) {
    deps.log.info({ ...result, ms: Math.round(performance.now() - startedAt) }, 'due actions published');
  }
  return result;
}

async function backlogOf(deps: ClaimAndPublishDeps): Promise<number> {
  try {
    return (await deps.dispatchBacklog?.()) ?? 0;
  } catch (e) {
    deps.log.warn({ reason: describeError(e) }, 'could not read the dispatch backlog, not republishing this pass');
    return Number.POSITIVE_INFINITY;
  }
}

async function drain(deps: ClaimAndPublishDeps, claim: () => Promise<ActionRow[]>) {
  let rows = 0;
  let failed = 0;
  let natsRefused = false;
  let next: Promise<ActionRow[]> | null = claim();
  while (next) {
    const batch: ActionRow[] = await next;
    rows += batch.length;
    // Claim the next batch while this one's publishes are in flight, so Postgres and NATS work at
    // once. Every batch claimed is still published before the pass ends, stopping or not.
    next = batch.length === deps.batchSize && !natsRefused && !deps.shouldStop?.() ? claim() : null;
    next?.catch(() => {}); // awaited on the next turn; this only keeps a failure from counting as unhandled meanwhile
    const outcome = await publishDue(deps, batch);
    failed += outcome.failed;
    natsRefused ||= outcome.natsRefused;
  }
  return { rows, failed, natsRefused };
}

/** Publishes a batch pipelined: every publish is in flight at once, then all acks are awaited. */
async function publishDue({ js, log }: ClaimAndPublishDeps, rows: ActionRow[]): Promise<{ failed: number; natsRefused: boolean }> {
  const events: { row: ActionRow; event: ScheduleDue }[] = [];
  let unpublishable = 0;
  for (const row of rows) {
    try {
      events.push({ row, event: toDueEvent(row) });
    } catch (e) {
      // Only a row edited by hand can get here; it stays claimed and is logged at every lease.
      unpublishable++;
      log.error({ actionId: row.id, chatId: String(row.chat_id), reason: describeError(e) }, 'claimed action is not a valid due event');
    }
  }
  const results = await Promise.allSettled(events.map(({ row, event }) => publishJson(js, subjects.scheduleDue(event.chatId), event, row.id)));
  const refused = results.flatMap((r, i) => (r.status === 'rejected' ? [{ actionId: events[i]!.row.id, reason: describeError(r.reason) }] : []));
  if (refused.length > 0) {
    log.warn({ failed: refused.length, of: events.length, firstActionId: refused[0]!.actionId, reason: refused[0]!.reason }, 'due events not published, the lease will retry them');
  }
  return { failed: unpublishable + refused.length, natsRefused: refused.length > 0 };
}
