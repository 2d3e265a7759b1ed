import { errors } from 'telegram';

/**
 * What to tell the operator about a failed login step, and whether to go on asking. GramJS asks
 * again for the same step when we say go on (a mistyped number, code or password).
 */
export function explainLoginError(e: unknown): { message: string; stop: boolean } {
  if (e instanceof errors.FloodWaitError) {
    return { message: `Telegram asks to wait ${e.seconds} s before the next try (too many attempts). Run the login again after that.`, stop: true };
  }
  const code = e instanceof errors.RPCError ? e.errorMessage : e instanceof Error ? e.message : String(e);
  switch (code) {
    case 'PHONE_NUMBER_INVALID':
      return { message: 'Telegram does not know this number: type it in the international format with the country code, e.g. +79991234567.', stop: false };
    case 'PHONE_NUMBER_BANNED':
      return { message: 'This number is banned by Telegram; it cannot be used.', stop: true };
    case 'PHONE_CODE_INVALID':
    case 'PHONE_CODE_EMPTY':
      return { message: 'That code is wrong: type the latest code Telegram sent (to the Telegram app on the phone, or by SMS).', stop: false };
    case 'PHONE_CODE_EXPIRED':
      return { message: 'The code expired. Run the login again to get a new one.', stop: true };
    case 'PASSWORD_HASH_INVALID':
      return { message: 'Wrong two-step verification password; try again (it is the account\'s cloud password, not the code).', stop: false };
    case 'API_ID_INVALID':
      return { message: 'TELEGRAM_API_ID / TELEGRAM_API_HASH are not valid: copy them again from my.telegram.org → API development tools.', stop: true };
    default:
      return { message: `Telegram refused: ${code}`, stop: true };
  }
}
