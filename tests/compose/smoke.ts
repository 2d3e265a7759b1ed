/**
 * `pnpm test:compose`: the stack as `docker compose` runs it, from the project's own files.
 *
 * Starts a Docker engine when none answers, makes sure the upstream base images exist (stand-ins
 * built from Debian's packages where no registry answers: deploy/docker/stand-ins), builds the
 * image, `up --scale dispatcher=3`, waits until every container is healthy, then a client talks
 * to the stack through the sandbox subjects and an operator schedules a follow-up with the CLI in
 * the image: each message must be delivered exactly once. Then a clean stop (every service exits
 * 0) and `down -v`. Prints a progress line per step and one summary line; exit 1 on any failure.
 */
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeCommand, ensureEngine, sh, shown } from './docker.js';
import { runConversation } from './conversation.js';
import { waitHealthy, type Container } from './health.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cacheDir = process.env.COMPOSE_CACHE_DIR ?? '/var/lib/followups-ci';
const project = `followups-smoke-${process.pid}`;
const started = Date.now();
const log = (line: string) => process.stdout.write(`[compose] ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s  ${line}\n`);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(0)} s`;

const engine = await ensureEngine(cacheDir, log);
const env = { ...engine.env, COMPOSE_PROJECT_NAME: project };
const [compose, composeArgs] = composeCommand(env);
const composeFiles = ['-f', `${root}/docker-compose.yml`, '-f', `${root}/tests/compose/smoke.override.yml`];
const dc = (...args: string[]) => sh(compose, [...composeArgs, ...composeFiles, ...args], env);

let failed = false;
try {
  let t = Date.now();
  log('base images (node:20-bookworm-slim, nats:2.10-alpine, postgres:15-alpine)');
  shown('bash', [`${root}/deploy/docker/stand-ins/build.sh`], { ...env, CACHE_DIR: cacheDir });
  const baseImages = seconds(t);

  t = Date.now();
  log('building followups:local');
  buildImage();
  const image = seconds(t);
  const imageSize = sh('docker', ['image', 'inspect', '-f', '{{.Size}}', 'followups:local'], env).trim();

  t = Date.now();
  log('up --scale dispatcher=3');
  dc('up', '-d', '--no-build', '--scale', 'dispatcher=3');
  const containers: Container[] = await waitHealthy(project, env, log);
  const healthy = seconds(t);

  const nats = containers.find((c) => c.service === 'nats')!;
  const result = await runConversation({ natsHost: nats.ip, cli: (...args) => dc('run', '--rm', '-T', 'cli', ...args), log });
  const cli = timeCli(containers.find((c) => c.service === 'scheduler')!.name);
  log(`CLI in a running container: --help ${cli.help} ms, schedule create ${cli.create} ms`);

  t = Date.now();
  log('stop');
  dc('stop', '--timeout', '30');
  const exits = containers.filter((c) => c.service !== 'nats' && c.service !== 'postgres').map((c) => ({ name: c.name, code: sh('docker', ['inspect', '-f', '{{.State.ExitCode}}', c.name], env).trim() }));
  const unclean = exits.filter((e) => e.code !== '0');
  if (unclean.length) throw new Error(`not a clean stop: ${unclean.map((e) => `${e.name} exited ${e.code}`).join(', ')}`);
  const stopped = seconds(t);

  log(
    `compose smoke: passed — base images ${baseImages}, image ${image} (${(Number(imageSize) / 1e6).toFixed(0)} MB), ` +
      `${containers.length} containers healthy in ${healthy} (${result.dispatchers.length} dispatchers: ${result.dispatchers.join(', ')}), ` +
      `conversation: reply ×${result.replyCount} and follow-up ×${result.followUpCount} in ${result.followUpAfter}; ` +
      `CLI follow-up ×${result.cliCount}; CLI --help ${cli.help} ms, schedule create ${cli.create} ms; ${exits.length} services stopped cleanly (exit 0) in ${stopped}; total ${seconds(started)}`,
  );
} catch (e) {
  failed = true;
  log(`compose smoke: FAILED — ${e instanceof Error ? e.message : String(e)}`);
  try {
    process.stdout.write(sh(compose, [...composeArgs, ...composeFiles, 'logs', '--no-color', '--tail', '40'], env));
  } catch {
    // the logs are a courtesy; the failure above is what counts
  }
} finally {
  try {
    dc('down', '-v', '--remove-orphans', '--timeout', '5');
  } catch (e) {
    log(`teardown: ${e instanceof Error ? e.message : String(e)}`);
  }
  await engine.stop();
}
process.exit(failed ? 1 : 0);

/**
 * The project's Dockerfile, built on the host's network (an engine without NAT has no other way
 * out) with the machine's extra CA, if any, trusted by the build stage only.
 */
function buildImage(): void {
  const ca = process.env.NODE_EXTRA_CA_CERTS;
  const placed = `${root}/deploy/docker/extra-ca/machine.pem`;
  if (ca && existsSync(ca)) copyFileSync(ca, placed);
  const build = (...args: string[]) => sh('docker', ['build', '--network', 'host', ...args, root], env);
  try {
    // The build stages tagged too, so that the prune below keeps them as the next run's cache.
    build('--target', 'manifests', '-t', 'followups-cache:manifests');
    build('--target', 'build', '-t', 'followups-cache:build');
    build('-t', 'followups:local');
  } finally {
    rmSync(placed, { force: true });
  }
  // What the previous build left and nothing uses any more: vfs copies every layer whole.
  sh('docker', ['image', 'prune', '-f'], env);
}

/**
 * The compiled CLI's own time in the image (`docker exec` into a running service, so no container
 * start is counted), as the `operator` NATS user: `--help`, and a `schedule create` that waits
 * until the scheduler has stored it (best of three). Milliseconds, for the summary (timing is reported, not asserted).
 */
function timeCli(container: string): { help: number; create: number } {
  const once = (command: string) =>
    Number(sh('docker', ['exec', '-e', `NATS_URL=nats://operator:${process.env.NATS_OPERATOR_PASSWORD ?? 'operatordev'}@nats:4222`, container, 'sh', '-c', `s=$(date +%s%N); ${command} >/dev/null; echo $(( ($(date +%s%N) - s) / 1000000 ))`], env).trim());
  // Best of three: the first run also reads the files from disk.
  const timed = (command: string) => Math.min(once(command), once(command), once(command));
  const chat = String(780_000_000 + Math.floor(Math.random() * 9_000_000));
  return { help: timed('followups --help'), create: timed(`followups schedule create ${chat} 1d 'CLI timing check'`) };
}
