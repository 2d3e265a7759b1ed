import { pino, type Logger } from 'pino';
import type { Kysely } from 'kysely';
import type { ActionsDB } from '@followups/actions';
import { actors, type Actor } from '@followups/actions/actors';
import type { NatsHandles } from '@followups/kit';
import { streams as streamDefs, type StreamKey } from '@followups/contracts';
import { loadConfig, type CliConfig } from './config.js';
import type { Io } from './io.js';

/** What a command works with. Connections open on first use and close when the command ends. */
export interface Context {
  io: Io;
  config: CliConfig;
  log: Logger;
  /** The person running the command, in the actions' history: `cli:<FOLLOWUPS_USER>`. */
  actor: Actor;
  print(text: string): void;
  /** NATS, with the named streams created if missing, so what the command publishes is stored. */
  nats(streams?: StreamKey[]): Promise<NatsHandles>;
  db(): Promise<Kysely<ActionsDB>>;
  close(): Promise<void>;
}

export function createContext(io: Io): Context {
  const config = loadConfig(io.env);
  const log = pino({ level: config.LOG_LEVEL, base: { service: 'cli' } }, { write: (s: string) => void io.stderr.write(s) });
  let nats: Promise<NatsHandles> | undefined;
  let db: Promise<Kysely<ActionsDB>> | undefined;
  const ensured = new Set<StreamKey>();
  return {
    io,
    config,
    log,
    actor: actors.cli(config.FOLLOWUPS_USER),
    print: (text) => void io.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    async nats(streams = []) {
      // Connections load on first use: `when` or `chat tz --help` need no NATS or Postgres client.
      const handles = await (nats ??= import('./connections.js').then((c) => c.openNats(config.NATS_URL)));
      const missing = streams.filter((s) => !ensured.has(s));
      for (const key of missing) {
        // Create only: the services own the streams' configuration, and a CLI run without
        // JETSTREAM_REPLICAS must not scale a clustered stream down to one replica.
        const exists = await handles.jsm.streams.info(streamDefs[key].name).then(() => true, () => false);
        if (!exists) await (await import('@followups/kit')).ensureStreams(handles.jsm, [key], config.JETSTREAM_REPLICAS);
        ensured.add(key);
      }
      return handles;
    },
    db: () => (db ??= import('./connections.js').then((c) => c.openDatabase(config.DATABASE_URL, log))),
    async close() {
      const [n, d] = [nats, db];
      nats = db = undefined;
      await Promise.all([
        n?.then((h) => h.nc.drain(), () => {}),
        d?.then((k) => k.destroy(), () => {}),
      ]);
    },
  };
}
