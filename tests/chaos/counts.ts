import { sql, type Kysely } from 'kysely';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { insertActions, type ActionsDB, type NewAction } from '@followups/actions';
import { streams, type SandboxDelivered } from '@followups/contracts';

export interface ChaosCounts {
  scenario: string;
  actions: number;
  delivered: number;
  duplicates: number;
  missing: number;
  stuck: number;
  deadLettered: number;
  alive: string;
}

/** Everything the sandbox client received: the SANDBOX_DELIVERED stream read to its end. */
export async function deliveredActionIds(js: JetStreamClient, jsm: JetStreamManager): Promise<string[]> {
  const total = (await jsm.streams.info(streams.sandboxDelivered.name)).state.messages;
  const ids: string[] = [];
  if (total === 0) return ids;
  const reader = await js.consumers.get(streams.sandboxDelivered.name);
  while (ids.length < total) {
    const batch = await reader.fetch({ max_messages: Math.min(1000, total - ids.length), expires: 5000 });
    let got = 0;
    for await (const m of batch) {
      got++;
      const id = m.json<SandboxDelivered>().actionId;
      if (id) ids.push(id);
    }
    if (got === 0) break;
  }
  return ids;
}

/** Counts for one scenario, and the one line the suite prints for it. */
export async function countOutcome(
  scenario: string,
  o: { db: Kysely<ActionsDB>; js: JetStreamClient; jsm: JetStreamManager; prefix: string; alive: string[] },
): Promise<ChaosCounts> {
  const { rows } = await sql<{ id: string; status: string }>`
    select id, status from scheduled_actions where idempotency_key like ${`${o.prefix}%`}`.execute(o.db);
  const ours = new Set(rows.map((r) => r.id));
  const ids = (await deliveredActionIds(o.js, o.jsm)).filter((id) => ours.has(id));
  const distinct = new Set(ids);
  const actions = rows.length;
  const sent = rows.filter((r) => r.status === 'sent').length;
  const dead = (await o.jsm.streams.info(streams.deadLetter.name).catch(() => null))?.state.messages ?? 0;
  const counts: ChaosCounts = {
    scenario,
    actions,
    delivered: ids.length,
    duplicates: ids.length - distinct.size,
    missing: actions - distinct.size,
    stuck: actions - sent,
    deadLettered: dead,
    alive: o.alive.join(' '),
  };
  console.log(
    `chaos ${scenario}: actions ${counts.actions} · delivered ${counts.delivered} · duplicates ${counts.duplicates} · missing ${counts.missing} · stuck ${counts.stuck} · dead-lettered ${counts.deadLettered} · alive ${counts.alive}`,
  );
  return counts;
}

/**
 * `n` follow-ups keyed `<prefix><i>`, all due at `dueAt`, spread over `chats` chats from
 * `firstChat` (several per chat, so each chat's order is exercised too), inserted 5,000 a statement.
 */
export async function insertDueFollowUps(db: Kysely<ActionsDB>, o: { prefix: string; n: number; dueAt: Date; firstChat: number; chats: number }): Promise<void> {
  for (let i = 0; i < o.n; i += 5000) {
    const rows: NewAction[] = Array.from({ length: Math.min(5000, o.n - i) }, (_, k) => ({
      chatId: String(o.firstChat + ((i + k) % o.chats)),
      type: 'follow_up',
      payload: { text: `${o.prefix} ${i + k}` },
      dueAt: o.dueAt,
      cancelOn: [],
      reason: 'chaos',
      idempotencyKey: `${o.prefix}${i + k}`,
      source: 'api',
    }));
    await insertActions(db, rows);
  }
}
