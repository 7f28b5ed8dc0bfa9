# PAR Ledger service image. Build: docker build -t par-ledger .   (docker compose builds it for you)
#
# Stage 1 installs everything (better-sqlite3 compiles here if its prebuilt binary cannot be fetched: the full
# bookworm image has python3, make and g++), compiles TypeScript, then drops the dev dependencies. Optional
# dependencies are kept on purpose: @kurrent/kurrentdb-client loads its native bridge (@kurrent/bridge-linux-*)
# from them, so never install with --omit=optional.
FROM node:20-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

# Stage 2 runs the compiled service. Same Debian release as the build stage, so the native addons built or
# downloaded there (better-sqlite3, the KurrentDB bridge) load here.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    PAR_DATA_DIR=/app/data
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
# The embedded stores and the generated JWT secret live here (mount a volume to keep them).
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/main.js"]
