/**
 * Text as Postgres can hold it. Client text is data and must be stored and answered, whatever it
 * holds: Postgres refuses a NUL character in `text` (22021) and in `jsonb` (22P05), and a lone
 * UTF-16 surrogate (half an emoji, cut by a client) in `jsonb`. NULs are dropped and lone
 * surrogates become U+FFFD, the replacement character; everything else is kept as it is.
 */
export function pgText(text: string): string {
  return text.replace(/\u0000/g, '').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** pgText applied to every string of a JSON value, keys included, for a `jsonb` column. */
export function pgJson<T>(value: T): T {
  if (typeof value === 'string') return pgText(value) as T;
  if (Array.isArray(value)) return value.map((v) => pgJson(v)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [pgText(k), pgJson(v)])) as T;
  return value;
}
