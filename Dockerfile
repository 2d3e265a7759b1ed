# One image for the four services and the CLI; docker-compose.yml picks the service by command.
#
#   docker build -t followups:local .
#   docker run --rm followups:local followups --help
#
# Behind a proxy that re-signs TLS, put its CA in deploy/docker/extra-ca/ (trusted by the build
# stage's npm and pnpm only, never part of the image).

# --- manifests: only the files that decide what `pnpm install` does ------------------------------
# A separate stage so that editing a source file does not invalidate the install below.
FROM node:20-bookworm-slim AS manifests
WORKDIR /src
COPY . .
# Without their "scripts" too: editing a script is not a reason to install everything again.
RUN find . -type f ! -name package.json ! -name pnpm-lock.yaml ! -name pnpm-workspace.yaml ! -name .npmrc -delete \
    && find . -type d -empty -delete \
    && find . -name package.json -exec node -e 'const f = process.argv[1], p = JSON.parse(require("fs").readFileSync(f)); delete p.scripts; require("fs").writeFileSync(f, JSON.stringify(p))' {} \;

# --- build: compile TypeScript to JavaScript, gather production dependencies --------------------
FROM node:20-bookworm-slim AS build
ENV CI=true
WORKDIR /src
COPY deploy/docker/extra-ca/ /tmp/extra-ca/
# with-ca: run a command trusting deploy/docker/extra-ca's certificates too (none: no change).
RUN cat /tmp/extra-ca/*.pem /tmp/extra-ca/*.crt > /tmp/extra-ca.pem 2>/dev/null || true; \
    printf '%s\n' '#!/bin/sh' \
      '[ -s /tmp/extra-ca.pem ] && export NODE_EXTRA_CA_CERTS=/tmp/extra-ca.pem' \
      'exec "$@"' > /usr/local/bin/with-ca && chmod +x /usr/local/bin/with-ca \
    && with-ca npm install -g --no-fund --no-audit pnpm@10.34.8
COPY --from=manifests /src ./
RUN with-ca pnpm install --frozen-lockfile
COPY . .
# dist/: the services and the CLI as JavaScript (scripts/bundle.ts). /app: the union of their
# third-party production dependencies, flat (hoisted) so dist/ resolves them from /app/node_modules;
# our own packages are compiled into dist/, so their copies, type declarations and maps go.
RUN pnpm bundle \
    && with-ca pnpm --filter @followups/image deploy --legacy --prod --config.node-linker=hoisted /app \
    && rm -rf /app/node_modules/@followups /app/node_modules/.bin \
    && find /app/node_modules -type f \( -name '*.d.ts' -o -name '*.d.mts' -o -name '*.d.cts' -o -name '*.ts' -o -name '*.map' \) -delete \
    && cp -r dist /app/dist \
    && mkdir /app/bin && printf '%s\n' '#!/bin/sh' 'exec node /app/dist/followups.js "$@"' > /app/bin/followups && chmod +x /app/bin/followups

# --- run -----------------------------------------------------------------------------------------
FROM node:20-bookworm-slim
# Settings first, files last: with every instruction a layer, a source edit rebuilds only the
# last COPY (and the dependencies' COPY is reused while they are unchanged).
ENV NODE_ENV=production \
    PATH=/app/bin:$PATH \
    # Stack traces name the TypeScript files and lines (dist/ ships its source maps).
    NODE_OPTIONS=--enable-source-maps \
    # Each service serves /healthz and /metrics here (the compose health checks read it).
    HEALTH_PORT=9090
WORKDIR /app
USER node
# SIGTERM goes straight to node (no shell in between), which drains its consumers and exits.
STOPSIGNAL SIGTERM
EXPOSE 9090
CMD ["followups", "--help"]
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/bin ./bin
COPY --from=build /app/dist ./dist
