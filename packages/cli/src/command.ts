import type { OptionSpec, ParsedArgs } from './args.js';
import type { Context } from './context.js';

/** How a `followups` command is called and its help text: all that `--help` and a usage error need. */
export interface CommandSpec<S extends OptionSpec = OptionSpec> {
  /** The words that name it, e.g. `['schedule', 'create']`. */
  path: string[];
  /** Arguments after the name, e.g. `<chat> <when> <text…>`. */
  args: string;
  summary: string;
  /** Shown by `--help` after the usage line: arguments, options, examples. */
  help: string;
  options: S;
}

/** What a command does; returns the exit code. */
export type RunCommand<S extends OptionSpec = OptionSpec> = (args: ParsedArgs<S>, ctx: Context) => Promise<number>;

/**
 * One `followups` command: its spec, and its code in a module of its own, loaded only when it
 * runs (`followups --help` must not load what `schedule create` needs).
 */
export interface Command extends CommandSpec {
  load(): Promise<{ run: RunCommand }>;
}

/** Keeps a spec's option types precise (`spec({ options: { json: 'boolean' } })`). */
export const spec = <S extends OptionSpec>(s: CommandSpec<S>): CommandSpec<S> => s;

/** A spec and the module that runs it; the module's `run` must take the options the spec declares. */
export const command = <S extends OptionSpec>(s: CommandSpec<S>, load: () => Promise<{ run: RunCommand<S> }>): Command =>
  ({ ...s, load }) as unknown as Command;
