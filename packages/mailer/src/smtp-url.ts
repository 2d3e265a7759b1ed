/** How to reach the SMTP server, as SMTP_URL says it. */
export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte (`smtps://`, usually port 465); `smtp://` upgrades with STARTTLS when the server offers it. */
  secure: boolean;
  /** `?tls=off`: never upgrade, talk plain SMTP. Only for a relay on the same host or a test server. */
  ignoreTLS: boolean;
  auth?: { user: string; pass: string };
}

const DEFAULT_PORTS: Record<string, number> = { 'smtp:': 587, 'smtps:': 465 };
const FORMS = 'expected smtp://user:pass@host:587, smtps://user:pass@host:465 or smtp://host:25?tls=off';

/**
 * Parses SMTP_URL, e.g. `smtp://reports%40example.com:secret@smtp.example.com:587`. User and
 * password are percent-decoded. Throws an Error naming what is wrong; the message never repeats
 * the URL, which may carry a password.
 */
export function parseSmtpUrl(smtpUrl: string): SmtpSettings {
  const url = smtpUrl.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme !== 'smtp' && scheme !== 'smtps') throw new Error(`SMTP URL must start with smtp:// or smtps://, not ${scheme ? `${scheme}:` : 'no scheme'} (${FORMS})`);
  // A / ? or # left raw in the password ends the authority early: the rest, '@host' included,
  // lands in the path or query, and the "host" would be part of the credentials.
  if (/^[^:]*:\/\/[^/?#]*[/?#].*@/.test(url)) throw new Error('SMTP URL: the user or password has a raw / ? or # (percent-encode it)');
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`SMTP URL is not valid: ${diagnose(url)} (${FORMS})`);
  }
  if (u.pathname.replace(/^\/$/, '') || u.hash) throw new Error(`SMTP URL has a path or #fragment, which SMTP has no use for (${FORMS})`);
  if (!u.hostname) throw new Error(`SMTP URL has no host (${FORMS})`);
  // WHATWG URL accepts port 0, which nothing listens on.
  if (u.port === '0') throw new Error(`SMTP URL is not valid: bad port (1-65535) (${FORMS})`);
  const ignoreTLS = readTlsParameter(u);
  if (ignoreTLS && u.protocol === 'smtps:') throw new Error('SMTP URL: smtps:// is TLS from the start, it cannot take ?tls=off');
  const settings: SmtpSettings = {
    host: u.hostname.replace(/^\[(.*)\]$/, '$1'), // an IPv6 literal without its brackets, as net.connect wants it
    port: u.port ? Number(u.port) : DEFAULT_PORTS[u.protocol]!,
    secure: u.protocol === 'smtps:',
    ignoreTLS,
  };
  if (u.username || u.password) settings.auth = { user: decode(u.username, 'user'), pass: decode(u.password, 'password') };
  return settings;
}

/** SMTP_URL as it may be logged at start-up: `smtp://user@host:port`, the password left out. Throws like parseSmtpUrl. */
export function describeSmtpUrl(url: string): string {
  const s = parseSmtpUrl(url);
  const host = s.host.includes(':') ? `[${s.host}]` : s.host;
  const user = s.auth ? `${encodeURIComponent(s.auth.user)}@` : '';
  return `${s.secure ? 'smtps' : 'smtp'}://${user}${host}:${s.port}${s.ignoreTLS ? '?tls=off' : ''}`;
}

/** The one query parameter understood; anything else is more likely a typo than a wish. */
function readTlsParameter(u: URL): boolean {
  for (const key of u.searchParams.keys()) {
    if (key !== 'tls') throw new Error(`SMTP URL has an unknown parameter "${key}" (only tls=off is understood)`);
  }
  const tls = u.searchParams.get('tls');
  if (tls !== null && tls !== 'off') throw new Error(`SMTP URL: tls=${tls} is not understood (only tls=off)`);
  return tls === 'off';
}

function decode(part: string, what: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new Error(`SMTP URL: the ${what} has a broken %-escape (percent-encode @ : / % in it)`);
  }
}

/** The URL parser only says "Invalid URL": name the part that made it so, echoing nothing (it may be a piece of the password). */
function diagnose(url: string): string {
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url)?.[1];
  if (authority === undefined) return 'no //host';
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  const [, host, port] = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(hostPort) ?? [];
  if (!host) return 'no host';
  if (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) > 0 && Number(port) < 65536)) return 'bad port (1-65535)';
  return 'malformed host, or a raw / ? # @ in the user or password';
}
