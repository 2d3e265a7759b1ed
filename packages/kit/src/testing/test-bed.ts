import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { createTestDatabase } from './database.js';
import { startNatsServer, type TestNatsServer } from './nats-server.js';

export interface NatsBed {
  server: TestNatsServer;
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  /** Closes `nc` and stops the server; the database is not dropped, so a failed test's rows stay. */
  close(): Promise<void>;
}
export interface TestBed extends NatsBed {
  databaseUrl: string;
}

/** The private nats-server, client connection and database every integration test file starts with, in one call. */
export async function startTestBed(label: string, options: { database: false }): Promise<NatsBed>;
export async function startTestBed(label: string): Promise<TestBed>;
export async function startTestBed(label: string, { database = true } = {}): Promise<NatsBed | TestBed> {
  const server = await startNatsServer();
  try {
    const db = database ? { databaseUrl: await createTestDatabase(label) } : {};
    const nc = await connect({ servers: server.url });
    const close = async () => {
      await nc.close();
      await server.stop();
    };
    return { server, nc, js: jetstream(nc), jsm: await jetstreamManager(nc), ...db, close };
  } catch (e) {
    await server.stop(); // nothing else would: the caller never got the bed to close
    throw e;
  }
}
