import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import bigInt from 'big-integer';
import { Api } from 'telegram';
import { streams, subjects } from '@followups/contracts';

interface PeerRecord {
  accessHash: string;
  name?: string;
  username?: string;
  bot?: boolean;
}

/**
 * The clients' access hashes. A user account can only write to a user by quoting the access hash
 * Telegram gave it with that user (in an update's or a difference's user list), and a message
 * update in the short form carries none. So each one seen is kept in the TELEGRAM stream, the last
 * per user: a restarted or new holder can still answer a client it has not heard from since.
 */
export class PeerStore {
  private readonly known = new Map<string, PeerRecord>();

  constructor(
    private readonly deps: { js: JetStreamClient; jsm: JetStreamManager; account: string },
  ) {}

  /** Keeps the users of an update or a difference; stores only what is new or changed. */
  async remember(users: Api.TypeUser[]): Promise<void> {
    const writes: Promise<unknown>[] = [];
    for (const u of users) {
      if (!(u instanceof Api.User) || u.self || !u.accessHash || u.min) continue;
      const id = u.id.toString();
      const name = [u.firstName, u.lastName].filter(Boolean).join(' ') || undefined;
      const record: PeerRecord = { accessHash: u.accessHash.toString(), ...(name ? { name } : {}), ...(u.username ? { username: u.username } : {}), ...(u.bot ? { bot: true } : {}) };
      const before = this.known.get(id);
      if (before && JSON.stringify(before) === JSON.stringify(record)) continue;
      this.known.set(id, record);
      writes.push(this.deps.js.publish(subjects.telegramPeer(this.deps.account, id), JSON.stringify(record)));
    }
    await Promise.all(writes);
  }

  /** What is known of the user, from memory or the stream. */
  async lookup(userId: string): Promise<PeerRecord | null> {
    const cached = this.known.get(userId);
    if (cached) return cached;
    const m = await this.deps.jsm.streams.getMessage(streams.telegram.name, { last_by_subj: subjects.telegramPeer(this.deps.account, userId) });
    if (!m) return null;
    const record = m.json<PeerRecord>();
    this.known.set(userId, record);
    return record;
  }

  /** The peer to address a send to, or null when this user's access hash was never seen. */
  async inputPeer(userId: string): Promise<Api.InputPeerUser | null> {
    const r = await this.lookup(userId);
    return r ? new Api.InputPeerUser({ userId: bigInt(userId), accessHash: bigInt(r.accessHash) }) : null;
  }

  /** From memory only: what classification, which cannot wait, may ask. */
  cached(userId: string): PeerRecord | undefined {
    return this.known.get(userId);
  }
}
