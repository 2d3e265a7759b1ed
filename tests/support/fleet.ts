import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { waitFor } from '@followups/kit/testing';
import { relaxedMannersEnv } from './relaxed-manners.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

export type ServiceName = 'scheduler' | 'dispatcher' | 'agent' | 'gateway';

/**
 * Services as real processes, several of a kind (3 dispatchers, 2 schedulers), each started,
 * killed (`kill -9`) and restarted by name: what an operator's fleet goes through.
 */
export class Fleet {
  private readonly procs = new Map<string, { child: ChildProcess; out: string[] }>();
  constructor(private readonly env: Record<string, string>) {}

  async start(service: ServiceName, instance: string): Promise<void> {
    const out: string[] = [];
    const child = spawn(process.execPath, ['--import', 'tsx', `services/${service}/src/main.ts`], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'warn', ...relaxedMannersEnv, ...this.env, INSTANCE_ID: instance },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => out.push(d.toString()));
    child.stderr!.on('data', (d: Buffer) => out.push(d.toString()));
    this.procs.set(instance, { child, out });
    // A process at LOG_LEVEL=warn says little: ready is when it is still alive a moment after its consumers could start.
    await waitFor(`${instance} to start`, () => (child.exitCode !== null ? Promise.reject(new Error(`${instance} exited: ${out.join('')}`)) : child.pid !== undefined), 30_000);
  }

  kill(instance: string, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const p = this.procs.get(instance);
    if (!p || p.child.exitCode !== null || p.child.signalCode !== null) return Promise.resolve();
    const exited = new Promise<void>((resolve) => p.child.once('exit', () => resolve()));
    p.child.kill(signal);
    return exited;
  }

  /** The instances still running: a service that died by itself shows up missing here. */
  alive(): string[] {
    return [...this.procs].filter(([, p]) => p.child.exitCode === null && p.child.signalCode === null).map(([name]) => name);
  }

  logs(instance: string): string {
    return this.procs.get(instance)?.out.join('') ?? '';
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.procs.keys()].map((name) => this.kill(name, 'SIGTERM')));
  }
}
