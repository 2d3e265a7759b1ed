/**
 * Settings for stacks whose tests run at whatever hour CI does and load many messages onto one
 * chat in seconds: every hour open, no holidays, no minimum gap between bot messages, no cap on
 * a chat's pending follow-ups. Those
 * manners are tested where they are the subject (packages/manners, the brains' tests,
 * tests/e2e/manners.test.ts, tests/contract/actions-*.test.ts), not by the clock CI runs at.
 */
export const relaxedMannersEnv: Record<string, string> = {
  SEND_WINDOW_FROM: '00:00',
  SEND_WINDOW_TO: '23:59',
  HOLIDAYS_COUNTRY: 'none',
  HOLIDAYS_FROM_CHAT_ZONE: 'false',
  MIN_BOT_MESSAGE_GAP: '0ms',
  MAX_PENDING_FOLLOW_UPS: '1000000',
};
