import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureLog, configErrorOf } from '@followups/kit/testing';
import { loadConfig } from '../config.js';
import { chooseBrain } from './choose-brain.js';
import { loadSystemPrompt } from './claude/system-prompt.js';

describe('brain selection', () => {
  it('is the rule brain without ANTHROPIC_API_KEY, Claude (with the rule fallback) with it', () => {
    const capture = captureLog();
    expect(chooseBrain(loadConfig({}), capture.log).name).toBe('rule');
    expect(chooseBrain(loadConfig({ ANTHROPIC_API_KEY: 'sk-ant-choose-secret' }), capture.log).name).toBe('claude');
    expect(capture.lines().map((l) => l.brain)).toEqual(['rule', 'claude']);
    expect(capture.lines()[1]).toMatchObject({ model: 'claude-sonnet-5-5', fallback: 'rule', customEndpoint: false });
    expect(capture.raw()).not.toContain('sk-ant-choose-secret');
  });

  it('refuses to start Claude without its prompt, naming SYSTEM_PROMPT_FILE', () => {
    const config = loadConfig({ ANTHROPIC_API_KEY: 'k', SYSTEM_PROMPT_FILE: '/nonexistent/prompt.md' });
    expect(configErrorOf(() => chooseBrain(config, captureLog().log)).message).toMatch(/^SYSTEM_PROMPT_FILE: cannot read \/nonexistent\/prompt\.md/);
  });
});

describe('system prompt', () => {
  it('ships a sales-assistant prompt that names the tools', () => {
    const prompt = loadSystemPrompt(loadConfig({}).SYSTEM_PROMPT_FILE);
    expect(prompt).toMatch(/sales assistant/);
    for (const tool of ['schedule_followup', 'schedule_call', 'hand_off_to_human', 'set_time_zone', 'cancel_followups', 'note_opt_out']) expect(prompt).toContain(tool);
  });

  it("reads the operators' own file, and refuses an empty one", () => {
    const dir = mkdtempSync(join(tmpdir(), 'agent-prompt-'));
    writeFileSync(join(dir, 'mine.md'), '  Be brief.\n');
    writeFileSync(join(dir, 'empty.md'), '\n');
    expect(loadSystemPrompt(join(dir, 'mine.md'))).toBe('Be brief.');
    expect(configErrorOf(() => loadSystemPrompt(join(dir, 'empty.md'))).message).toContain('is empty');
  });
});
