import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/stat (USER_HZ, 100 on Linux). */
const HZ = 100;

/**
 * CPU time the whole machine has spent busy so far, in ms (user + nice + system + irq + softirq +
 * steal of every core). A workload's delta is its cost across every process it involves — our
 * services, nats-server, Postgres, Redis, the peer's own process — on a machine doing nothing else.
 */
export function machineCpuMs(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
  return ((user! + nice! + system! + irq! + softirq! + (steal ?? 0)) * 1000) / HZ;
}

/** Measures the machine's busy CPU over `work`. */
export async function withCpu<T>(work: () => Promise<T>): Promise<{ result: T; cpuMs: number }> {
  const before = machineCpuMs();
  const result = await work();
  return { result, cpuMs: machineCpuMs() - before };
}
