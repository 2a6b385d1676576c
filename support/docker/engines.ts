// Which engine each process of a run uses. One engine by default (DOCKER_HOST, or the local socket); with
// ZKH_DOCKER_HOSTS, worker i of `--parallel N` runs its fleets on engine i mod n, and the runner sweeps and
// checks every one. tcp:// entries use the environment's TLS settings (DOCKER_TLS_VERIFY, DOCKER_CERT_PATH).
import { DEFAULT_DOCKER_HOST, EngineEndpoint, engineEndpoint } from '../../containers/shared/engine-endpoint';
import { settings } from '../settings';

type Env = Record<string, string | undefined>;

/** Every engine this run may use, in ZKH_DOCKER_HOSTS order. */
export function runEngines(env: Readonly<Env> = process.env, hosts = settings().dockerHosts): string[] {
  return hosts.length ? [...hosts] : [env.DOCKER_HOST || DEFAULT_DOCKER_HOST];
}

/** The engine worker `workerId` (CUCUMBER_WORKER_ID; absent = the only process) runs on. */
export function engineForWorker(engines: readonly string[], workerId: string | undefined): string {
  const i = workerId === undefined || workerId === '' ? 0 : Number(workerId);
  if (!Number.isInteger(i) || i < 0) throw new Error(`CUCUMBER_WORKER_ID=${workerId} is not a worker number`);
  return engines[i % engines.length]!;
}

/** The environment a process needs to talk to `dockerHost`: TLS settings apply to TCP engines only. */
export function envForEngine(dockerHost: string, env: Readonly<Env> = process.env): Env {
  const out: Env = { ...env, DOCKER_HOST: dockerHost };
  if (dockerHost.startsWith('unix:')) {
    delete out.DOCKER_TLS_VERIFY;
    delete out.DOCKER_CERT_PATH;
  }
  return out;
}

let chosen: EngineEndpoint | undefined;

/**
 * Points this process at its engine before anything talks to one (testcontainers reads DOCKER_HOST once).
 * Idempotent; returns where its ports are published.
 */
export function useWorkerEngine(): EngineEndpoint {
  if (chosen) return chosen;
  const hosts = settings().dockerHosts;
  if (hosts.length) {
    const env = envForEngine(engineForWorker(hosts, process.env.CUCUMBER_WORKER_ID));
    for (const k of ['DOCKER_HOST', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH']) {
      if (env[k] === undefined) delete process.env[k]; else process.env[k] = env[k];
    }
  }
  chosen = engineEndpoint();
  return chosen;
}
