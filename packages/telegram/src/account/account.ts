import type { TelegramClient } from 'telegram';
import { subjects, type TelegramStatus } from '@followups/contracts';
import { describeError, publishJson } from '@followups/kit';
import { startSessionLease, type SessionLease } from '../session-lease.js';
import { startHolder, type Holder, type HolderOptions } from './holder.js';

export interface TelegramAccountOptions extends Omit<HolderOptions, 'client' | 'watchdogMs' | 'syncDelayMs'> {
  /** A new GramJS client for the session (one per holding: a client is never shared across holders). */
  createClient: () => TelegramClient;
  /** How long a silent holder keeps the session before a standby may take it (it stops using it after one lease). */
  leaseTtlMs?: number;
  watchdogMs?: number;
  syncDelayMs?: number;
  /** Wait before trying to connect again after a failed start while holding the lease. */
  retryMs?: number;
}

export interface TelegramAccount {
  /** Whether this process holds the session now. */
  holding(): boolean;
  /** Stops; a holder disconnects and releases the session so a standby takes it at once. */
  stop(options?: { release?: boolean }): Promise<void>;
}

/**
 * One replica's part in serving an account: contend for the session lease; when it is ours,
 * connect and serve (the holder); when it is lost, disconnect at once. Every replica runs this;
 * exactly one is connected to Telegram at a time, the others wait to take over.
 */
export async function startTelegramAccount(o: TelegramAccountOptions): Promise<TelegramAccount> {
  const log = o.log.child({ account: o.account, owner: o.owner });
  let holder: Holder | undefined;
  let starting: Promise<void> | undefined;
  let retry: NodeJS.Timeout | undefined;
  let lease: SessionLease | undefined;
  let stopped = false;

  const release = async () => {
    clearTimeout(retry);
    await starting?.catch(() => undefined);
    const h = holder;
    holder = undefined;
    await h?.stop();
  };
  const hold = () => {
    if (stopped || holder || starting) return;
    starting = startHolder({ ...o, client: o.createClient(), watchdogMs: o.watchdogMs ?? 60_000, syncDelayMs: o.syncDelayMs ?? 300 })
      .then(async (h) => {
        // Lost (or stopped) while connecting: let go at once.
        if (stopped || !lease?.holding()) return h.stop();
        holder = h;
      })
      .catch((e: unknown) => {
        log.error({ reason: describeError(e) }, 'could not connect to Telegram; trying again');
        if (!stopped) retry = setTimeout(hold, o.retryMs ?? 5000);
      })
      .finally(() => (starting = undefined));
  };

  lease = await startSessionLease({
    js: o.js,
    jsm: o.jsm,
    account: o.account,
    owner: o.owner,
    ttlMs: o.leaseTtlMs ?? 30_000,
    log: o.log,
    onAcquired: hold,
    onLost: () => void release(),
  });

  return {
    holding: () => lease?.holding() === true,
    async stop({ release: hand = true } = {}) {
      if (stopped) return;
      stopped = true;
      const held = lease?.holding() === true;
      await release();
      if (held && hand) {
        const status: TelegramStatus = { account: o.account, state: 'stopped', owner: o.owner, at: new Date().toISOString() };
        await publishJson(o.js, subjects.telegramStatus(o.account), status).catch(() => undefined);
      }
      await lease?.stop({ release: hand });
    },
  };
}
