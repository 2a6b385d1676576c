#!/usr/bin/env bash
# `npm run setup`: dependencies, a Docker engine where none answers, and the fleet's images.
# Plain bash because it must run before node_modules exists. Each step prints its time.
set -euo pipefail
cd "$(dirname "$0")/../.."

DOCKERD_LOG="${ZKH_DOCKERD_LOG:-/var/log/zkharness-dockerd.log}"
t_all=$(date +%s%N)

step() { printf '[setup] %-44s' "$1"; t_step=$(date +%s%N); }
done_step() { printf ' %6.1f s  %s\n' "$(( ($(date +%s%N) - t_step) / 1000000 ))e-3" "${1:-}"; }
fail() { printf '\n[setup] FAILED: %s\n' "$1" >&2; exit 1; }

# 1. npm dependencies, skipped when the lock file has not changed since the last install.
step "npm dependencies"
lock_hash=$(sha256sum package-lock.json | cut -c1-16)
if [[ -f node_modules/.zkh-lock && "$(cat node_modules/.zkh-lock)" == "$lock_hash" ]]; then
  done_step "unchanged"
else
  npm ci --no-audit --no-fund --loglevel=error >/tmp/zkh-npm-ci.log 2>&1 || fail "npm ci failed (log: /tmp/zkh-npm-ci.log)."
  echo "$lock_hash" > node_modules/.zkh-lock
  done_step "installed"
fi

# 2. The Docker engines: each of ZKH_DOCKER_HOSTS, else DOCKER_HOST, else this machine's socket. The local
#    socket, when nothing answers there, gets Debian's engine installed and started (root only); an engine the
#    user named that does not answer is reported and setup stops: never quietly another engine.
LOCAL_ENGINE=unix:///var/run/docker.sock
if [[ -n "${ZKH_DOCKER_HOSTS:-}" ]]; then IFS=',' read -ra ENGINES <<< "${ZKH_DOCKER_HOSTS// /}"; else ENGINES=("${DOCKER_HOST:-$LOCAL_ENGINE}"); fi
# TLS settings belong to tcp:// engines only.
with_engine() {
  local h=$1; shift
  if [[ $h == unix:* ]]; then env -u DOCKER_TLS_VERIFY -u DOCKER_CERT_PATH DOCKER_HOST="$h" "$@"; else DOCKER_HOST="$h" "$@"; fi
}
engine_answers() { with_engine "$1" timeout 10 docker info >/dev/null 2>&1; }
for engine in "${ENGINES[@]}"; do
  step "docker engine ${engine#unix://}"
  if ! command -v docker >/dev/null 2>&1 && [[ $engine != "$LOCAL_ENGINE" ]]; then
    fail "No docker client on PATH to reach the engine at $engine: install docker-cli (Debian: docker.io) and run setup again."
  fi
  if engine_answers "$engine"; then done_step "answering"; continue; fi
  if [[ $engine != "$LOCAL_ENGINE" ]]; then
    why=$(with_engine "$engine" timeout 10 docker version --format '{{.Server.Version}}' 2>&1 >/dev/null | grep -v '^\s*$' | tail -1 || true)
    fail "The Docker engine at $engine does not answer (${why:-no reply in 10 s}): start it, or point DOCKER_HOST / ZKH_DOCKER_HOSTS at one that runs, then run setup again."
  fi
  [[ $(id -u) -eq 0 ]] || fail "No Docker engine answers and setup is not running as root: start Docker yourself (or run setup as root) and try again."
  if ! command -v dockerd >/dev/null 2>&1 || ! command -v iptables >/dev/null 2>&1; then
    command -v apt-get >/dev/null 2>&1 || fail "No Docker engine answers and this machine has no apt-get to install one: install Docker and try again."
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker.io iptables; } >/tmp/zkh-apt.log 2>&1 \
      || fail "Installing Debian's docker.io failed (log: /tmp/zkh-apt.log): check the package mirror and try again."
  fi
  command -v docker >/dev/null 2>&1 || fail "docker.io installed but no docker client is on PATH: install docker-cli and try again."
  # --ip 127.0.0.1: even a port published without an address binds to loopback only (the harness asks anyway).
  mkdir -p "$(dirname "$DOCKERD_LOG")"
  setsid nohup dockerd --ip 127.0.0.1 >>"$DOCKERD_LOG" 2>&1 < /dev/null &
  for _ in $(seq 1 60); do engine_answers "$engine" && break; sleep 1; done
  engine_answers "$engine" || fail "dockerd was started but did not answer within 60 s (log: $DOCKERD_LOG): read its last lines and fix what it names."
  done_step "started (log: $DOCKERD_LOG)"
done

# 3. debootstrap for the local base image, unless the user brings a base image from a registry.
if [[ -z "${ZKH_BASE_IMAGE:-}" ]] && ! command -v debootstrap >/dev/null 2>&1; then
  step "debootstrap"
  [[ $(id -u) -eq 0 ]] || fail "debootstrap is missing and setup is not root: install debootstrap, or set ZKH_BASE_IMAGE to a Debian 13 image you can pull."
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap; } >/tmp/zkh-apt.log 2>&1 \
    || fail "Installing debootstrap failed (log: /tmp/zkh-apt.log)."
  done_step "installed"
fi

# 4. Chromium checks that reports/index.html renders; optional (the check says "skipped" without it).
if ! command -v chromium >/dev/null 2>&1 && [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1 && [[ "${ZKH_NO_CHROMIUM:-}" != 1 ]]; then
  step "chromium (report rendering check)"
  if { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; } >/tmp/zkh-apt-chromium.log 2>&1; then done_step "installed"
  else done_step "not installed (log: /tmp/zkh-apt-chromium.log); the rendering check will be skipped"; fi
fi

# 5. Images into every engine, each tagged by a hash of its recipe; an unchanged one is not rebuilt, and one
#    this machine's engine already has is copied to another engine rather than built again.
export TESTCONTAINERS_RYUK_DISABLED=true
for engine in "${ENGINES[@]}"; do
  [[ ${#ENGINES[@]} -gt 1 || $engine != "$LOCAL_ENGINE" ]] && echo "[setup] images in the engine at $engine"
  with_engine "$engine" node_modules/.bin/ts-node --transpile-only support/cli/build-images.ts || exit 1
done

printf '[setup] done in %.1f s\n' "$(( ($(date +%s%N) - t_all) / 1000000 ))e-3"
