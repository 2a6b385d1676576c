export type LifecycleState = 'LATENT' | 'STARTED' | 'CLOSED';

/** Curator's tiny state machine: LATENT → STARTED → CLOSED, each step taken once. */
export class Lifecycle {
  private current: LifecycleState = 'LATENT';

  constructor(private readonly owner: string) {}

  get state(): LifecycleState {
    return this.current;
  }

  get started(): boolean {
    return this.current === 'STARTED';
  }

  /** Moves LATENT → STARTED; any other state is a programming error. */
  start(): void {
    if (this.current !== 'LATENT') {
      throw new Error(`${this.owner} cannot be started: it is ${this.current}, and start() may only be called once.`);
    }
    this.current = 'STARTED';
  }

  /** Moves to CLOSED; answers false when it was closed already, so close() stays idempotent. */
  close(): boolean {
    if (this.current === 'CLOSED') return false;
    this.current = 'CLOSED';
    return true;
  }
}
