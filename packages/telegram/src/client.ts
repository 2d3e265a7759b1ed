import type { NatsConnection } from '@nats-io/nats-core';
import { Logger, TelegramClient, sessions } from 'telegram';
import { LogLevel } from 'telegram/extensions/Logger.js';
import { StandinTelegramClient } from './standin/standin-client.js';

export interface TelegramClientConfig {
  apiId: number;
  apiHash: string;
  /** A StringSession (empty to log in). A secret: never logged. */
  session: string;
  /** `telegram`: Telegram's data centres. `standin`: the NATS stand-in (tests and demos only). */
  server: 'telegram' | 'standin';
  /** Only for the stand-in. */
  nc?: NatsConnection;
}

/** A GramJS client for the account, quiet (GramJS logs to the console otherwise) and reconnecting by itself. */
export function createTelegramClient(c: TelegramClientConfig): TelegramClient {
  const session = new sessions.StringSession(c.session);
  if (c.server === 'standin') {
    if (!c.nc) throw new Error('the Telegram stand-in needs a NATS connection');
    return new StandinTelegramClient(c.nc, session, c.apiId, c.apiHash);
  }
  return new TelegramClient(session, c.apiId, c.apiHash, {
    connectionRetries: 10,
    autoReconnect: true,
    baseLogger: new Logger(LogLevel.ERROR),
  });
}
