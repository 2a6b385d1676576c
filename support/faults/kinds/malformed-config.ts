// malformed-config: a config every node must reject, published by the config steps (steps/config.steps.ts),
// which judge the rejection themselves; recorded as an instant fault so the report and the history show it.
import { FaultKind } from '../fault-kind';

export const malformedConfig: FaultKind = {
  kind: 'malformed-config',
  family: 'config',
  colour: '#795548',
  phrasings: [],
};
