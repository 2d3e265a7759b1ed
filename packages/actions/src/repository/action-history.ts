import type { Kysely } from 'kysely';
import type { ActionEventRow, ActionsDB } from '../tables.js';

/** An action's whole life, oldest first: every transition with its time, reason and actor. */
export async function actionHistory(db: Kysely<ActionsDB>, actionId: string): Promise<ActionEventRow[]> {
  return db.selectFrom('action_events').selectAll().where('action_id', '=', actionId).orderBy('id').execute();
}
