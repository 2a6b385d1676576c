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

/** Parses one Curator ServiceInstance registration (JSON) and decides whether the gateway may route to it. */
export function decide(id: string, data: Buffer | string, policy: BackendPolicy): Decision {
  const text = typeof data === 'string' ? data : data.toString('utf8');
  const refuse = (reason: string, address: string | null = null, port: number | null = null): Decision => ({
    allowed: false,
    refusal: { id, address, port, reason },
  });
  if (text.trim() === '') return refuse('the registration is empty');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return refuse(`the registration is not JSON (${(error as Error).message})`);
  }
  if (!isObject(parsed)) return refuse('the registration is not a JSON object');
  const address = typeof parsed.address === 'string' && parsed.address.trim() !== '' ? parsed.address.trim() : null;
  const port = Number.isInteger(parsed.port) ? (parsed.port as number) : null;
  if (address === null) return refuse('the registration has no address', null, port);
  if (!policy.allowlist.has(address.toLowerCase())) {
    return refuse(`address ${address} is not a web node of this fleet (BACKEND_ALLOWLIST: ${[...policy.allowlist].join(', ')})`, address, port);
  }
  if (port === null) return refuse('the registration has no port', address, null);
  if (!policy.ports.has(port)) {
    return refuse(`port ${port} is not an allowed backend port (BACKEND_PORTS: ${[...policy.ports].join(', ')})`, address, port);
  }
  const node = nodeName(parsed.payload) ?? address;
  return { allowed: true, backend: { id, node, address, port } };
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

/**
 * The node name from the payload, however Curator's serializer wrapped it:
 * `{"node":..}`, `{"@class":..,"node":..}`, `["<class>", {"node":..}]` or `{"<class>": {"node":..}}`.
 */
function nodeName(payload: unknown, depth = 0): string | null {
  if (depth > 2) return null;
  if (Array.isArray(payload)) {
    for (const item of payload) {
      if (isObject(item)) return nodeName(item, depth + 1);
    }
    return null;
  }
  if (!isObject(payload)) return null;
  if (typeof payload.node === 'string' && payload.node.trim() !== '') return payload.node.trim();
  const values = Object.values(payload).filter(isObject);
  return values.length === 1 ? nodeName(values[0], depth + 1) : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
