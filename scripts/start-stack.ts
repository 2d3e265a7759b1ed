/**
 * `pnpm start`: the four services as child processes against NATS_URL and DATABASE_URL
 * (defaults: local NATS, a `followups` database that is created if missing). Ctrl-C stops them
 * cleanly: each drains its consumers and finishes in-flight work. If one dies, all stop, so a
 * broken stack is never mistaken for a running one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// The scheduler first: it owns the migrations the dispatcher waits for.
const services = ['scheduler', 'dispatcher', 'agent', 'gateway'] as const;
const children = new Map<string, ChildProcess>();
let stopping = false;

function start(name: string): void {
  const child = spawn(process.execPath, ['--import', 'tsx', `services/${name}/src/main.ts`], {
    cwd: root,
    env: process.env,
    stdio: ['ignore', 'inherit', 'inherit'],
    // Its own process group: a Ctrl-C in the terminal reaches only this supervisor, which then
    // sends each service one SIGTERM (a second signal would make a service skip its clean stop).
    detached: true,
  });
  children.set(name, child);
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      process.stderr.write(`[stack] ${name} exited (${signal ?? code}); stopping the stack\n`);
      stopAll(code || 1);
    } else if (children.size === 0) process.exit(process.exitCode ?? 0);
  });
}

function stopAll(exitCode = 0): void {
  if (stopping) return;
  stopping = true;
  process.exitCode = exitCode;
  if (children.size === 0) process.exit(exitCode);
  for (const child of children.values()) child.kill('SIGTERM');
}

// pnpm and tsx pass a terminal's Ctrl-C on as well, so one key press can arrive twice: only a
// signal more than a second after the first means "stop now".
let firstSignalAt = 0;
const onSignal = () => {
  if (!stopping) {
    firstSignalAt = Date.now();
    stopAll();
  } else if (Date.now() - firstSignalAt > 1000) process.exit(130);
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
// However this process ends, no service outlives it.
process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));

process.stderr.write(`[stack] starting ${services.join(', ')} — NATS ${process.env.NATS_URL ?? 'nats://127.0.0.1:4222'}; Ctrl-C to stop\n`);
for (const name of services) start(name);
