#!/bin/sh
# Peers' names come from the hosts file (the harness gives every member fixed addresses and lists them all), so
# the ensemble never asks docker DNS, whose answers change as members stop and start.
# Writes zoo.cfg from the environment, then execs the JVM as PID 1 so stop/kill reach it directly.
#   ZK_MY_ID    this member's id (1..5)
#   ZK_SERVERS  comma-separated member aliases in id order (zk-1,zk-2,zk-3); one entry = standalone
#   ZK_TICK_TIME, ZK_INIT_LIMIT, ZK_SYNC_LIMIT   the timing profile
set -eu
: "${ZK_MY_ID:?ZK_MY_ID is required}"
: "${ZK_SERVERS:?ZK_SERVERS is required}"
DATA=/var/lib/zkharness
mkdir -p "$DATA" /etc/zkharness
echo "$ZK_MY_ID" > "$DATA/myid"
CFG=/etc/zkharness/zoo.cfg
{
  echo "tickTime=${ZK_TICK_TIME:-500}"
  echo "initLimit=${ZK_INIT_LIMIT:-10}"
  echo "syncLimit=${ZK_SYNC_LIMIT:-4}"
  echo "dataDir=$DATA"
  echo "clientPort=2181"
  echo "maxClientCnxns=0"
  # The AdminServer would pull Jetty 9 onto the classpath; four-letter words serve readiness instead.
  echo "admin.enableServer=false"
  echo "4lw.commands.whitelist=srvr,ruok,mntr,stat,conf,isro,cons"
  echo "standaloneEnabled=true"
  echo "reconfigEnabled=false"
  echo "quorumListenOnAllIPs=true"
  echo "autopurge.purgeInterval=0"
}> "$CFG"
count=$(echo "$ZK_SERVERS" | tr ',' '\n' | grep -c .)
if [ "$count" -gt 1 ]; then
  i=1
  for host in $(echo "$ZK_SERVERS" | tr ',' ' '); do
    echo "server.$i=$host:2888:3888" >> "$CFG"
    i=$((i + 1))
  done
fi
echo "[zkharness] member $ZK_MY_ID of $count, config:"; sed 's/^/[zkharness]   /' "$CFG"
. /usr/local/lib/zkh-zookeeper/zk-java-options
CDS=""
[ -f "$ZK_CDS_ARCHIVE" ] && CDS="-XX:SharedArchiveFile=$ZK_CDS_ARCHIVE"
# The disk-faults shim: inert until the harness writes /run/zkh-disk/fsync-delay-ms or /run/zkh-disk/full.
# libfaketime: the wall clock shifted by /run/zkh-clock/offset (+0 until a clock fault), re-read every second;
# monotonic time untouched (without FORCE_MONOTONIC_FIX=0, Debian's build makes JVM timed waits spin).
mkdir -p /run/zkh-disk
export LD_PRELOAD="/usr/local/lib/zkh-disk-faults.so /usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1" ZKH_DISK_DIR="$DATA"
export FAKETIME_TIMESTAMP_FILE=/run/zkh-clock/offset FAKETIME_CACHE_DURATION=1 FAKETIME_DONT_FAKE_MONOTONIC=1 \
  FAKETIME_FORCE_MONOTONIC_FIX=0 FAKETIME_DISABLE_SHM=1
# shellcheck disable=SC2086 # options are lists; CDS is empty or one option
exec java $CDS $ZK_JVM_OPTIONS ${ZK_JAVA_OPTS:-} -cp "$ZK_CLASSPATH" org.apache.zookeeper.server.quorum.QuorumPeerMain "$CFG"
