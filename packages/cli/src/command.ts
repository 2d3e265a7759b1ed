import type { OptionSpec, ParsedArgs } from './args.js';
import type { Context } from './context.js';

/** One `followups` command: how it is called, its help text, and what it does. Returns the exit code. */
export interface Command<S extends OptionSpec = OptionSpec> {
  /** The words that name it, e.g. `['schedule', 'create']`. */
  path: string[];
  /** Arguments after the name, e.g. `<chat> <when> <text…>`. */
  args: string;
  summary: string;
  /** Shown by `--help` after the usage line: arguments, options, examples. */
  help: string;
  options: S;
  run(args: ParsedArgs<S>, ctx: Context): Promise<number>;
}

/** Keeps each command's option types precise while letting the registry hold them all. */
export const defineCommand = <S extends OptionSpec>(c: Command<S>): Command => c as unknown as Command;
