const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `"90s"`, `"2m"`, `"12h"`, `"7d"`, `"1w"`, `"250ms"` → milliseconds; `null` when it is not one. */
export function parseDuration(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h|d|w)\s*$/i.exec(text);
  if (!m) return null;
  const ms = Number(m[1]) * UNITS[m[2]!.toLowerCase()]!;
  return Number.isFinite(ms) ? Math.round(ms) : null;
}
