import { resolveWhen } from '@followups/when';
import type { BrainInput } from '../brain.js';
import { formatLocal, localToInstant } from './local-time.js';

export interface ProposalCheck {
  /** The message being answered: "now" is when it was written, so a redelivery checks the same way. */
  message: { text: string; at: Date };
  /** What the client wrote lately, this message included: `client_words` count only if found here. */
  clientTexts: readonly string[];
  timeZone: string;
  defaultHour: number;
  /** Further out than this is not a follow-up a client meant (settings limits.maxDaysAhead; the rule brain's horizon too). */
  horizonMs: number;
}

export interface Proposal {
  client_words: string;
  due_at_local: string;
}

export type ProposalVerdict =
  | {
      ok: true;
      at: Date;
      /** What Claude proposed; null when it was not a real local time (the resolver's answer made it moot). */
      proposed: Date | null;
      /** `resolver`: the client's words decided the time; `proposal`: the resolver did not understand them. */
      source: 'resolver' | 'proposal';
      /** Which words the resolver understood. */
      from?: 'client_words' | 'message';
    }
  | { ok: false; error: string };

/**
 * Never lets the model's date arithmetic decide alone. The resolver reads the client's own words
 * (the phrase Claude quoted, if the client really wrote it, then the whole message); where it
 * understands them, its time wins. Otherwise Claude's local time is converted in the client's
 * zone and must lie in the future and within a year.
 */
export function validateProposal(check: ProposalCheck, proposal: Proposal): ProposalVerdict {
  const now = check.message.at;
  const proposed = localToInstant(proposal.due_at_local, check.timeZone);
  const usable = (at: Date | null): at is Date => at !== null && at.getTime() > now.getTime() && at.getTime() - now.getTime() <= check.horizonMs;

  const candidates: ['client_words' | 'message', string][] = [];
  if (check.clientTexts.some((t) => normalized(t).includes(normalized(proposal.client_words)))) candidates.push(['client_words', proposal.client_words]);
  candidates.push(['message', check.message.text]);
  for (const [from, words] of candidates) {
    const resolved = resolveWhen(words, now, check.timeZone, { defaultHour: check.defaultHour });
    if (usable(resolved)) return { ok: true, at: resolved, proposed, source: 'resolver', from };
  }

  if (!proposed) return { ok: false, error: `due_at_local ${proposal.due_at_local} is not a real date and time. Use YYYY-MM-DDTHH:mm.` };
  const nowLocal = formatLocal(now, check.timeZone);
  if (proposed.getTime() <= now.getTime()) {
    return { ok: false, error: `Refused: ${proposal.due_at_local} is not in the future; the client's local time now is ${nowLocal}. Propose a later time, or ask the client when.` };
  }
  if (proposed.getTime() - now.getTime() > check.horizonMs) {
    return { ok: false, error: `Refused: ${proposal.due_at_local} is more than ${Math.round(check.horizonMs / 86_400_000)} days ahead of the client's local time now (${nowLocal}).` };
  }
  return { ok: true, at: proposed, proposed, source: 'proposal' };
}

/** Lower case, ё as е, runs of anything but letters and digits as one space: "После  выходных!" ~ "после выходных". */
function normalized(text: string): string {
  return text.toLowerCase().replaceAll('ё', 'е').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * A tool's time, checked against the client's words in this turn: the words must be the client's
 * (this message or an earlier one), read in the turn's zone (set_time_zone may have changed it).
 */
export function checkToolTime(
  ctx: { input: Pick<BrainInput, 'history' | 'timeText' | 'message' | 'sending'>; defaultHour: number },
  timeZone: string,
  proposal: Proposal,
): ProposalVerdict {
  const { input } = ctx;
  const clientTexts = [...input.history.filter((h) => h.role === 'client').map((h) => h.text), input.timeText];
  return validateProposal({ message: { text: input.timeText, at: input.message.at }, clientTexts, timeZone, defaultHour: ctx.defaultHour, horizonMs: input.sending.horizonMs }, proposal);
}
