# One image for every service; docker-compose.yml picks the entry point per service.
FROM node:20-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY packages/kit/package.json packages/kit/
COPY packages/geo/package.json packages/geo/
COPY packages/events/package.json packages/events/
COPY packages/testing/package.json packages/testing/
COPY subgraphs/marketplace/package.json subgraphs/marketplace/
COPY subgraphs/location/package.json subgraphs/location/
COPY router/package.json router/
COPY demo/package.json demo/
COPY e2e/package.json e2e/
COPY bench/package.json bench/
RUN npm ci
COPY . .
RUN npx turbo run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 LOG_FORMAT=json
WORKDIR /app
COPY --from=build /app /app
USER node
CMD ["node", "router/dist/main.js"]
