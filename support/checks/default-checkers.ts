// The invariants every fleet scenario is judged by over its whole history (DESIGN §6), in report order.
// Each is pure, so a saved history can be judged again offline (`npm run check -- <file>`).
import { HistoryEvent } from '../history/events';
import { Checker, CheckerVerdict } from './checker';
import { singleJettyLeader } from './single-jetty-leader';
import { configMonotonic } from './config-monotonic';
import { configAcknowledgedApplied } from './config-acknowledged-applied';
import { gatewayRouting } from './gateway-routing';
import { availabilityWindows } from './availability-windows';
import { linearizableRegister } from './linearizability/linearizable-register';
import { ZkharnessError } from '../../containers/shared/errors';

export const DEFAULT_CHECKERS: readonly Checker[] = [singleJettyLeader, configMonotonic, configAcknowledgedApplied, gatewayRouting, availabilityWindows, linearizableRegister];

/** Every default checker's verdict on one history (sorted by `t`, header excluded or not: it is ignored). */
export function checkHistory(history: readonly HistoryEvent[]): CheckerVerdict[] {
  const events = history.filter((e) => e.kind !== 'header');
  return DEFAULT_CHECKERS.map((c) => c.check(events));
}

/** The default checker with this id; an unknown id fails in one sentence naming the known ones. */
export function checkerById(id: string): Checker {
  const checker = DEFAULT_CHECKERS.find((c) => c.id === id);
  if (!checker) throw new ZkharnessError(`No invariant is called "${id}": the default invariants are ${DEFAULT_CHECKERS.map((c) => c.id).join(', ')}.`);
  return checker;
}
