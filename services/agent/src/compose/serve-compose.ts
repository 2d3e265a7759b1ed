import { composeReplySchema, composeRequestSchema, subjects, wildcards, type ComposeRequest } from '@followups/contracts';
import { describeError, type Clock } from '@followups/kit';
import type { Msg, NatsConnection } from '@nats-io/nats-core';
import { composeFollowUp, type ComposeDeps } from './compose-follow-up.js';

export interface ComposeServerDeps extends ComposeDeps {
  nc: NatsConnection;
  clock: Clock;
  /** The settings' `compose.timeout`: how long the dispatcher waits for an answer. */
  timeoutMs: number;
}

export interface ComposeServer {
  /** Takes no more requests and waits for those in hand to be answered. */
  stop(): Promise<void>;
}

/** Every agent replica serves; each request goes to one of them. */
const QUEUE = 'agent';

/**
 * How long Claude may take: what the dispatcher waits, less room for the template, the reads and
 * the reply's trip, so when Claude is slow the template still arrives in time (a late answer is
 * simply dropped by the dispatcher, which has sent its fallback by then).
 */
export const composeBudgetMs = (timeoutMs: number) => Math.max(timeoutMs / 2, timeoutMs - 1000);

/**
 * Answers `agent.compose.<chat>` (core NATS request/reply, not a stream: a request lost with an
 * agent is the dispatcher's timeout, after which it sends the text fixed when the follow-up was
 * scheduled). A request that is not valid JSON, fails the schema or names another chat than its
 * subject gets `{ "error": … }` at once (the dispatcher treats it as no answer, without waiting
 * out its timeout); so does one whose chat cannot be read. Nothing here throws into NATS.
 * Logs carry ids, never the text. Resolves once the server has the subscription.
 */
export async function serveCompose(deps: ComposeServerDeps): Promise<ComposeServer> {
  const { log } = deps;
  const budgetMs = composeBudgetMs(deps.timeoutMs);
  const inHand = new Set<Promise<void>>();

  const answer = async (m: Msg): Promise<void> => {
    const started = deps.clock().getTime();
    const request = readRequest(m);
    if (!request.ok) {
      log.warn({ subject: m.subject, reason: request.reason }, 'invalid compose request');
      m.respond(JSON.stringify({ error: `invalid compose request: ${request.reason}` }));
      return;
    }
    const ids = { chatId: request.value.chatId, actionId: request.value.actionId };
    try {
      const reply = composeReplySchema.parse(await composeFollowUp(deps, request.value, AbortSignal.timeout(budgetMs)));
      m.respond(JSON.stringify(reply));
      log.info({ ...ids, by: reply.by, ms: deps.clock().getTime() - started }, 'follow-up composed');
    } catch (e) {
      log.warn({ ...ids, reason: describeError(e) }, 'could not compose the follow-up');
      m.respond(JSON.stringify({ error: `could not compose: ${describeError(e)}` }));
    }
  };

  const sub = deps.nc.subscribe(wildcards.agentCompose, {
    queue: QUEUE,
    callback: (err, m) => {
      if (err) return void log.warn({ reason: describeError(err) }, 'compose subscription error');
      // A plain publish has no one to answer.
      if (!m.reply) return void log.debug({ subject: m.subject }, 'compose request without a reply subject, ignored');
      const work = answer(m).catch((e: unknown) => log.warn({ subject: m.subject, reason: describeError(e) }, 'compose answer failed'));
      inHand.add(work);
      void work.finally(() => inHand.delete(work));
    },
  });
  // Once the server has the subscription: a dispatcher asking right after the agent started is answered.
  await deps.nc.flush();
  log.debug({ subject: wildcards.agentCompose, queue: QUEUE, budgetMs }, 'serving compose requests');

  return {
    async stop() {
      await sub.drain().catch(() => undefined);
      await Promise.allSettled([...inHand]);
    },
  };
}

type Read = { ok: true; value: ComposeRequest } | { ok: false; reason: string };

function readRequest(m: Msg): Read {
  let body: unknown;
  try {
    body = m.json();
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const parsed = composeRequestSchema.safeParse(body);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ') };
  if (subjects.agentCompose(parsed.data.chatId) !== m.subject) return { ok: false, reason: `chat ${parsed.data.chatId} asked on ${m.subject}` };
  return { ok: true, value: parsed.data };
}
