# One image for every service; the command picks the service (docker-compose.yml, deploy/kubernetes).
FROM node:20-bookworm AS build
WORKDIR /app
# Every workspace's manifest is needed before `npm ci`; copying the tree is the one way that cannot
# fall behind when a workspace is added.
COPY . .
RUN npm ci
# Build with every dependency, then keep production ones only: GraphiQL and React are bundled into
# the router's explorer page here (router/dist/pages/explorer) and are dev dependencies, like the
# compilers and test tools, so they stay in this stage.
RUN npx turbo run build && npm prune --omit=dev

FROM node:20-bookworm-slim
# DATA_DIR: SQLite files without MONGODB_URI, uploaded media without CLOUDINARY_URL, the development
# issuer's key outside production. The rest of the filesystem can be read-only.
ENV NODE_ENV=production HOST=0.0.0.0 LOG_FORMAT=json DATA_DIR=/data
WORKDIR /app
# Owned by root: the service (user node) reads the app and writes only to DATA_DIR.
COPY --from=build /app /app
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
# Asks /health/live of whichever service the command started (Kubernetes uses its own probes).
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 CMD ["node", "/app/deploy/docker/healthcheck.mjs"]
CMD ["node", "router/dist/main.js"]
