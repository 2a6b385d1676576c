import { createServer } from 'http';
import { classify, originOf } from './backend-policy';
import type { ConnectionState } from './connection-states';
import { Dispatchers } from './dispatchers';
import { GatewayHandler } from './http-handler';
import { LeaderWatch } from './leader-watch';
import { log } from './log';
import { Proxy } from './proxy';
import { RoundRobin } from './round-robin';
import { RoutingState } from './routing-state';
import { ServiceCache } from './service-cache';
import { LEADER_PATH, readSettings, SERVICES_PATH, SettingsError } from './settings';
import type { Settings } from './settings';
import { ZooKeeperSession } from './zk-session';

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
  const session = new ZooKeeperSession(settings.zkConnect, settings.zkSessionTimeoutMs);
  const dispatchers = new Dispatchers();
  const balancer = new RoundRobin(REST_AFTER_FAILURE_MS);
  let connectedSinceRead: ConnectionState | null = null;
  session.onStateChange((zk) => {
    state.setZk(zk);
    if (zk === 'CONNECTED' || zk === 'RECONNECTED') connectedSinceRead = zk;
  });
  const services = new ServiceCache(session, SERVICES_PATH, (snapshot) => {
    const table = classify(snapshot.registrations, policy);
    const readAfter = connectedSinceRead;
    connectedSinceRead = null;
    if (!state.setTable(table, snapshot.pathExists, readAfter)) return;
    const origins = new Set(table.backends.map(originOf));
    dispatchers.retain(origins);
    balancer.retain(origins);
  });
  const leader = new LeaderWatch(session, LEADER_PATH, (participant) => state.setLeader(participant));
  const server = createServer(new GatewayHandler(state, new Proxy(dispatchers, balancer)).handle);

  dispatchers.start();
  services.start();
  leader.start();
  session.start();
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
    attempt(() => leader.close());
    attempt(() => session.close());
    attempt(() => void dispatchers.close());
    for (const error of errors) log('gateway', `while closing: ${String(error)}`);
    setTimeout(() => process.exit(errors.length === 0 ? 0 : 1), EXIT_GRACE_MS);
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main();
