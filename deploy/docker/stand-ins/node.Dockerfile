# Stand-in for node:20-bookworm-slim, built offline from Debian's packages and the machine's own
# Node 20 (tests/compose only; where the registry is reachable the upstream image is used).
# Like upstream: node and npm in /usr/local, a `node` user with uid 1000.
FROM followups-stand-in/debian:bookworm-minbase
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node
COPY node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
    && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
    && node --version && npm --version
CMD ["node"]
