# One image for every service; the compose file picks the service by its command.
FROM node:20-bookworm-slim
WORKDIR /app
RUN npm install -g pnpm@10.34.8
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc tsconfig.base.json tsconfig.json ./
COPY packages ./packages
COPY services ./services
COPY tests/package.json ./tests/package.json
COPY scripts ./scripts
RUN pnpm install --frozen-lockfile
ENV NODE_ENV=production
# SIGTERM goes straight to node, which drains and exits.
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "scripts/start-stack.ts"]
