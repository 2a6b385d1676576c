// The requests a traffic verdict judges: every request completed since the traffic started. A verdict never
// fails for sample size alone: while fewer than 100 have completed the traffic keeps running (at most 10 s
// more), and the verdict says how many it judged.
import { History } from '../history/history';
import { GatewayTraffic, RequestRecord, requestsOf, TRAFFIC_PROCESS } from './gateway-traffic';

export const MIN_JUDGED_REQUESTS = 100;
export const MAX_EXTRA_TRAFFIC_MS = 10_000;

export async function judgedRequests(history: History, traffic: GatewayTraffic): Promise<{ requests: RequestRecord[]; note: string }> {
  const started = performance.now();
  const completed = () => requestsOf(history.events(), traffic.startMs);
  let requests = completed();
  if (requests.length >= MIN_JUDGED_REQUESTS) return { requests, note: '' };
  // Every completion from now on is of a request this traffic sent: count them rather than re-reading the history.
  let completedCount = requests.length;
  await new Promise<void>((resolve) => {
    const done = () => {
      unsubscribe();
      clearTimeout(timer);
      resolve();
    };
    const unsubscribe = history.subscribe((e) => {
      if (e.kind === 'op' && e.process === TRAFFIC_PROCESS && e.f === 'request' && e.type !== 'invoke' && ++completedCount >= MIN_JUDGED_REQUESTS) done();
    });
    const timer = setTimeout(done, MAX_EXTRA_TRAFFIC_MS);
  });
  requests = completed();
  const waited = Math.round(performance.now() - started);
  const short = requests.length < MIN_JUDGED_REQUESTS ? `; only ${requests.length} completed in the ${MAX_EXTRA_TRAFFIC_MS / 1000} s allowed` : '';
  return { requests, note: ` (traffic kept running ${waited} ms more to reach ${MIN_JUDGED_REQUESTS} requests${short})` };
}
