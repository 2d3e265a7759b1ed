import { sql, type RawBuilder } from 'kysely';
import type { Actor } from './actors.js';

// Who acts has no SQL in it (`@followups/actions/actors`, light enough for the CLI's start-up).
export { actors, type Actor } from './actors.js';

/**
 * What a changing statement sets so the history names its actor and why: `changed_by`,
 * `change_note` (null when there is none: a note left by an earlier statement must not be
 * reused), and `changed_tx` stamped with this transaction, without which the trigger records
 * `unknown` (see migration 0004). For kysely's `.set()`; `signatureSql` is the same for raw SQL.
 */
export const signedBy = (actor: Actor, note: string | RawBuilder<string> | null = null) => ({
  changed_by: actor,
  changed_tx: sql<string>`txid_current()`,
  change_note: note,
});

export const signatureSql = (actor: Actor, note: string | RawBuilder<string> | null = null) =>
  sql`changed_by = ${actor}, changed_tx = txid_current(), change_note = ${note}`;
