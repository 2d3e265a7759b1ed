import type { NatsConnection } from '@nats-io/nats-core';
import { sql, type Kysely } from 'kysely';
import { subjects, type SandboxDelivered, type ScheduleIntentInput } from '@followups/contracts';
import { publishJson } from '@followups/kit';
import { collect, waitFor, type Collected } from '@followups/kit/testing';
import type { ActionRow, ActionsDB } from '@followups/actions';
import type { JetStreamClient } from '@nats-io/jetstream';

let nextChat = 700_000_000 + Math.floor(Math.random() * 1_000_000) * 100;
/** A chat id no other scenario in this run uses. */
export const newChatId = () => String(++nextChat);

/** A client in the sandbox: types like a Telegram user, sees what the stack sends to it. */
export class SandboxClient {
  readonly delivered: Collected<SandboxDelivered>;
  constructor(
    private readonly nc: NatsConnection,
    readonly chatId = newChatId(),
  ) {
    this.delivered = collect<SandboxDelivered>(nc, subjects.sandboxDelivered(chatId));
  }
  /** Plain core publish, exactly what `pnpm chat` or `nats pub` sends. */
  say(text: string): void {
    this.nc.publish(subjects.sandboxClient(this.chatId), JSON.stringify({ text }));
  }
  texts(): string[] {
    return this.delivered.messages.map((m) => m.data.text);
  }
  async waitForMessage(match: (text: string) => boolean, what: string, timeoutMs = 15_000): Promise<SandboxDelivered> {
    return waitFor(what, () => this.delivered.messages.find((m) => match(m.data.text))?.data, timeoutMs);
  }
  stop(): void {
    this.delivered.stop();
  }
}

export async function actionsOf(db: Kysely<ActionsDB>, chatId: string): Promise<ActionRow[]> {
  return db.selectFrom('scheduled_actions').selectAll().where('chat_id', '=', chatId).orderBy('created_at').execute();
}

export async function waitForStatus(db: Kysely<ActionsDB>, id: string, status: string, timeoutMs = 15_000): Promise<ActionRow> {
  return waitFor(
    `action ${id} to be ${status}`,
    async () => {
      const row = await db.selectFrom('scheduled_actions').selectAll().where('id', '=', id).executeTakeFirst();
      return row?.status === status ? row : undefined;
    },
    timeoutMs,
  );
}

/** Publishes a follow-up intent the way the CLI does and returns the stored row. */
export async function scheduleFollowUp(js: JetStreamClient, db: Kysely<ActionsDB>, chatId: string, dueAt: Date, text: string, key = `e2e:${chatId}:${dueAt.getTime()}:${text}`): Promise<ActionRow> {
  const intent: ScheduleIntentInput = {
    chatId,
    action: { type: 'follow_up', payload: { text } },
    dueAt: dueAt.toISOString(),
    idempotencyKey: key,
    source: 'cli',
  };
  await publishJson(js, subjects.scheduleIntent(chatId), intent);
  return waitFor(`intent ${key} to be stored`, () =>
    db.selectFrom('scheduled_actions').selectAll().where('idempotency_key', '=', key).executeTakeFirst(),
  );
}

/** Postgres' clock, which the scheduler uses to decide what is due. */
export async function dbNow(db: Kysely<ActionsDB>): Promise<Date> {
  const { rows } = await sql<{ now: Date }>`select now() as now`.execute(db);
  return rows[0]!.now;
}
