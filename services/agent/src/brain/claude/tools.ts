import type Anthropic from '@anthropic-ai/sdk';
import { z } from 'zod';

/**
 * The tools Claude may call, each a zod schema: the JSON schema Claude sees is generated from
 * it, and every tool input is parsed with it, so the two cannot drift apart.
 */
export const toolInputs = {
  schedule_followup: z.object({
    client_words: z
      .string()
      .trim()
      .min(1)
      .max(300)
      .describe('The client\'s own phrase about the time, copied exactly from their message, e.g. "после выходных", "tomorrow morning".'),
    due_at_local: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'must be YYYY-MM-DDTHH:mm, e.g. 2026-11-23T10:00')
      .describe('When to write, on the client\'s local wall clock, as YYYY-MM-DDTHH:mm (e.g. 2026-11-23T10:00).'),
    text: z.string().trim().min(1).max(1000).describe('The message to send the client then, in their language; sent as it is.'),
    reason: z.string().trim().min(1).max(300).describe('One short line for the sales team: why this follow-up.'),
  }),
  cancel_followups: z.object({
    reason: z.string().trim().min(1).max(300).describe('Why, in one short line.'),
  }),
  note_opt_out: z.object({
    reason: z.string().trim().min(1).max(300).describe('What the client said, in one short line.'),
  }),
} as const;

export type ToolName = keyof typeof toolInputs;
export type ToolInput<N extends ToolName> = z.infer<(typeof toolInputs)[N]>;

const descriptions: Record<ToolName, string> = {
  schedule_followup:
    'Schedule a message to the client at a later time they asked for. The system checks the time against the client\'s words and may correct it; ' +
    'the result names the time actually stored, which is what you confirm to the client.',
  cancel_followups: 'Cancel every follow-up scheduled for this client so far (they called off what was agreed).',
  note_opt_out:
    'The client does not want to be contacted: cancels every follow-up and remembers it. Nothing can be scheduled until the client asks to be contacted again.',
};

export const isToolName = (name: string): name is ToolName => Object.hasOwn(toolInputs, name);

/** The tool definitions sent with every request; the last carries the cache breakpoint for the tools. */
export function toolDefinitions(): Anthropic.Tool[] {
  return definitions;
}

// Built once: byte-identical on every request, as the prompt cache needs.
const definitions: Anthropic.Tool[] = (() => {
  const names = Object.keys(toolInputs) as ToolName[];
  return names.map((name, i) => {
    const { $schema: _ignored, ...schema } = z.toJSONSchema(toolInputs[name], { io: 'input' });
    return {
      name,
      description: descriptions[name],
      input_schema: schema as Anthropic.Tool.InputSchema,
      ...(i === names.length - 1 ? { cache_control: { type: 'ephemeral' as const } } : {}),
    };
  });
})();

/** A zod failure as Claude can act on it: each wrong field and what is wrong with it. */
export function describeInvalidInput(error: z.ZodError): string {
  const problems = error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`);
  return `Invalid input. ${problems.join('; ')}. Correct the input and call the tool again.`;
}
