import type { JetStreamManager } from '@nats-io/jetstream';
import { streams, subjects } from '@followups/contracts';
import { waitFor } from '@followups/kit/testing';
import type { TelegramStandin } from '@followups/telegram/standin';

/** What a gateway needs to hold the stand-in's account: a logged-in session, short leases for tests. */
export async function standinEnv(telegram: TelegramStandin): Promise<Record<string, string>> {
  return {
    TRANSPORT: 'telegram',
    TELEGRAM_SERVER: 'standin',
    TELEGRAM_API_ID: '12345',
    TELEGRAM_API_HASH: '0123456789abcdef0123456789abcdef',
    TELEGRAM_SESSION: await telegram.authorizedSession(),
    TELEGRAM_LEASE_TTL_MS: '2000',
  };
}

/** Until a gateway says it holds the account's session, connected and caught up. */
export function waitForTelegramConnected(jsm: JetStreamManager, account = 'sales'): Promise<true> {
  return waitFor(
    'the session holder connected',
    async () => (await jsm.streams.getMessage(streams.telegram.name, { last_by_subj: subjects.telegramStatus(account) }))?.json<{ state: string }>().state === 'connected',
    30_000,
  );
}
