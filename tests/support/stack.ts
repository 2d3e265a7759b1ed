import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { NatsConnection } from '@nats-io/transport-node';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { Kysely } from 'kysely';
import { connectDatabase, ensureStreams } from '@followups/kit';
import { startTestBed, testLogger, waitFor, type TestNatsServer } from '@followups/kit/testing';
import type { ActionsDB } from '@followups/actions';
import { relaxedMannersEnv } from './relaxed-manners.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const SERVICES = ['scheduler', 'dispatcher', 'agent', 'gateway'] as const;
export type ServiceName = (typeof SERVICES)[number];

/**
 * The whole stack as real processes (`node --import tsx services/<name>/src/main.ts`, exactly
 * what `pnpm start` runs) against a private nats-server and database, so end-to-end tests see
 * what a user sees and can stop and start services mid-scenario.
 */
export interface Stack {
  /** The stack's own nats-server: stop() and start() it to play a NATS outage (its store is kept). */
  natsServer: TestNatsServer;
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  db: Kysely<ActionsDB>;
  env: Record<string, string>;
  start(name: ServiceName, extraEnv?: Record<string, string>): Promise<void>;
  /** SIGTERM (or `signal`), then wait for the process to exit; returns the exit code. */
  stop(name: ServiceName, signal?: NodeJS.Signals): Promise<number | null>;
  logs(name: ServiceName): string;
  close(): Promise<void>;
}

export async function startStack(label: string, env: Record<string, string> = {}): Promise<Stack> {
  const bed = await startTestBed(label);
  const { nc, jsm } = bed;
  const baseEnv: Record<string, string> = {
    NATS_URL: bed.server.url,
    DATABASE_URL: bed.databaseUrl,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'info',
    ...relaxedMannersEnv,
    ...env,
  };
  // The test publishes before services may have declared their streams.
  await ensureStreams(jsm, ['conv', 'schedule', 'dispatch', 'ops', 'attention', 'sandboxInput', 'sandboxDelivered', 'deadLetter']);
  const db = await connectDatabase<ActionsDB>(bed.databaseUrl, testLogger());
  const procs = new Map<ServiceName, { child: ChildProcess; out: string[] }>();

  const stack: Stack = {
    natsServer: bed.server,
    nc,
    js: bed.js,
    jsm,
    db,
    env: baseEnv,
    async start(name, extraEnv = {}) {
      const out: string[] = [];
      const child = spawn(process.execPath, ['--import', 'tsx', `services/${name}/src/main.ts`], {
        cwd: root,
        env: { ...process.env, ...baseEnv, INSTANCE_ID: `${name}-${procs.size}`, ...extraEnv },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (d: Buffer) => out.push(d.toString()));
      child.stderr!.on('data', (d: Buffer) => out.push(d.toString()));
      procs.set(name, { child, out });
      // Ready once it logs that its consumers run (every service logs 'consuming'; a Telegram gateway has none, it logs its start).
      await waitFor(`${name} to start`, () => /"consuming"|"gateway started"/.test(out.join('')) || (child.exitCode !== null ? Promise.reject(new Error(`${name} exited: ${out.join('')}`)) : false), 30_000);
    },
    async stop(name, signal = 'SIGTERM') {
      const p = procs.get(name);
      if (!p || p.child.exitCode !== null) return p?.child.exitCode ?? null;
      const exited = new Promise<number | null>((resolve) => p.child.once('exit', (code) => resolve(code)));
      p.child.kill(signal);
      return exited;
    },
    logs: (name) => procs.get(name)?.out.join('') ?? '',
    async close() {
      await Promise.all([...procs.keys()].map((n) => stack.stop(n)));
      await db.destroy();
      await bed.close();
    },
  };
  return stack;
}

/** Starts every service; `extraEnv` adds variables per service (e.g. the agent's ANTHROPIC_*). */
export async function startAll(stack: Stack, extraEnv: Partial<Record<ServiceName, Record<string, string>>> = {}): Promise<void> {
  await stack.start('scheduler', extraEnv.scheduler); // owns the migrations
  await Promise.all(SERVICES.filter((s) => s !== 'scheduler').map((s) => stack.start(s, extraEnv[s])));
}
