import type Anthropic from '@anthropic-ai/sdk';
import { z } from 'zod';

/**
 * The tools Claude may call, each a zod schema: the JSON schema Claude sees is generated from
 * it, and every tool input is parsed with it, so the two cannot drift apart.
 */
/** The client's own words about a time: the resolver reads them, and its reading wins. */
const clientWords = (example: string) =>
  z.string().trim().min(1).max(300).describe(`The client's own phrase about the time, copied exactly from their message, e.g. ${example}.`);
/** A wall-clock time in the client's zone: a model is far more reliable with it than with UTC offsets. */
const dueAtLocal = (what: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'must be YYYY-MM-DDTHH:mm, e.g. 2026-11-23T10:00')
    .describe(`When to ${what}, on the client's local wall clock, as YYYY-MM-DDTHH:mm (e.g. 2026-11-23T10:00).`);
const forTheTeam = (what: string) => z.string().trim().min(1).max(300).describe(`One short line for the sales team: why this ${what}.`);

export const toolInputs = {
  schedule_followup: z.object({
    client_words: clientWords('"после выходных", "tomorrow morning"'),
    due_at_local: dueAtLocal('write'),
    text: z.string().trim().min(1).max(1000).describe('The message to send the client then, in their language; sent as it is.'),
    reason: forTheTeam('follow-up'),
  }),
  schedule_call: z.object({
    client_words: clientWords('"завтра в 11", "at 3pm"'),
    due_at_local: dueAtLocal('call'),
    note: z.string().trim().min(1).max(1000).describe('For the colleague who calls: what the client wants to talk about.'),
    reason: forTheTeam('call'),
  }),
  hand_off_to_human: z.object({
    reason: z
      .enum(['question', 'complaint', 'call_request', 'unclear', 'other'])
      .describe('question: something you must not answer yourself (prices, availability, terms); complaint; call_request: a call with no time agreed; unclear; other.'),
    summary: z.string().trim().min(1).max(1000).describe('For the colleague, in English: what the client needs and what you suggest doing.'),
  }),
  set_time_zone: z.object({
    place: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .describe('Where the client is, as they said it or as an IANA zone: "Москва", "Berlin", "Kazakhstan", "UTC+3", "Europe/Moscow".'),
  }),
  cancel_followups: z.object({
    reason: z.string().trim().min(1).max(300).describe('Why, in one short line.'),
  }),
  note_opt_out: z.object({
    reason: z.string().trim().min(1).max(300).describe('What the client said, in one short line.'),
  }),
  book_meeting: z.object({
    client_words: clientWords('"в четверг в 15:00", "tomorrow at 11"'),
    meeting_at_local: dueAtLocal('meet'),
    title: z.string().trim().min(1).max(200).describe('What the meeting is, as the client would recognise it ("Демонстрация виллы", "Call about the contract").'),
  }),
  cancel_meeting: z.object({
    reason: z.string().trim().min(1).max(300).describe('Why, in one short line.'),
  }),
} as const;

export type ToolName = keyof typeof toolInputs;
export type ToolInput<N extends ToolName> = z.infer<(typeof toolInputs)[N]>;

const descriptions: Record<ToolName, string> = {
  schedule_followup:
    'Schedule a message to the client at a later time they asked for. The system checks the time against the client\'s words and may correct it; ' +
    'the result names the time actually stored, which is what you confirm to the client.',
  schedule_call: 'The client asks to be called (a bot cannot call): schedule a call by a colleague at the time they asked for. Checked like schedule_followup; confirm the stored time, saying that a colleague will call.',
  hand_off_to_human:
    'Hand the conversation to a colleague: a question you must not answer (prices, availability, discounts, terms), a complaint, a call with no time agreed, anything unclear. Tell the client a colleague will answer here.',
  set_time_zone:
    'The client said where they are or which time they go by ("я в Москве", "по киевскому времени", "my time is UTC+3"): remember their time zone. Every time after this call is read in it; the result names the zone and their local time now.',
  cancel_followups: 'Cancel every follow-up scheduled for this client so far (they called off what was agreed).',
  note_opt_out:
    'The client does not want to be contacted: cancels every follow-up and remembers it. Nothing can be scheduled until the client asks to be contacted again.',
  book_meeting:
    'The client agreed a meeting (a call, a viewing, a demo) at a time: remember it. Reminders go to the client before it (by default 24 h and 1 h before); ' +
    'a reply of theirs does not cancel them. Booking again moves the meeting. Checked like schedule_followup; confirm the stored time.',
  cancel_meeting: 'The meeting agreed earlier will not take place: its reminders are cancelled.',
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
