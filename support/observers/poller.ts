// A polled observer's loop: one probe at a time, a new one every `intervalMs` (or as soon as a slow one
// returns), until stopped. Each probe bounds itself; the loop never overlaps probes of one subject, so a
// subject that does not answer yields one "no answer" observation per probe timeout, not a pile of them.
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
