import { familiesWithChatId, parseSubject, payloadSchemas, type PayloadOf, type SubjectFamily } from '@followups/contracts';
import { NonRetriableError } from './errors.js';

/** A validated message: its family tells which payload it carries. */
export type Decoded = { [F in SubjectFamily]: { family: F; chatId: string; payload: PayloadOf<F> } }[SubjectFamily];

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Validates a message against the contract for its subject. Throws NonRetriableError with a
 * reason a human can act on. An empty body reads as `{}`, so `nats pub ops.takeover.1 ''` is valid.
 */
export function decodeMessage(subject: string, data: Uint8Array): Decoded {
  const route = parseSubject(subject);
  if (!route) throw new NonRetriableError(`unknown subject ${subject}`);
  let json: unknown;
  try {
    const text = decoder.decode(data).trim();
    json = text === '' ? {} : JSON.parse(text);
  } catch (e) {
    throw new NonRetriableError(`invalid JSON: ${(e as Error).message}`);
  }
  const parsed = payloadSchemas[route.family].safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
    throw new NonRetriableError(`schema: ${issues}`);
  }
  const payload = parsed.data as { chatId?: string };
  if (familiesWithChatId.has(route.family) && payload.chatId !== route.chatId) {
    throw new NonRetriableError(`schema: chatId ${payload.chatId} does not match subject ${subject}`);
  }
  return { family: route.family, chatId: route.chatId, payload } as Decoded;
}
