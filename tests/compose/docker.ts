import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync } from 'node:fs';
import { sleep } from '@followups/kit/testing';

/** A command's output; throws with its stderr when it fails. */
export function sh(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const r = spawnSync(command, args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}:\n${(r.stderr || r.stdout).trim().split('\n').slice(-30).join('\n')}`);
  return r.stdout;
}

/** Runs a command with its output shown (long builds), throwing when it fails. */
export function shown(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const r = spawnSync(command, args, { env, stdio: 'inherit' });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}`);
}

const works = (command: string, args: string[], env: NodeJS.ProcessEnv) => spawnSync(command, args, { env, stdio: 'ignore' }).status === 0;

export interface Engine {
  env: NodeJS.ProcessEnv;
  /** Stops the engine this script started (its images stay cached in the data root). */
  stop(): Promise<void>;
}

/**
 * The Docker engine the environment points at, or one started here when none answers: Debian's
 * dockerd with the vfs storage driver and no iptables (it runs inside a sandbox), its data root in
 * `cacheDir` so base images and build layers survive for the next run.
 */
export async function ensureEngine(cacheDir: string, log: (line: string) => void): Promise<Engine> {
  if (works('docker', ['info'], process.env)) return { env: process.env, stop: async () => {} };
  const run = '/run/followups-ci-docker';
  const env = { ...process.env, DOCKER_HOST: `unix://${run}/docker.sock` };
  if (works('docker', ['info'], env)) return { env, stop: async () => {} };
  log(`starting a Docker engine (data root ${cacheDir}/docker)`);
  mkdirSync(`${cacheDir}/docker`, { recursive: true });
  mkdirSync(run, { recursive: true });
  const out = openSync(`${cacheDir}/dockerd.log`, 'a');
  const daemon = spawn(
    'dockerd',
    ['--storage-driver=vfs', '--iptables=false', '--ip6tables=false', `--data-root=${cacheDir}/docker`, `--exec-root=${run}`, `--host=unix://${run}/docker.sock`, `--pidfile=${run}/docker.pid`],
    { stdio: ['ignore', out, out], detached: true },
  );
  for (let i = 0; i < 120 && !works('docker', ['info'], env); i++) {
    if (daemon.exitCode !== null) throw new Error(`dockerd exited ${daemon.exitCode}; see ${cacheDir}/dockerd.log`);
    await sleep(500);
  }
  if (!works('docker', ['info'], env)) throw new Error(`dockerd did not answer in 60 s; see ${cacheDir}/dockerd.log`);
  return {
    env,
    stop: async () => {
      daemon.kill('SIGTERM');
      for (let i = 0; i < 60 && daemon.exitCode === null && existsSync(`${run}/docker.pid`); i++) await sleep(500);
    },
  };
}

/** `docker compose` (v2) where the plugin is installed, else Debian's `docker-compose` (v1). */
export function composeCommand(env: NodeJS.ProcessEnv): [string, string[]] {
  return works('docker', ['compose', 'version'], env) ? ['docker', ['compose']] : ['docker-compose', []];
}
