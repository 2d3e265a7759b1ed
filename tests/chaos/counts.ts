import { sql, type Kysely } from 'kysely';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { ActionsDB } from '@followups/actions';
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
