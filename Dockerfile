# One image for every service; docker-compose.yml picks the entry point per service.
FROM node:20-bookworm AS build
WORKDIR /app
# Every workspace's manifest is needed before `npm ci`; copying the tree is the one way that cannot
# fall behind when a workspace is added.
COPY . .
RUN npm ci
RUN npx turbo run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 LOG_FORMAT=json
WORKDIR /app
COPY --from=build /app /app
USER node
CMD ["node", "router/dist/main.js"]
