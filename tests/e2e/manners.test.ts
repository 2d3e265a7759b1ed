import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localParts } from '@followups/when';
import { waitFor } from '@followups/kit/testing';
import { startAll, startStack, type Stack } from '../support/stack.js';
import { actionsOf, SandboxClient } from '../support/sandbox-client.js';

const ZONE = 'Asia/Makassar';
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const RU_ON = ['в воскресенье', 'в понедельник', 'во вторник', 'в среду', 'в четверг', 'в пятницу', 'в субботу'];

/**
 * The send window through the running stack. The window is open on one weekday only, three days
 * from today (in the team's zone), so "через 2 часа" always falls outside it whatever hour CI
 * runs at: the follow-up must land at that day's opening and the confirmation must say so.
 */
describe('sending manners through the running stack', () => {
  let stack: Stack;
  let client: SandboxClient;
  const today = localParts(new Date(), ZONE).weekday;
  const openDay = (today + 3) % 7;

  beforeAll(async () => {
    stack = await startStack('e2e_manners', { SEND_WINDOW_FROM: '09:00', SEND_WINDOW_TO: '21:00', SEND_DAYS: DAYS[openDay]!, DEFAULT_TIME_ZONE: ZONE });
    await startAll(stack);
  }, 60_000);
  afterAll(async () => {
    client?.stop();
    await stack?.close();
  });

  it('moves a follow-up outside the window to the next opening and confirms the real time', async () => {
    client = new SandboxClient(stack.nc);
    client.say('Спасибо, подумаю. Напишите через 2 часа');
    const confirmation = await client.waitForMessage((t) => t.startsWith('Хорошо'), 'the confirmation');
    expect(confirmation.text).toContain(`${RU_ON[openDay]}`);
    expect(confirmation.text).toMatch(/в 9:00/);

    const action = await waitFor('the stored follow-up', async () => (await actionsOf(stack.db, client.chatId)).find((a) => a.status === 'pending'));
    const due = localParts(action.due_at, ZONE);
    expect([due.weekday, due.hour, due.minute]).toEqual([openDay, 9, 0]);
    expect(action.due_at.getTime() - Date.now()).toBeGreaterThan(24 * 3_600_000);
  });
});
