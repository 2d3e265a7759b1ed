import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { streams, subjects } from '@followups/contracts';

const MAX_RECORDS = 100_000;

interface SentRecord {
  chatId: string;
  randomId: string;
  text: string;
  /** Known once Telegram answered the send. */
  messageId?: number;
}

/**
 * What the account itself sent, so its own messages — which come back in `updates.getDifference`
 * and on the account's other devices as outgoing messages — are never taken for an operator
 * typing. Each send is recorded before it is made (chat, random id, text) and completed with
 * Telegram's message id after. A message whose id is unknown (the holder died between the send
 * and the record) is matched by its text against the chat's unfinished sends, each at most once.
 * The records live two days in TELEGRAM_SENT and are read by every new holder.
 */
export class OwnSends {
  private readonly byRandomId = new Map<string, SentRecord>();
  private readonly ownIds = new Set<string>();

  constructor(private readonly deps: { js: JetStreamClient; jsm: JetStreamManager; account: string }) {}

  /** Reads the records of the previous holders (a single filter subject: servers before 2.10 take no list). */
  async load(): Promise<number> {
    const subject = subjects.telegramSent(this.deps.account);
    const last = await this.deps.jsm.streams.getMessage(streams.telegramSent.name, { last_by_subj: subject });
    if (!last) return 0;
    const consumer = await this.deps.js.consumers.get(streams.telegramSent.name, { filter_subjects: subject });
    let read = 0;
    while (true) {
      const batch = await consumer.fetch({ max_messages: 1000, expires: 2000 });
      let seq = 0;
      for await (const m of batch) {
        this.apply(m.json<SentRecord>());
        read += 1;
        seq = m.seq;
        if (seq >= last.seq) break;
      }
      if (seq >= last.seq || seq === 0) break;
    }
    return read;
  }

  /** Before the send: from now on a message with this text in this chat may be ours. */
  async intend(chatId: string, randomId: string, text: string): Promise<void> {
    await this.write({ chatId, randomId, text });
  }

  /** After the send: the message id Telegram gave it. */
  async sent(chatId: string, randomId: string, messageId: number): Promise<void> {
    const record = this.byRandomId.get(randomId);
    await this.write({ chatId, randomId, text: record?.text ?? '', messageId });
  }

  isOwn(chatId: string, messageId: number, text: string): boolean {
    if (this.ownIds.has(`${chatId}:${messageId}`)) return true;
    for (const r of this.byRandomId.values()) {
      if (r.chatId === chatId && r.messageId === undefined && r.text === text) {
        // Matched once: an operator later typing the same words is an operator.
        void this.write({ ...r, messageId }).catch(() => undefined);
        this.apply({ ...r, messageId });
        return true;
      }
    }
    return false;
  }

  private async write(record: SentRecord): Promise<void> {
    this.apply(record);
    await this.deps.js.publish(subjects.telegramSent(this.deps.account), JSON.stringify(record));
  }

  private apply(record: SentRecord): void {
    // Bounded: the oldest go first (a Map iterates in insertion order); two days of sends fit well within.
    if (this.byRandomId.size >= MAX_RECORDS) {
      const oldest = this.byRandomId.keys().next().value as string;
      const r = this.byRandomId.get(oldest)!;
      this.byRandomId.delete(oldest);
      if (r.messageId !== undefined) this.ownIds.delete(`${r.chatId}:${r.messageId}`);
    }
    const before = this.byRandomId.get(record.randomId);
    const merged = { ...before, ...record, text: record.text || before?.text || '' };
    this.byRandomId.set(record.randomId, merged);
    if (merged.messageId !== undefined) this.ownIds.add(`${merged.chatId}:${merged.messageId}`);
  }
}
