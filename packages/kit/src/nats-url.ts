/**
 * NATS_URL as nats.js wants it: servers without credentials, and the user and password (URL-
 * decoded) as options. nats.js ignores `user:pass@` in a server URL, so a deployment with a user
 * per service (deploy/nats) would be refused with the credentials sitting right in NATS_URL.
 * `nats://scheduler:p4ss@n1:4222,nats://scheduler:p4ss@n2:4222` → both servers, one login.
 */
export function natsConnectOptions(url: string): { servers: string[]; user?: string; pass?: string } {
  let user: string | undefined;
  let pass: string | undefined;
  const servers = url.split(',').map((raw) => {
    const server = raw.trim();
    const at = server.lastIndexOf('@');
    if (at === -1) return server;
    const scheme = server.indexOf('://');
    const credentials = server.slice(scheme === -1 ? 0 : scheme + 3, at);
    const colon = credentials.indexOf(':');
    user ??= decodeURIComponent(colon === -1 ? credentials : credentials.slice(0, colon));
    if (colon !== -1) pass ??= decodeURIComponent(credentials.slice(colon + 1));
    return `${scheme === -1 ? '' : server.slice(0, scheme + 3)}${server.slice(at + 1)}`;
  });
  return { servers, ...(user ? { user } : {}), ...(pass !== undefined ? { pass } : {}) };
}
