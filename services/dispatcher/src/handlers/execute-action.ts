import type { Logger } from 'pino';
import type { ActionRow } from '@followups/actions';
import { actionSchema, opsAttentionSchema, subjects, type OpsAttention } from '@followups/contracts';
import { publishJson } from '@followups/kit';
import { actionSendKey, randomIdFor } from '../random-id.js';
import { isRandomIdDuplicateError, sendOnce } from '../transport/outbound-transport.js';
import { reportTask } from '../executors/task-report.js';
import { composeFollowUp } from '../compose/compose-follow-up.js';
import type { DispatchDeps } from './deps.js';

export type Execution =
  | { kind: 'done'; delivery: 'sent' | 'already_sent' | 'executed' | 'handed_to_operators'; text?: string }
  | { kind: 'failed'; reason: string };

/**
 * Carries out a validated action. follow_up and reminder send their text with the action's
 * random id, so a second attempt (a retry, or a takeover of a dead dispatcher's lease) is
 * refused by the transport as a duplicate and counts as delivered. custom runs the executor
 * registered under its name. call hands the call to the operators as `ops.attention`
 * (`call_due`), deduplicated by the action id; task reports to the operators' chat, the attention
 * stream and e-mail (executors/task-report.ts). Throws on a transient failure.
 */
export async function executeAction(deps: Pick<DispatchDeps, 'js' | 'nc' | 'db' | 'transport' | 'executors' | 'clock' | 'mailer' | 'config'>, row: ActionRow, log: Logger): Promise<Execution> {
  const parsed = actionSchema.safeParse({ type: row.type, payload: row.payload });
  if (!parsed.success) return { kind: 'failed', reason: `invalid_payload: ${parsed.error.issues.map((i) => i.message).join('; ')}` };
  const action = parsed.data;
  const randomId = randomIdFor(actionSendKey(row.id));

  switch (action.type) {
    case 'follow_up': {
      // Written by the agent now, or the fixed text, greeting fitted to the hour. Whatever the
      // text, it goes with the action's random id: a retry that composes anew is still refused.
      const { text, by } = await composeFollowUp(deps, row, action.payload, log);
      const delivery = await sendOnce(deps.transport, { chatId: row.chat_id, text, randomId, actionId: row.id });
      log.debug({ composedBy: by, delivery }, 'follow-up handed to the transport');
      return { kind: 'done', delivery, text };
    }
    case 'reminder': {
      const text = action.payload.text;
      const delivery = await sendOnce(deps.transport, { chatId: row.chat_id, text, randomId, actionId: row.id });
      return { kind: 'done', delivery, text };
    }
    case 'call': {
      const attention: OpsAttention = opsAttentionSchema.parse({
        chatId: row.chat_id,
        reason: 'call_due',
        text: action.payload.note,
        at: deps.clock().toISOString(),
        suggested: `call the client now (chat ${row.chat_id}${action.payload.contact?.username ? `, @${action.payload.contact.username}` : ''}${action.payload.contact?.name ? `, ${action.payload.contact.name}` : ''})`,
        actionId: row.id,
        ...(action.payload.contact ? { contact: action.payload.contact } : {}),
        by: 'dispatcher',
      });
      await publishJson(deps.js, subjects.opsAttention(row.chat_id), attention, `attention:call:${row.id}`);
      return { kind: 'done', delivery: 'handed_to_operators' };
    }
    case 'task': {
      const delivery = await reportTask({ ...deps, report: deps.config.settings.report }, row, action.payload, log);
      return { kind: 'done', delivery };
    }
    case 'custom': {
      const executor = deps.executors.get(action.payload.name);
      if (!executor) return { kind: 'failed', reason: `no_executor:${action.payload.name}` };
      try {
        await executor({
          actionId: row.id,
          chatId: row.chat_id,
          data: action.payload.data,
          randomId,
          transport: deps.transport,
          clock: deps.clock,
          log: log.child({ executor: action.payload.name }),
        });
        return { kind: 'done', delivery: 'executed' };
      } catch (e) {
        // An executor that sends with the action's random id finds out here that it already did.
        if (isRandomIdDuplicateError(e)) return { kind: 'done', delivery: 'already_sent' };
        throw e;
      }
    }
  }
}
