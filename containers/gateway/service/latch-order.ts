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

export function leaderChild(children: readonly string[]): string | null {
  return orderLatchChildren(children)[0] ?? null;
}
