import { parseArgv } from './args.js';
import type { Command } from './command.js';
import { commands } from './commands/catalog.js';
import type { Context } from './context.js';
import { exitCodes } from './errors.js';
import { reportError } from './report-error.js';
import type { Io } from './io.js';

const NAME = 'followups';

/**
 * Runs `followups <argv…>` in-process and returns the exit code: 0 done, 1 failed, 2 bad input.
 * Everything goes through `io`, so tests call this directly.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const { command, rest, group } = findCommand(argv);
  if (!command) {
    const asked = argv[0] === '--help' || argv[0] === '-h' || (group !== undefined && (argv[1] === '--help' || argv[1] === '-h'));
    if (asked) {
      io.stdout.write(overview(group));
      return exitCodes.ok;
    }
    const problem =
      argv.length === 0 ? 'no command given'
      : group && argv[1] === undefined ? `"${group}" needs a subcommand`
      : `unknown command "${argv.slice(0, group ? 2 : 1).join(' ')}"`;
    io.stderr.write(`error: ${problem}\n\n${overview(group)}`);
    return exitCodes.usage;
  }
  let ctx: Context | undefined;
  try {
    const args = parseArgv(rest, command.options);
    if (args.help) {
      io.stdout.write(usage(command));
      return exitCodes.ok;
    }
    // Imported only now: help and usage errors load no logger, connection or command code.
    const { createContext } = await import('./context.js');
    const { run: runCommand } = await command.load();
    ctx = createContext(io);
    return await runCommand(args, ctx);
  } catch (e) {
    const name = `${NAME} ${command.path.join(' ')}`;
    return await reportError(e, io, { line: `${name} ${command.args}`, more: `run "${name} --help" for more` });
  } finally {
    await ctx?.close();
  }
}

/**
 * `schedule create …` → the command and what follows its name; `group` is set when only `schedule`
 * matched. Two words win over one, so `attention done` is not `attention` given "done".
 */
function findCommand(argv: readonly string[]): { command?: Command; rest: readonly string[]; group?: string } {
  const [first, second] = argv;
  const pair = commands.find((c) => c.path.length === 2 && c.path[0] === first && c.path[1] === second);
  if (pair) return { command: pair, rest: argv.slice(2) };
  const single = commands.find((c) => c.path.length === 1 && c.path[0] === first);
  if (single) return { command: single, rest: argv.slice(1) };
  const inGroup = commands.some((c) => c.path.length === 2 && c.path[0] === first);
  return inGroup ? { rest: argv, group: first } : { rest: argv };
}

function usage(c: Command): string {
  return `usage: ${NAME} ${c.path.join(' ')} ${c.args}\n\n${c.summary}\n\n${c.help}\n`;
}

function overview(group?: string): string {
  const shown = commands.filter((c) => !group || c.path[0] === group);
  // Options are left to each command's --help: the overview names commands and their arguments.
  const synopses = shown.map((c) => `${c.path.join(' ')} ${c.args.replace(/\s*\[--[^\]]*\]/g, '')}`.trim());
  const width = Math.max(...synopses.map((s) => s.length));
  const lines = shown.map((c, i) => `  ${synopses[i]!.padEnd(width)}  ${c.summary}`);
  return `usage: ${NAME} ${group ?? '<command>'} [options]

commands:
${lines.join('\n')}

Run "${NAME} <command> --help" for its options. A terminal chat as a sandbox client: pnpm chat [--chat C].
environment: NATS_URL, DATABASE_URL, DEFAULT_TIME_ZONE (Asia/Makassar), CLI_WAIT_MS (5000), LOG_LEVEL (warn)
exit codes: 0 done, 1 failed, 2 bad input
`;
}
