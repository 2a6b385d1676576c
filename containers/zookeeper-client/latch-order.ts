// The order of a Curator LeaderLatch's participants, as the gateway routes by it and the harness records it.

/** Curator's LeaderLatch names its children `[_c_<uuid>-]latch-<10-digit sequence>`. */
const LATCH_CHILD = /^(?:.*-)?latch-(\d{10})$/;

export function latchSequence(child: string): number | null {
  const match = LATCH_CHILD.exec(child);
  return match === null ? null : Number(match[1]);
}

/** The latch children in the order Curator ranks them: by sequence, lowest (the leader) first; others are ignored. */
export function orderLatchChildren(children: readonly string[]): string[] {
  return children
    .map((child) => ({ child, sequence: latchSequence(child) }))
    .filter((entry): entry is { child: string; sequence: number } => entry.sequence !== null)
    .sort((a, b) => a.sequence - b.sequence || (a.child < b.child ? -1 : a.child > b.child ? 1 : 0))
    .map((entry) => entry.child);
}

/** The participant ids (each child's data: the node name) in latch order; the first leads. */
export function latchParticipants(children: ReadonlyMap<string, Buffer>): string[] {
  return orderLatchChildren([...children.keys()]).map((child) => (children.get(child) ?? Buffer.alloc(0)).toString('utf8').trim());
}
