import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { sleep } from '../backoff.js';
import { freePort, natsServerBin } from './nats-server.js';

export interface TestNatsNode {
  name: string;
  url: string;
  /** `kill -9`: the node vanishes without a goodbye, as a crashed machine does. */
  kill(): Promise<void>;
  /** Starts it again with its store: it rejoins the cluster and catches up. */
  start(): Promise<void>;
}

export interface TestNatsCluster {
  /** Every node, comma-separated: what NATS_URL takes. */
  url: string;
  nodes: TestNatsNode[];
  stop(): Promise<void>;
}

/**
 * A JetStream cluster of the test's own: `size` nats-servers on loopback, routed to each other,
 * each with its own store. Resolves once JetStream answers through the cluster (its meta leader
 * is elected), so streams with `size` replicas can be created at once.
 */
export async function startNatsCluster(size = 3): Promise<TestNatsCluster> {
  const bin = natsServerBin();
  const specs = await Promise.all(
    Array.from({ length: size }, async (_, i) => ({ name: `n${i + 1}`, port: await freePort(), clusterPort: await freePort(), storeDir: mkdtempSync(join(tmpdir(), `followups-nats-n${i + 1}-`)) })),
  );
  const routes = specs.map((s) => `nats://127.0.0.1:${s.clusterPort}`).join(',');
  const children = new Map<string, ChildProcess>();
  const startNode = (s: (typeof specs)[number]) => {
    const child = spawn(bin, ['-a', '127.0.0.1', '-p', String(s.port), '-js', '-sd', s.storeDir, '-n', s.name, '--cluster_name', 'followups-test', '--cluster', `nats://127.0.0.1:${s.clusterPort}`, '--routes', routes], { stdio: 'ignore' });
    children.set(s.name, child);
  };
  const stopNode = (name: string, signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      const c = children.get(name);
      if (!c || c.exitCode !== null || c.signalCode !== null) return resolve();
      c.once('exit', () => resolve());
      c.kill(signal);
    });
  specs.forEach(startNode);
  const url = specs.map((s) => `nats://127.0.0.1:${s.port}`).join(',');
  await jetStreamReady(url, 30_000);
  return {
    url,
    nodes: specs.map((s) => ({
      name: s.name,
      url: `nats://127.0.0.1:${s.port}`,
      kill: () => stopNode(s.name, 'SIGKILL'),
      start: async () => startNode(s),
    })),
    stop: async () => {
      await Promise.all(specs.map((s) => stopNode(s.name, 'SIGTERM')));
    },
  };
}

async function jetStreamReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const nc = await connect({ servers: url.split(','), timeout: 1000 });
      try {
        await (await jetstreamManager(nc, { timeout: 2000 })).getAccountInfo();
        return;
      } finally {
        await nc.close();
      }
    } catch (e) {
      if (Date.now() > deadline) throw new Error(`the NATS cluster at ${url} did not get JetStream ready: ${String(e)}`);
      await sleep(250);
    }
  }
}
