// A registration as Curator's ServiceDiscovery writes it for a web node, with `fields` replaced: the fixture of
// the tests that parse registrations and decide on them.
export function serviceInstanceJson(fields: Record<string, unknown>): string {
  return JSON.stringify({
    name: 'web',
    id: 'id-1',
    address: 'node-2',
    port: 8080,
    sslPort: null,
    payload: { node: 'node-2' },
    registrationTimeUTC: 1764000000000,
    serviceType: 'DYNAMIC',
    uriSpec: null,
    ...fields,
  });
}
