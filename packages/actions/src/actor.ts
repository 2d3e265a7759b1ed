import { sql, type RawBuilder } from 'kysely';

/**
 * Who made a change to an action, as its history (`schedule show`) names it. Every statement
 * that changes an action says who it is acting for, and the history trigger records it:
 * `scheduler:<instance>`, `dispatcher:<instance>`, `client` (a message of theirs), `operator` or
 * `operator:<name>`, `agent`, `cli:<user>`.
 */
export type Actor = string;

export const actors = {
  scheduler: (instance: string): Actor => `scheduler:${instance}`,
  dispatcher: (instance: string): Actor => `dispatcher:${instance}`,
  client: 'client' as Actor,
  agent: 'agent' as Actor,
  operator: (name?: string | null): Actor => (name ? `operator:${name}` : 'operator'),
  cli: (user: string): Actor => `cli:${user}`,
};

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
