import { readFileSync } from 'node:fs';
import { ConfigError } from '@followups/kit';

/**
 * The operators' sales-assistant prompt. Read once at start-up (edit, then restart the agent):
 * a missing or empty file stops the agent with an error naming SYSTEM_PROMPT_FILE, rather than
 * letting Claude answer clients without instructions.
 */
export function loadSystemPrompt(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`SYSTEM_PROMPT_FILE: cannot read ${file}: ${(e as Error).message}`);
  }
  if (text.trim() === '') throw new ConfigError(`SYSTEM_PROMPT_FILE: ${file} is empty`);
  return text.trim();
}
