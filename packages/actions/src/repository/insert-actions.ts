import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ActionType, CancelTrigger, Recurrence } from '@followups/contracts';
import { pgJson, pgText } from '@followups/kit';
import type { ActionRow, ActionsDB } from '../tables.js';

type Db = Kysely<ActionsDB> | Transaction<ActionsDB>;

export interface NewAction {
  chatId: string;
  type: ActionType;
  payload: Record<string, unknown>;
  dueAt: Date;
  cancelOn: CancelTrigger[];
  reason: string;
  idempotencyKey: string;
  source: string;
  /** Who asked for it, when `source` alone does not say (`cli:<user>`, `operator:<name>`). */
  createdBy?: string | undefined;
  timeZone?: string | undefined;
  /** Omitted: now (Postgres' clock). */
  contextAt?: Date | undefined;
  recurrence?: Recurrence | undefined;
  /** An occurrence of a series (its first occurrence's id); a new series' first occurrence leaves it out. */
  seriesId?: string | undefined;
  meetingId?: string | undefined;
  /** Born cancelled, e.g. scheduled into a chat a human already holds. */
  cancelReason?: string | undefined;
}

/**
 * Stores a batch of actions in one round trip. An idempotency key the chat has used before stores
 * nothing (within one batch, the first of two wins): only the rows actually inserted come back.
 */
export async function insertActions(db: Db, actions: NewAction[]): Promise<ActionRow[]> {
  if (actions.length === 0) return [];
  return db
    .insertInto('scheduled_actions')
    .values(
      actions.map((a) => ({
        // A series is named by its first occurrence: a new series' first row is its own series.
        ...(a.seriesId ? { series_id: a.seriesId } : a.recurrence ? seriesStart() : {}),
        chat_id: a.chatId,
        type: a.type,
        // What clients and publishers write is stored whatever it holds (a NUL, half an emoji).
        payload: JSON.stringify(pgJson(a.payload)),
        due_at: a.dueAt,
        cancel_on: a.cancelOn,
        reason: pgText(a.reason),
        idempotency_key: a.idempotencyKey,
        source: a.source,
        created_by: a.createdBy ?? null,
        recurrence: a.recurrence ? JSON.stringify(a.recurrence) : null,
        meeting_id: a.meetingId ?? null,
        time_zone: a.timeZone ?? null,
        context_at: a.contextAt ?? sql<Date>`now()`,
        ...(a.cancelReason ? { status: 'cancelled' as const, cancel_reason: a.cancelReason, cancelled_at: sql<Date>`now()` } : {}),
      })),
    )
    .onConflict((oc) => oc.columns(['chat_id', 'idempotency_key']).doNothing())
    .returningAll()
    .execute();
}

/** The chat's actions already stored under these keys: what a repeated key refers to. */
export async function actionsByKey(db: Db, keys: readonly { chatId: string; idempotencyKey: string }[]): Promise<ActionRow[]> {
  if (keys.length === 0) return [];
  return db
    .selectFrom('scheduled_actions')
    .selectAll()
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('chat_id', '=', k.chatId), eb('idempotency_key', '=', k.idempotencyKey)]))))
    .execute();
}

function seriesStart(): { id: string; series_id: string } {
  const id = randomUUID();
  return { id, series_id: id };
}
