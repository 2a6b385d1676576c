import { createServer } from 'http';
import { ChildrenCache } from '../../zookeeper-client/children-cache';
import type { ConnectionState } from '../../zookeeper-client/connection-states';
import { LEADER_PATH, SERVICES_PATH } from '../../zookeeper-client/fleet-paths';
import { latchParticipants } from '../../zookeeper-client/latch-order';
import { guardZooKeeperClient } from '../../zookeeper-client/zookeeper-client-guard';
import { isConnectionProblem } from '../../zookeeper-client/zookeeper-errors';
import { ZooKeeperSession } from '../../zookeeper-client/zookeeper-session';
import { classify, originOf } from './backend-policy';
import { Dispatchers } from './dispatchers';
import { GatewayHandler } from './http-handler';
import { log } from './log';
import { Proxy } from './proxy';
import { RoundRobin } from './round-robin';
import { RoutingState } from './routing-state';
import { readSettings, SettingsError } from './settings';
import type { Settings } from './settings';

// The library's own connection handling needs repairs (a read timeout among them): see the guard.
guardZooKeeperClient((repair) => log('zookeeper', `client repair: ${repair.kind} (${repair.detail})`));

/** How long a backend that just failed is passed over while others are available. */
const REST_AFTER_FAILURE_MS = 2000;
/** Time for the session close to reach ZooKeeper before the process exits. */
const EXIT_GRACE_MS = 100;

function settingsOrExit(): Settings {
  try {
    return readSettings(process.env);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    process.stderr.write(`gateway: ${error.message}\n`);
    process.exit(2);
  }
}

function main(): void {
  const settings = settingsOrExit();
  const policy = { allowlist: settings.backendAllowlist, ports: settings.backendPorts };
  log(
    'gateway',
    `starting on port ${settings.gatewayPort}; ZooKeeper ${settings.zkConnect}; ` +
      `backends allowed: ${[...policy.allowlist].join(', ')} on port(s) ${[...policy.ports].join(', ')}`,
  );

  const state = new RoutingState();
  // One session for both watches; it starts a new one whenever it is lost (the gateway owns no ephemeral znodes).
  const session = new ZooKeeperSession(settings.zkConnect, { sessionTimeoutMs: settings.zkSessionTimeoutMs, log: (message) => log('zookeeper', message) });
  const dispatchers = new Dispatchers();
  const balancer = new RoundRobin(REST_AFTER_FAILURE_MS);
  let connectedSinceRead: ConnectionState | null = null;
  session.onStateChange((zk) => {
    state.setZk(zk);
    if (zk === 'CONNECTED' || zk === 'RECONNECTED') connectedSinceRead = zk;
  });
  const services = new ChildrenCache(SERVICES_PATH, session);
  services.subscribe((snapshot) => {
    const table = classify(snapshot.children, policy);
    const readAfter = connectedSinceRead;
    connectedSinceRead = null;
    if (!state.setTable(table, snapshot.pathExists, readAfter)) return;
    const origins = new Set(table.backends.map(originOf));
    dispatchers.retain(origins);
    balancer.retain(origins);
  });
  const latch = new ChildrenCache(LEADER_PATH, session);
  latch.subscribe((snapshot) => state.setLeader(latchParticipants(snapshot.children)[0] ?? null));
  // Connection trouble is logged by the session; a failed read is tried again by its cache.
  const logProblem = (topic: string) => (error: unknown) => {
    if (!isConnectionProblem(error)) log(topic, `read failed, trying again: ${String(error)}`);
  };
  services.onProblem(logProblem('service-cache'));
  latch.onProblem(logProblem('leader-watch'));
  const server = createServer(new GatewayHandler(state, new Proxy(dispatchers, balancer)).handle);

  dispatchers.start();
  services.start();
  latch.start();
  server.on('error', (error) => {
    log('gateway', `HTTP server failed: ${error.message}`);
    process.exit(1);
  });
  server.listen(settings.gatewayPort, () => log('gateway', `listening on port ${settings.gatewayPort}`));

  const shutdown = (signal: string): void => {
    log('gateway', `${signal}: closing`);
    const errors: unknown[] = [];
    const attempt = (step: () => void): void => {
      try {
        step();
      } catch (error) {
        errors.push(error);
      }
    };
    attempt(() => server.close());
    attempt(() => server.closeAllConnections());
    attempt(() => services.close());
    attempt(() => latch.close());
    attempt(() => session.close());
    attempt(() => void dispatchers.close());
    for (const error of errors) log('gateway', `while closing: ${String(error)}`);
    setTimeout(() => process.exit(errors.length === 0 ? 0 : 1), EXIT_GRACE_MS);
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main();
