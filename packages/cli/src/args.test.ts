import { describe, expect, it } from 'vitest';
import { parseArgv } from './args.js';
import { isUsageError } from './errors.js';

const spec = { chat: 'string', status: 'string', json: 'boolean' } as const;

describe('parseArgv', () => {
  it('reads options in both spellings, switches, positionals and --help anywhere', () => {
    expect(parseArgv(['123', '--chat', '7', '--status=sent', '--json', 'two words', '-h'], spec)).toEqual({
      positionals: ['123', 'two words'],
      options: { chat: '7', status: 'sent', json: true },
      help: true,
    });
  });

  it('takes a negative number as a positional or a value (group chat ids), and everything after -- as text', () => {
    expect(parseArgv(['-100123', '--chat', '-5', '--', '--not-an-option', '-x'], spec)).toEqual({
      positionals: ['-100123', '--not-an-option', '-x'],
      options: { chat: '-5' },
      help: false,
    });
  });

  it('rejects unknown options, missing values and values given to switches with a usage error', () => {
    for (const [argv, message] of [
      [['--colour', 'red'], 'unknown option --colour'],
      [['-x'], 'unknown option -x'],
      [['--chat'], '--chat needs a value'],
      [['--chat='], '--chat needs a value'],
      [['--json=yes'], '--json takes no value'],
    ] as const) {
      let error: unknown;
      try {
        parseArgv(argv, spec);
      } catch (e) {
        error = e;
      }
      expect(isUsageError(error)).toBe(true);
      expect((error as Error).message).toBe(message);
    }
  });
});
