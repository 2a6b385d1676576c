#!/usr/bin/env bash
# `npm run remote-engine -- start | stop`: a second Docker engine on this machine that stands for a remote
# host, to prove the harness against one. It has its own network namespace (reached from here only through
# a veth pair, at 10.213.255.2), its own data and exec roots, and speaks TCP with TLS on 2376 with client
# certificates made for it. `start` prints, on stdout and nothing else, the `export` lines a shell can eval;
# `stop` removes the engine and everything it made. Root only; every wait is bounded.
set -euo pipefail

NS=zkh-remote
HOST_IF=zkh-rh
NS_IF=zkh-rn
HOST_IP=10.213.255.1
NS_IP=10.213.255.2
SUBNET=10.213.255.0/30
PORT=2376
ROOT=/var/lib/zkh-remote-engine   # data root, certificates, log
RUN=/run/zkh-remote-engine        # exec root, pid file, socket
CERTS=$ROOT/certs                 # the engine's own
CLIENT=$ROOT/client               # DOCKER_CERT_PATH for the harness
# Rules on this host's netns, each added once and deleted by stop: forwarding for the namespace's own traffic
# (Docker sets FORWARD to DROP) and masquerading, so image builds inside it can reach the Debian mirror.
HOST_RULES=(
  "filter FORWARD -i $HOST_IF -j ACCEPT"
  "filter FORWARD -o $HOST_IF -j ACCEPT"
  "nat POSTROUTING -s $SUBNET ! -o $HOST_IF -j MASQUERADE"
)

log() { echo "[remote-engine] $*" >&2; }
fail() { echo "[remote-engine] FAILED: $*" >&2; exit 1; }
remote_docker() { timeout 10 docker --host "tcp://$NS_IP:$PORT" --tlsverify --tlscacert "$CLIENT/ca.pem" --tlscert "$CLIENT/cert.pem" --tlskey "$CLIENT/key.pem" "$@"; }
answers() { remote_docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }
running() { [[ -f $RUN/dockerd.pid ]] && kill -0 "$(cat "$RUN/dockerd.pid")" 2>/dev/null; }

print_exports() {
  echo "export DOCKER_HOST=tcp://$NS_IP:$PORT"
  echo "export DOCKER_TLS_VERIFY=1"
  echo "export DOCKER_CERT_PATH=$CLIENT"
}

make_certificates() {
  mkdir -p "$CERTS" "$CLIENT"
  local days=30
  {
    openssl req -x509 -newkey rsa:2048 -nodes -days "$days" -subj "/CN=zkharness remote-engine CA" -keyout "$CERTS/ca-key.pem" -out "$CERTS/ca.pem"
    openssl req -newkey rsa:2048 -nodes -subj "/CN=$NS_IP" -keyout "$CERTS/server-key.pem" -out "$CERTS/server.csr"
    openssl x509 -req -days "$days" -in "$CERTS/server.csr" -CA "$CERTS/ca.pem" -CAkey "$CERTS/ca-key.pem" -CAcreateserial -out "$CERTS/server-cert.pem" \
      -extfile <(printf 'subjectAltName=IP:%s\nextendedKeyUsage=serverAuth\n' "$NS_IP")
    openssl req -newkey rsa:2048 -nodes -subj "/CN=zkharness" -keyout "$CLIENT/key.pem" -out "$CERTS/client.csr"
    openssl x509 -req -days "$days" -in "$CERTS/client.csr" -CA "$CERTS/ca.pem" -CAkey "$CERTS/ca-key.pem" -CAcreateserial -out "$CLIENT/cert.pem" \
      -extfile <(printf 'extendedKeyUsage=clientAuth\n')
  } >"$ROOT/openssl.log" 2>&1 || fail "openssl could not make the certificates (log: $ROOT/openssl.log)."
  cp "$CERTS/ca.pem" "$CLIENT/ca.pem"
  chmod 600 "$CERTS"/*-key.pem "$CLIENT/key.pem"
}

start() {
  [[ $(id -u) -eq 0 ]] || fail "a second engine needs root (network namespace, dockerd): run it as root."
  for tool in dockerd docker ip iptables openssl; do command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing: run npm run setup first (it installs Docker)."; done
  if running && answers; then log "already running at tcp://$NS_IP:$PORT"; print_exports; return; fi
  stop >/dev/null 2>&1 || true # whatever a killed or hung earlier start left
  mkdir -p "$ROOT" "$RUN"
  ip netns add "$NS"
  ip link add "$HOST_IF" type veth peer name "$NS_IF" netns "$NS"
  ip addr add "$HOST_IP/30" dev "$HOST_IF" && ip link set "$HOST_IF" up
  ip -n "$NS" addr add "$NS_IP/30" dev "$NS_IF" && ip -n "$NS" link set "$NS_IF" up && ip -n "$NS" link set lo up
  ip -n "$NS" route add default via "$HOST_IP"
  for rule in "${HOST_RULES[@]}"; do read -r table chain spec <<<"$rule"; iptables -t "$table" -I "$chain" $spec; done
  make_certificates
  echo '{}' >"$ROOT/daemon.json" # not /etc/docker/daemon.json: that one is the first engine's
  # Inside its own namespace the engine has its own iptables tables, bridge and docker0, so it manages them as
  # an engine on another host would, without touching the first engine's chains.
  # nsenter, not `ip netns exec`: that one remounts /sys for the namespace, hiding the cgroup mounts dockerd needs.
  nsenter --net="/run/netns/$NS" setsid nohup dockerd --config-file "$ROOT/daemon.json" --data-root "$ROOT/data" --exec-root "$RUN/exec" \
    --pidfile "$RUN/dockerd.pid" -H "unix://$RUN/docker.sock" -H "tcp://$NS_IP:$PORT" \
    --tlsverify --tlscacert "$CERTS/ca.pem" --tlscert "$CERTS/server-cert.pem" --tlskey "$CERTS/server-key.pem" \
    --ip "$NS_IP" >>"$ROOT/dockerd.log" 2>&1 </dev/null &
  for _ in $(seq 1 60); do answers && break; sleep 1; done
  answers || fail "the second dockerd did not answer at tcp://$NS_IP:$PORT within 60 s (log: $ROOT/dockerd.log)."
  log "running at tcp://$NS_IP:$PORT (TLS, client certificates in $CLIENT; log $ROOT/dockerd.log); stop it with npm run remote-engine -- stop"
  print_exports
}

stop() {
  [[ $(id -u) -eq 0 ]] || fail "stopping the second engine needs root."
  if running; then
    local ids
    ids=$(remote_docker ps -aq 2>/dev/null || true)
    [[ -n $ids ]] && remote_docker rm -f $ids >/dev/null 2>&1 || true
    local pid
    pid=$(cat "$RUN/dockerd.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  # Processes the engine started (containerd, shims) live in its namespace; none may outlive it.
  if ip netns pids "$NS" >/dev/null 2>&1; then
    for pid in $(ip netns pids "$NS" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
  fi
  { grep -E " ($ROOT|$RUN)[/ ]" /proc/mounts || true; } | awk '{print $2}' | sort -r | while read -r m; do umount -l "$m" 2>/dev/null || true; done
  for rule in "${HOST_RULES[@]}"; do read -r table chain spec <<<"$rule"; while iptables -t "$table" -D "$chain" $spec 2>/dev/null; do :; done; done
  ip link del "$HOST_IF" 2>/dev/null || true
  ip netns del "$NS" 2>/dev/null || true
  rm -rf "$ROOT" "$RUN"
  log "stopped; its namespace, data, certificates and rules are gone"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) fail "usage: npm run remote-engine -- start | stop" ;;
esac
