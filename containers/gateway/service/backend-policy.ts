import { parseServiceInstance } from '../../zookeeper-client/service-instance';

/** A registration the gateway may route to. */
export interface Backend {
  readonly id: string;
  readonly node: string;
  readonly address: string;
  readonly port: number;
}

/** A registration the gateway refuses to route to, and why. */
export interface Refusal {
  readonly id: string;
  readonly address: string | null;
  readonly port: number | null;
  readonly reason: string;
}

export interface BackendPolicy {
  readonly allowlist: ReadonlySet<string>;
  readonly ports: ReadonlySet<number>;
}

export interface BackendTable {
  readonly backends: readonly Backend[];
  readonly refused: readonly Refusal[];
}

export type Decision = { readonly allowed: true; readonly backend: Backend } | { readonly allowed: false; readonly refusal: Refusal };

export function originOf(backend: Backend): string {
  return `http://${backend.address}:${backend.port}`;
}

/** Decides whether the gateway may route to one registration (a Curator ServiceInstance's JSON). */
export function decide(id: string, data: Buffer | string, policy: BackendPolicy): Decision {
  const refuse = (reason: string, address: string | null = null, port: number | null = null): Decision => ({
    allowed: false,
    refusal: { id, address, port, reason },
  });
  const parsed = parseServiceInstance(id, data);
  if (!parsed.ok) return refuse(parsed.reason);
  const { node, address, port } = parsed.instance;
  if (address === null) return refuse('the registration has no address', null, port);
  if (!policy.allowlist.has(address.toLowerCase())) {
    return refuse(`address ${address} is not a web node of this fleet (BACKEND_ALLOWLIST: ${[...policy.allowlist].join(', ')})`, address, port);
  }
  if (port === null) return refuse('the registration has no port', address, null);
  if (!policy.ports.has(port)) {
    return refuse(`port ${port} is not an allowed backend port (BACKEND_PORTS: ${[...policy.ports].join(', ')})`, address, port);
  }
  return { allowed: true, backend: { id, node: node ?? address, address, port } };
}

/** Decides every registration; both lists are sorted (node, then id) so that equal tables compare equal. */
export function classify(registrations: ReadonlyMap<string, Buffer | string>, policy: BackendPolicy): BackendTable {
  const backends: Backend[] = [];
  const refused: Refusal[] = [];
  for (const [id, data] of registrations) {
    const decision = decide(id, data, policy);
    if (decision.allowed) backends.push(decision.backend);
    else refused.push(decision.refusal);
  }
  backends.sort((a, b) => compare(a.node, b.node) || compare(a.id, b.id));
  refused.sort((a, b) => compare(a.id, b.id));
  return { backends, refused };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
