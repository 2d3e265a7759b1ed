import type { ActionRow } from '@followups/actions';
import { actionAudience } from '@followups/contracts';
import { RetryLaterError } from '@followups/kit';
import type { DispatchDeps } from './deps.js';

/**
 * The per-chat minimum gap between bot messages (settings limits.minGapBetweenBotMessages): a
 * client message due sooner after the chat's last one waits out the rest, as a "not now" that
 * does not use up the action's attempts. Team actions (calls, tasks) do not write to the client.
 * `null`: it may go now.
 */
export function waitForGap(deps: Pick<DispatchDeps, 'clock' | 'config'>, row: ActionRow, lastSentAt: Date | null): RetryLaterError | null {
  if (actionAudience[row.type] !== 'client' || lastSentAt === null) return null;
  const waitMs = lastSentAt.getTime() + deps.config.settings.limits.minGapBetweenBotMessages - deps.clock().getTime();
  return waitMs > 0 ? new RetryLaterError(`min_gap: the chat had a bot message ${Math.round((deps.clock().getTime() - lastSentAt.getTime()) / 1000)} s ago`, waitMs) : null;
}
