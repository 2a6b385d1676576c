/** Anything the balancer can pick: a target is identified by its origin (`http://host:port`). */
export interface Candidate {
  readonly origin: string;
}

export interface PickOptions {
  /** origins already tried for this request. */
  readonly exclude?: ReadonlySet<string>;
  readonly nowMs?: number;
}

interface Rest {
  readonly untilMs: number;
  /** after the rest, one request probes the origin; the others keep away until it answers. */
  probing: boolean;
}

/**
 * Round-robin over distinct origins, in the order given. An origin that just failed rests: it is
 * picked only when no other origin is available, so one dead backend costs one request a retry,
 * not one request in N until ZooKeeper drops its registration. After the rest a single request
 * probes it; a success ends the rest, a failure starts another.
 */
export class RoundRobin {
  private turn = 0;
  private readonly rests = new Map<string, Rest>();

  constructor(private readonly restMs: number) {}

  pick<T extends Candidate>(candidates: readonly T[], options: PickOptions = {}): T | null {
    const nowMs = options.nowMs ?? Date.now();
    const seen = new Set<string>();
    const open: T[] = [];
    for (const candidate of candidates) {
      if (seen.has(candidate.origin) || options.exclude?.has(candidate.origin)) continue;
      seen.add(candidate.origin);
      open.push(candidate);
    }
    if (open.length === 0) return null;
    const probe = open.find((candidate) => this.dueForProbe(candidate.origin, nowMs));
    if (probe !== undefined) {
      (this.rests.get(probe.origin) as Rest).probing = true;
      return probe;
    }
    const healthy = open.filter((candidate) => !this.rests.has(candidate.origin));
    const choices = healthy.length > 0 ? healthy : open;
    const chosen = choices[this.turn % choices.length] as T;
    this.turn = (this.turn + 1) % Number.MAX_SAFE_INTEGER;
    return chosen;
  }

  /** Records a failure of `origin`: it rests for the configured time. */
  failed(origin: string, nowMs = Date.now()): void {
    this.rests.set(origin, { untilMs: nowMs + this.restMs, probing: false });
  }

  /** Records a success of `origin`: it no longer rests. */
  succeeded(origin: string): void {
    this.rests.delete(origin);
  }

  /** Forgets origins that are no longer registered. */
  retain(origins: ReadonlySet<string>): void {
    for (const origin of [...this.rests.keys()]) {
      if (!origins.has(origin)) this.rests.delete(origin);
    }
  }

  private dueForProbe(origin: string, nowMs: number): boolean {
    const rest = this.rests.get(origin);
    return rest !== undefined && !rest.probing && rest.untilMs <= nowMs;
  }
}
