# syntax=docker/dockerfile:1
# Multi-stage build: compile the site with cargo-leptos, ship only the binary and the site in a
# slim image that runs as an unprivileged user.

FROM rust:1.95-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
RUN rustup target add wasm32-unknown-unknown
WORKDIR /src
# Tools first, so they are cached across source changes.
COPY Cargo.toml Cargo.lock ./
COPY tools/package.json tools/package-lock.json tools/
COPY scripts/setup.sh scripts/env.sh scripts/
RUN scripts/setup.sh
COPY . .
RUN . scripts/env.sh && cargo leptos build --release -P

FROM debian:bookworm-slim AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin travel
WORKDIR /app
# A release is these three: the binary, hash.txt beside it, and the site folder.
COPY --from=build /src/target/release/travel-planner /app/travel-planner
COPY --from=build /src/target/release/hash.txt /app/hash.txt
COPY --from=build /src/target/site /app/site
RUN mkdir -p /app/data && chown travel /app/data
USER travel
# PUBLIC_BASE_URL has no default here: the container listens on every interface, so it must be
# told the address people use (`docker run -e PUBLIC_BASE_URL=https://trips.example.org …`), or
# it refuses to start.
ENV BIND_ADDRESS=0.0.0.0:3000 \
    LEPTOS_SITE_ROOT=/app/site \
    LOG_FORMAT=json \
    DATABASE_URL=sqlite:///app/data/travel-planner.db
# The image holds every file the pages link, or the build stops here (`site-files` checks the
# site folder against hash.txt the way `serve` does at start-up).
RUN BIND_ADDRESS=127.0.0.1:3000 /app/travel-planner site-files > /dev/null
EXPOSE 3000
VOLUME ["/app/data"]
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD curl -fsS http://127.0.0.1:3000/healthz || exit 1
ENTRYPOINT ["/app/travel-planner"]
CMD ["serve"]
