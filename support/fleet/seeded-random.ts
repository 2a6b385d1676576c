// "a ZooKeeper follower" picks at random; the seed is printed and settable (ZKH_SEED) so a run can be replayed.
export class SeededRandom {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** The given seed, or a fresh one (printed by the run so it can be given next time). */
  static seeded(seed: number | undefined): SeededRandom {
    return new SeededRandom(seed ?? Math.floor(Math.random() * 2 ** 31));
  }

  /** mulberry32: small, fast and good enough to pick one of a handful. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('cannot pick from nothing');
    return items[Math.floor(this.next() * items.length)];
  }
}
