const known = new Map<string, boolean>();

/**
 * Whether the runtime knows the zone: every zone this package returns passes through here.
 * Cached, since building a DateTimeFormat costs ~50 µs.
 */
export function isValidZone(timeZone: string): boolean {
  let valid = known.get(timeZone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat(undefined, { timeZone });
      valid = true;
    } catch {
      valid = false;
    }
    known.set(timeZone, valid);
  }
  return valid;
}
