/**
 * Cuts a text into messages of at most `max` characters (Telegram's 4,096), each ending at the
 * latest boundary that fits: a paragraph, else a sentence, else a word, else a hard cut. A
 * surrogate pair (an emoji) is never cut in half.
 */
export function splitMessage(text: string, max = 4096): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const cut = lastBoundary(window, /\n\s*\n/g) ?? lastBoundary(window, /[.!?…]["»)]?\s+|\n/g) ?? lastBoundary(window, /\s+/g) ?? safeCut(rest, max);
    parts.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) parts.push(rest);
  return parts;
}

/** The end of the last match of `boundary` within `window` (past its first quarter, so parts are not tiny). */
function lastBoundary(window: string, boundary: RegExp): number | undefined {
  let end: number | undefined;
  for (const m of window.matchAll(boundary)) {
    const at = m.index + m[0].length;
    if (at > window.length / 4 && at <= window.length - 1) end = at;
  }
  return end;
}

function safeCut(text: string, max: number): number {
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}
