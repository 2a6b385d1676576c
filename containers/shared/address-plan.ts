// A fleet network's IPv4 subnet split in two: the lower half holds fixed addresses (a ZooKeeper member keeps its
// own across every stop and start), the upper half is the engine's to hand out to every other container, so no
// other container can take a stopped member's address.

export interface AddressPlan {
  readonly subnet: string;
  /** Where the engine allocates addresses of containers that ask for none (the subnet's upper half). */
  readonly dynamicRange: string;
  /** The n-th fixed address (n from 1), in the lower half past the gateway. */
  fixed(n: number): string;
}

/** Fixed addresses start past the first few (the gateway is the subnet's first host). */
const FIXED_OFFSET = 10;
/** At least 64 addresses: 32 for fixed ones (ensembles have at most 5 members), 32 for the engine. */
const LONGEST_PREFIX = 26;

export function addressPlan(subnet: string): AddressPlan {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(subnet);
  const octets = match?.slice(1, 5).map(Number);
  const prefix = Number(match?.[5]);
  if (!match || octets!.some((o) => o > 255) || prefix > 32) throw new Error(`"${subnet}" is not an IPv4 subnet (a.b.c.d/prefix)`);
  if (prefix > LONGEST_PREFIX) throw new Error(`the network's subnet ${subnet} is too small: fixed member addresses need a /${LONGEST_PREFIX} or larger`);
  const size = 2 ** (32 - prefix);
  const value = octets!.reduce((a, o) => a * 256 + o, 0);
  const base = value - (value % size);
  const half = size / 2;
  return {
    subnet: `${dotted(base)}/${prefix}`,
    dynamicRange: `${dotted(base + half)}/${prefix + 1}`,
    fixed(n: number): string {
      if (!Number.isInteger(n) || n < 1 || FIXED_OFFSET + n >= half) throw new Error(`no fixed address ${n} in ${subnet}: 1 to ${half - FIXED_OFFSET - 1}`);
      return dotted(base + FIXED_OFFSET + n);
    },
  };
}

function dotted(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
}
