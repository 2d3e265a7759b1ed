import { Api } from 'telegram';

/** Where the account's update stream stood when last read: what `updates.getDifference` continues from. */
export interface UpdateState {
  pts: number;
  qts: number;
  date: number;
  seq: number;
}

/** `client.invoke` narrowed to the one request catching up needs; tests answer it with GramJS's own types. */
export type GetDifference = (request: Api.updates.GetDifference) => Promise<Api.updates.TypeDifference>;

/** Slices a catch-up may take before it stops and lets the next (re)connect go on: a bound, not a wait. */
const MAX_SLICES = 100;

/**
 * Fetches what arrived while the connection was down or silent — after a restart, a reconnect,
 * or a watchdog's nudge — and hands every update to `onUpdate` in order, as new messages
 * (`UpdateNewMessage`) and the other updates Telegram kept. Follows `DifferenceSlice` and
 * `DifferenceTooLong` until the difference is complete, and returns the state to persist.
 */
export async function catchUp(
  state: UpdateState,
  getDifference: GetDifference,
  onUpdate: (update: Api.TypeUpdate) => void,
  /** The users the difference mentions (with the access hashes a send to them needs), before their messages. */
  onUsers: (users: Api.TypeUser[]) => void = () => undefined,
): Promise<UpdateState> {
  let current = { ...state };
  for (let slice = 0; slice < MAX_SLICES; slice++) {
    const d = await getDifference(new Api.updates.GetDifference({ pts: current.pts, date: current.date, qts: current.qts }));
    if (d instanceof Api.updates.DifferenceEmpty) return { ...current, date: d.date, seq: d.seq };
    if (d instanceof Api.updates.DifferenceTooLong) {
      // Too much to replay: Telegram gives the point to continue from.
      current = { ...current, pts: d.pts };
      continue;
    }
    onUsers(d.users);
    for (const message of d.newMessages) onUpdate(new Api.UpdateNewMessage({ message, pts: 0, ptsCount: 0 }));
    for (const update of d.otherUpdates) onUpdate(update);
    const next = d instanceof Api.updates.DifferenceSlice ? d.intermediateState : d.state;
    current = { pts: next.pts, qts: next.qts, date: next.date, seq: next.seq };
    if (d instanceof Api.updates.Difference) return current;
  }
  return current;
}
