// A polled observer's loop: one probe at a time, a new one every `intervalMs` (or as soon as a slow one
// returns), until stopped. Each probe bounds itself; the loop never overlaps probes of one subject, so a
// subject that does not answer yields one "no answer" observation per probe timeout, not a pile of them.
import { History } from '../history/history';
import { Observation, Unstamped } from '../history/events';

export interface Poller {
  stop(): Promise<void>;
}

export function poll(intervalMs: number, probe: () => Promise<void>): Poller {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now();
      await probe().catch(() => undefined);
      const wait = Math.max(0, intervalMs - (performance.now() - started));
      if (stopped) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, wait);
      });
    }
  })();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      wake?.();
      await loop;
    },
  };
}

/** An observation without its times: the recorder adds when it was asked (`sentAt`) and answered (`t`). */
export type Asked<E extends Observation> = E extends unknown ? Omit<E, 't' | 'sentAt'> : never;

/**
 * Polls a subject and records every answer in the history, stamped with when it was asked; a probe that fails
 * (no answer within its bound) is recorded as `noAnswer` says: a state of the subject, not a gap.
 */
export function observe<E extends Observation>(history: History, intervalMs: number, ask: () => Promise<Asked<E>>, noAnswer: (error: Error) => Asked<E>): Poller {
  return poll(intervalMs, async () => {
    const sentAt = history.now();
    const fields = await ask().catch((e: Error) => noAnswer(e));
    history.append<E>({ ...fields, sentAt } as unknown as Unstamped<E>);
  });
}
