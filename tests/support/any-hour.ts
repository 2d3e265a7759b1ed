/**
 * Settings for stacks whose tests run at whatever hour CI does: every hour open, no holidays. The
 * send window and the holidays are tested where they are the subject (packages/manners, the
 * brains' tests, tests/e2e/manners.test.ts), not by the clock CI happens to run at.
 */
export const anyHourEnv: Record<string, string> = {
  SEND_WINDOW_FROM: '00:00',
  SEND_WINDOW_TO: '23:59',
  HOLIDAYS_COUNTRY: 'none',
  HOLIDAYS_FROM_CHAT_ZONE: 'false',
};
