import { opsTakeoverSchema, streams, subjects, type OpsTakeover } from '@followups/contracts';
import { publishJson, readLastTakeoverAndRelease, storedNanos } from '@followups/kit';
import { JetStreamApiCodes, JetStreamApiError, type StoredMsg } from '@nats-io/jetstream';
import type { DeliveryOf } from '../batch/route-by-family.js';
import type { HandlerDeps } from './deps.js';

/** Looks before the message goes back for redelivery: each lost race means OPS stored something else meanwhile. */
const TRIES = 10;

/**
 * Records a human's message (`conv.out` by an operator) as `ops.takeover.<chat>` in OPS, the
 * takeover state every service reads until an `ops.release`. The gateway may not publish on OPS
 * (least privilege), so the scheduler does, some time after the message was stored; OPS orders
 * by sequence, so a late takeover would undo a release an operator made in between. Hence
 * nothing is recorded when OPS already holds a release or a takeover of the chat stored after
 * the message: the release wins; the takeover means this one is recorded already (a redelivery)
 * or a newer one holds. The look and the publish are one compare-and-set: the publish expects
 * OPS's last sequence as it was before the look, so anything stored in between refuses it and
 * the look is done again. The message id is the one the gateway published takeovers under, so
 * one an older gateway published during an upgrade is not stored twice.
 */
export async function recordTakeover({ js, jsm, log }: Pick<HandlerDeps, 'js' | 'jsm' | 'log'>, d: DeliveryOf<'conv.out'>): Promise<void> {
  // An operator name the contract refuses (conv.out does not bound it) is left out, never the takeover.
  const named = opsTakeoverSchema.safeParse({ operator: d.payload.operator, reason: 'operator_message' });
  const takeover: OpsTakeover = named.success ? named.data : { reason: 'operator_message' };
  // Without Telegram's message id (a conv.out published by hand), the CONV sequence names the message.
  const msgID = `takeover:${d.chatId}:${d.payload.messageId ?? `conv-${d.streamSeq}`}`;
  for (let tries = 1; ; tries++) {
    const lastSeq = (await jsm.streams.info(streams.ops.name)).state.last_seq;
    const { takeover: lastTakeover, release: lastRelease } = await readLastTakeoverAndRelease(jsm, d.chatId);
    const storedAfter = (m: StoredMsg | null) => m !== null && storedNanos(m.timestamp) > d.storedNanos;
    if (storedAfter(lastRelease)) {
      log.info({ chatId: d.chatId, operator: d.payload.operator }, 'human message not recorded as a takeover: the chat was released after it');
      return;
    }
    if (storedAfter(lastTakeover)) return;
    try {
      await publishJson(js, subjects.opsTakeover(d.chatId), takeover, msgID, { lastSequence: lastSeq });
      return;
    } catch (e) {
      const lostRace = e instanceof JetStreamApiError && e.code === JetStreamApiCodes.StreamWrongLastSequence;
      if (!lostRace || tries === TRIES) throw e;
    }
  }
}
