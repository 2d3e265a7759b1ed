import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { AuthorizationError, connect } from '@nats-io/transport-node';
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

export interface NatsServerOptions {
  /**
   * Starts the server with this config file (e.g. deploy/nats/nats-server.conf) instead of a bare
   * `-js`: its users, permissions and JetStream settings apply. The address, client port and
   * monitoring port are still the test's own (flags override the file), and the store dir reaches
   * the file as `$NATS_STORE_DIR` (nats-server 2.9 refuses `-sd` beside a `store_dir`).
   */
  configFile?: string;
  /** Environment for the server on top of this process's: the config's `$VAR`s (passwords). */
  env?: Record<string, string>;
}

/**
 * A real `nats-server -js` of the test's own, on a free port with its own store: tests use the
 * contract's real subjects and stream names without meeting each other or a running stack.
 */
export async function startNatsServer(opts: NatsServerOptions = {}): Promise<TestNatsServer> {
  const bin = natsServerBin();
  const port = await freePort();
  const storeDir = mkdtempSync(join(tmpdir(), 'followups-nats-'));
  const url = `nats://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const { configFile } = opts;
  // With a config: its monitoring port (a fixed 8222) moves to a free one, so two servers never collide.
  const args = configFile
    ? ['-c', configFile, '-a', '127.0.0.1', '-p', String(port), '-m', String(await freePort())]
    : ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir];
  const env = configFile ? { ...process.env, NATS_STORE_DIR: storeDir, ...opts.env } : undefined;

  const start = async () => {
    let exited: string | undefined;
    let stderr = '';
    const c = spawn(bin, args, { stdio: ['ignore', 'ignore', configFile ? 'pipe' : 'ignore'], ...(env ? { env } : {}) });
    child = c;
    // A config the server refuses (a missing variable, a typo) ends it at once: say why, not "did not start".
    c.stderr?.on('data', (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-2000)));
    c.once('exit', (code) => void (exited = `exited with ${code}: ${stderr.trim()}`));
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        const nc = await connect({ servers: url, timeout: 500 });
        await nc.close();
        return;
      } catch (e) {
        // A server with users turns an anonymous probe away: it is up.
        if (e instanceof AuthorizationError) return;
        if (exited !== undefined) throw new Error(`nats-server ${exited}`);
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
