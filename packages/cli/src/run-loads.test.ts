import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** A module hook that appends every module the process resolves to a file (synchronously, so none is missed). */
const recorder = `import { appendFileSync } from 'node:fs';
let file;
export function initialize(data) { file = data.file; }
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(file, resolved.url + '\\n');
  return resolved;
}`;

/**
 * Runs each argv of `usage` through run() in one fresh node process, then `when 2h`, and returns
 * the modules loaded for the former (repository-relative, or the package's name) and for the latter.
 */
function modulesLoaded(usage: string[][]): { usage: string[]; command: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'cli-loads-'));
  const file = join(dir, 'resolved.txt');
  const script = `
import { register } from 'node:module';
import { appendFileSync } from 'node:fs';
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(recorder)}), { data: { file: ${JSON.stringify(file)} } });
const { run } = await import(${JSON.stringify(pathToFileURL(join(root, 'packages/cli/src/run.ts')).href)});
const io = { stdout: { write() {} }, stderr: { write() {} }, env: { LOG_LEVEL: 'silent' }, clock: () => new Date() };
for (const argv of ${JSON.stringify(usage)}) await run(argv, io);
appendFileSync(${JSON.stringify(file)}, '--- command\\n');
process.exitCode = await run(['when', '2h'], io);`;
  try {
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const [before, after] = readFileSync(file, 'utf8').split('--- command\n');
    const name = (url: string) => {
      if (!url.startsWith('file:')) return url; // node:…
      const path = fileURLToPath(url);
      const pkg = /\/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(path);
      return pkg ? pkg[1]! : path.slice(root.length);
    };
    const names = (text: string) => [...new Set(text.split('\n').filter(Boolean).map(name))].sort();
    return { usage: names(before!), command: names(after!) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('followups loads a command only to run it', () => {
  it('answers --help and usage errors with the catalog alone: no third-party package, no command, no kit', () => {
    const loaded = modulesLoaded([
      ['--help'],
      [],
      ['schedule', '--help'],
      ['schedule'],
      ['nonsense'],
      ['schedule', 'create', '--help'],
      ['status', '-h'],
      ['schedule', 'create', '--bogus'],
    ]);
    expect(loaded.usage).toEqual([
      'packages/cli/src/args.ts',
      'packages/cli/src/command.ts',
      'packages/cli/src/commands/catalog.ts',
      'packages/cli/src/errors.ts',
      'packages/cli/src/report-error.ts',
      'packages/cli/src/run.ts',
    ]);
    // The recorder does see what a command loads, its own module and third-party packages alike.
    expect(loaded.command).toEqual(expect.arrayContaining(['packages/cli/src/commands/when.ts', 'packages/cli/src/context.ts', 'pino', 'zod']));
  });
});
