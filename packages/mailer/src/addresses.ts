/**
 * A bare address as RCPT TO takes it: `local@domain`, no display name, no spaces, brackets,
 * commas or quotes. Stricter than RFC 5322 on purpose: a report goes to the team's plain
 * mailboxes, and anything fancier here is far more likely a pasting slip ("Anna <a@x>, b@y")
 * that nodemailer would quietly split or rewrite.
 */
const BARE_ADDRESS = /^[^\s@<>()[\],;:"\\]+@[^\s@<>()[\],;:"\\]+$/;

export const isMailAddress = (address: string): boolean => address.length <= 254 && BARE_ADDRESS.test(address);

/** Splits the recipients into those worth sending to and those no server could accept. */
export function partitionAddresses(to: readonly string[]): { valid: string[]; invalid: string[] } {
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const address of to) (isMailAddress(address) ? valid : invalid).push(address);
  return { valid, invalid };
}
