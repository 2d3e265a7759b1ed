import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { sleep } from '../backoff.js';

export interface TestNatsServer {
  url: string;
  /** Stops the server; its store stays, so `start()` brings the same streams back. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** NATS_SERVER_BIN, else `nats-server` from PATH, else Debian's /usr/sbin (often not on a user's PATH). */
export function natsServerBin(): string {
  if (process.env.NATS_SERVER_BIN) return process.env.NATS_SERVER_BIN;
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/local/sbin', '/usr/sbin'];
  return dirs.map((d) => join(d, 'nats-server')).find((p) => existsSync(p)) ?? 'nats-server';
}

/** A free TCP port on loopback, as the OS hands it out. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A real `nats-server -js` of the test's own, on a free port with its own store: tests use the
 * contract's real subjects and stream names without meeting each other or a running stack.
 */
export async function startNatsServer(): Promise<TestNatsServer> {
  const bin = natsServerBin();
  const port = await freePort();
  const storeDir = mkdtempSync(join(tmpdir(), 'followups-nats-'));
  const url = `nats://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;

  const start = async () => {
    child = spawn(bin, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], { stdio: 'ignore' });
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        const nc = await connect({ servers: url, timeout: 500 });
        await nc.close();
        return;
      } catch (e) {
        if (Date.now() > deadline) throw new Error(`nats-server did not start on ${url}: ${String(e)}`);
        await sleep(50);
      }
    }
  };
  const stop = async () => {
    const c = child;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
    });
  };
  await start();
  return { url, start, stop };
}
