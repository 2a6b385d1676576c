// A web node's registration: the JSON of a Curator ServiceInstance, written by ServiceDiscovery under
// /fleet/services/web/<instance id>. Its address and port say where the instance listens; its payload names
// the web node (DESIGN.md §1), else the address stands for it.

export interface ServiceInstance {
  readonly id: string;
  /** The node the payload names, however Curator's serializer wrapped it; else the address. */
  readonly node: string | null;
  readonly address: string | null;
  readonly port: number | null;
}

export type ParsedServiceInstance = { readonly ok: true; readonly instance: ServiceInstance } | { readonly ok: false; readonly reason: string };

export function parseServiceInstance(id: string, data: Buffer | string): ParsedServiceInstance {
  const text = typeof data === 'string' ? data : data.toString('utf8');
  if (text.trim() === '') return { ok: false, reason: 'the registration is empty' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `the registration is not JSON (${(error as Error).message})` };
  }
  if (!isObject(parsed)) return { ok: false, reason: 'the registration is not a JSON object' };
  const address = typeof parsed.address === 'string' && parsed.address.trim() !== '' ? parsed.address.trim() : null;
  const port = Number.isInteger(parsed.port) ? (parsed.port as number) : null;
  return { ok: true, instance: { id, node: nodeName(parsed.payload) ?? address, address, port } };
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
