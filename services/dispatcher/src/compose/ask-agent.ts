import { errors as natsErrors, type NatsConnection } from '@nats-io/nats-core';
import { composeReplySchema, subjects, type ComposeReply, type ComposeRequest } from '@followups/contracts';
import { describeError } from '@followups/kit';

export type AgentAnswer = { ok: true; reply: ComposeReply } | { ok: false; reason: string };

const isNoResponders = (e: unknown) => e instanceof natsErrors.NoRespondersError || (e instanceof natsErrors.RequestError && e.isNoResponders());
const isTimeout = (e: unknown) => e instanceof natsErrors.TimeoutError || (e instanceof Error && e.cause instanceof natsErrors.TimeoutError);

/**
 * Asks an agent to write the follow-up (`agent.compose.<chat>`, core request/reply) and waits at
 * most `timeoutMs`. Never throws: no agent serving, no answer in time, an answer that is not a
 * valid reply (the agent's `{ "error": … }` included) or a broken connection all come back as
 * `ok: false` with the reason, and the caller sends the text fixed when it was scheduled.
 */
export async function askAgent(nc: NatsConnection, request: ComposeRequest, timeoutMs: number): Promise<AgentAnswer> {
  let body: unknown;
  try {
    const m = await nc.request(subjects.agentCompose(request.chatId), JSON.stringify(request), { timeout: timeoutMs });
    body = m.json();
  } catch (e) {
    if (isNoResponders(e)) return { ok: false, reason: 'no agent serves compose requests' };
    if (isTimeout(e)) return { ok: false, reason: `no answer within ${timeoutMs} ms` };
    return { ok: false, reason: describeError(e) };
  }
  const parsed = composeReplySchema.safeParse(body);
  if (parsed.success) return { ok: true, reply: parsed.data };
  const error = (body as { error?: unknown } | null)?.error;
  return { ok: false, reason: typeof error === 'string' ? `the agent answered: ${error.slice(0, 300)}` : `invalid reply: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ')}` };
}
