import { familiesWithChatId, jsonDepth, MAX_BODY_BYTES, MAX_BODY_DEPTH, parseSubject, payloadSchemas, type PayloadOf, type SubjectFamily } from '@followups/contracts';
import { NonRetriableError } from './errors.js';

/**
 * A validated message: its family tells which payload it carries. `bodyProblem`: an operator's
 * message whose body was not valid, honoured with an empty body (see below).
 */
export type Decoded = { [F in SubjectFamily]: { family: F; chatId: string; payload: PayloadOf<F>; bodyProblem?: string } }[SubjectFamily];

/**
 * What an operator publishes by hand (`nats pub ops.takeover.778 anna`) is honoured whatever its
 * body: the subject says what happened, the body only adds who and why. Every service reads a
 * takeover the same way (the agent and the dispatcher read the OPS stream's last message on the
 * subject, body or not); the bad body is reported, not a reason to ignore the operator.
 */
const HONOURED_WHATEVER_BODY: ReadonlySet<SubjectFamily> = new Set(['ops.takeover', 'ops.release', 'ops.attended']);

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Validates a message against the contract for its subject. Throws NonRetriableError with a
 * reason a human can act on. An empty body reads as `{}`, so `nats pub ops.takeover.1 ''` is valid.
 */
export function decodeMessage(subject: string, data: Uint8Array): Decoded {
  const route = parseSubject(subject);
  if (!route) throw new NonRetriableError(`unknown subject ${subject}`);
  try {
    return decodeBody(subject, route, data);
  } catch (e) {
    if (!HONOURED_WHATEVER_BODY.has(route.family)) throw e;
    return { family: route.family, chatId: route.chatId, payload: {}, bodyProblem: (e as Error).message } as Decoded;
  }
}

function decodeBody(subject: string, route: { family: SubjectFamily; chatId: string }, data: Uint8Array): Decoded {
  // Bounded before anything walks it: no payload of ours comes near these, a hostile one would.
  if (data.length > MAX_BODY_BYTES) throw new NonRetriableError(`body of ${data.length} bytes is larger than ${MAX_BODY_BYTES}`);
  let json: unknown;
  try {
    const text = decoder.decode(data).trim();
    json = text === '' ? {} : JSON.parse(text);
  } catch (e) {
    throw new NonRetriableError(`invalid JSON: ${(e as Error).message}`);
  }
  if (jsonDepth(json, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) throw new NonRetriableError(`body nested deeper than ${MAX_BODY_DEPTH} levels`);
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
