import { sleep } from '@followups/kit/testing';
import { sh } from './docker.js';

export interface Container {
  name: string;
  /** The compose service it belongs to (`dispatcher` for each of the three). */
  service: string;
  /** Its address on the project's network, reachable from this host. */
  ip: string;
}

/**
 * Waits until every container of the compose project reports healthy (each has a health check:
 * nats and postgres their own, the services GET /healthz). A container that exits or turns
 * unhealthy fails at once; a progress line every 10 s says who is still starting.
 */
export async function waitHealthy(project: string, env: NodeJS.ProcessEnv, log: (line: string) => void, timeoutMs = 300_000): Promise<Container[]> {
  const deadline = Date.now() + timeoutMs;
  let lastReport = 0;
  for (;;) {
    const rows = sh('docker', ['ps', '-a', '--filter', `label=com.docker.compose.project=${project}`, '--format', '{{.Names}}|{{.Label "com.docker.compose.service"}}|{{.Status}}'], env)
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [name, service, status] = line.split('|') as [string, string, string];
        return { name, service, status };
      });
    const broken = rows.filter((r) => r.status.startsWith('Exited') || r.status.includes('(unhealthy)'));
    if (broken.length) throw new Error(`not healthy: ${broken.map((r) => `${r.name} ${r.status}`).join(', ')}`);
    const waiting = rows.filter((r) => !r.status.includes('(healthy)'));
    if (rows.length && !waiting.length) {
      return rows.map(({ name, service }) => ({
        name,
        service,
        ip: sh('docker', ['inspect', '-f', '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}', name], env).trim(),
      }));
    }
    if (Date.now() > deadline) throw new Error(`still not healthy after ${timeoutMs / 1000} s: ${waiting.map((r) => `${r.name} ${r.status}`).join(', ')}`);
    if (Date.now() - lastReport >= 10_000) {
      lastReport = Date.now();
      log(`${rows.length - waiting.length}/${rows.length} healthy; waiting for ${waiting.map((r) => r.name.replace(`${project}_`, '').replace(`${project}-`, '')).join(', ')}`);
    }
    await sleep(1000);
  }
}
