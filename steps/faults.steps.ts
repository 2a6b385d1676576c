// Every fault step, defined from the fault kinds' own phrasings (support/faults/fault-kinds.ts): a fault step
// is bracketed (who led before, when it began and ended) and recorded in the scenario's history.
import { When } from '@cucumber/cucumber';
import { FleetWorld } from '../support/cucumber/world';
import { FAULT_KINDS, HEAL_PHRASINGS } from '../support/faults/fault-kinds';
import { Phrasing, parameterCount } from '../support/faults/fault-kind';

function define(p: Phrasing): void {
  const step = async function (this: FleetWorld, ...args: unknown[]): Promise<void> {
    const ctx = await this.faultContext();
    await this.faultStep(p.describe(...args), () => p.apply(ctx, ...args));
  };
  // cucumber checks a step function's arity against what its pattern captures; a rest parameter has none.
  Object.defineProperty(step, 'length', { value: parameterCount(p.pattern) });
  When(p.pattern, step);
}

for (const kind of FAULT_KINDS) kind.phrasings.forEach(define);
HEAL_PHRASINGS.forEach(define);
