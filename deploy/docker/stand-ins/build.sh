#!/usr/bin/env bash
# Makes sure the three upstream base images the project builds on exist in the Docker engine:
# node:20-bookworm-slim, nats:2.10-alpine, postgres:15-alpine. An image already there is used
# as it is; a missing one is pulled; where no registry answers (this project's CI machines), a
# stand-in is built from Debian's packages and tagged with the upstream name, so Dockerfile and
# docker-compose.yml build unchanged. Debian's minimal root file system is cached in $CACHE_DIR.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="${CACHE_DIR:-/var/lib/followups-ci}"
minbase=followups-stand-in/debian:bookworm-minbase

have() { docker image inspect "$1" >/dev/null 2>&1; }
pulled() { timeout 30 docker pull -q "$1" >/dev/null 2>&1; }

ensure_minbase() {
  have "$minbase" && return
  if [[ ! -s "$cache/bookworm-minbase.tar" ]]; then
    echo "stand-ins: debootstrap a minimal Debian bookworm (a few minutes, once)"
    local root="$cache/bookworm-minbase.tmp"
    rm -rf "$root" && mkdir -p "$cache"
    debootstrap --variant=minbase bookworm "$root" "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" >"$cache/debootstrap.log" 2>&1 \
      || { tail -20 "$cache/debootstrap.log" >&2; exit 1; }
    rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
    tar -C "$root" -cf "$cache/bookworm-minbase.tar.tmp" . && mv "$cache/bookworm-minbase.tar.tmp" "$cache/bookworm-minbase.tar"
    rm -rf "$root"
  fi
  docker import "$cache/bookworm-minbase.tar" "$minbase" >/dev/null
}

build_stand_in() { # upstream tag, Dockerfile, context directory
  echo "stand-ins: building $1 from Debian's packages"
  ensure_minbase
  # The host's network: the engine may run without NAT (--iptables=false), so apt inside a
  # build reaches the mirror only this way.
  local out
  out="$(docker build --network host -t "$1" -f "$2" "$3" 2>&1)" || { printf '%s\n' "$out" | tail -30 >&2; exit 1; }
}

ensure() { # upstream tag, stand-in builder
  if have "$1"; then return; fi
  if pulled "$1"; then echo "stand-ins: pulled $1"; return; fi
  "$2" "$1"
}

node_stand_in() {
  [[ "$(node --version)" == v20.* ]] || { echo "stand-ins: $1 needs this machine's node to be Node 20" >&2; exit 1; }
  local ctx; ctx="$(mktemp -d)"
  cp "$here/node.Dockerfile" "$ctx/Dockerfile"
  cp "$(readlink -f "$(command -v node)")" "$ctx/node"
  cp -r "$(dirname "$(readlink -f "$(command -v npm)")")/.." "$ctx/npm"
  build_stand_in "$1" "$ctx/Dockerfile" "$ctx"
  rm -rf "$ctx"
}
nats_stand_in() { build_stand_in "$1" "$here/nats.Dockerfile" "$here"; }
postgres_stand_in() { build_stand_in "$1" "$here/postgres.Dockerfile" "$here"; }

ensure node:20-bookworm-slim node_stand_in
ensure nats:2.10-alpine nats_stand_in
ensure postgres:15-alpine postgres_stand_in
