// What happened in one scenario, on one clock (ms from the scenario's start): faults as spans, recoveries as
// markers, requests as outcomes, lanes of what each participant was observed doing. The report's picture of a
// scenario is drawn from this alone.
import type { Lane, StepTimeSplit } from './scenario-lanes';
export interface TimelineFault {
  kind: string; targets: string[]; startMs: number; endMs: number | null;
  /** When the harness was busy applying or healing it (scenario ms): the overhead counts these, not whole steps. */
  harnessSpans?: [number, number][];
}
export interface TimelineRecovery { step: string; atMs: number | null; deadlineMs: number; met: boolean; measuredMs: number | null }
export interface TimelineRequest { startMs: number; endMs: number; outcome: 'ok' | 'fail' | 'info' }

export interface ScenarioTimeline {
  scenario: string;
  feature: string;
  status: string;
  durationMs: number;
  /** The Docker engine that ran it (DOCKER_HOST URL): a sharded run spreads scenarios over several. */
  engine?: string;
  faults: TimelineFault[];
  recoveries: TimelineRecovery[];
  requests: TimelineRequest[];
  /** Per member, node and the gateway: what the history's observers saw, as runs of equal observations. */
  lanes?: Lane[];
  /** When the observers started (the fleet was built or reset before): the picture starts just before. */
  observedFromMs?: number;
  /** Where the scenario's time went, by kind of step. */
  steps?: StepTimeSplit;
  /** Where a checker found the history invalid (each piece of its evidence). */
  violations?: TimelineViolation[];
  /** A failed scenario's diagnostics folder, relative to reports/. */
  diagnostics?: string;
  /** How long its After hook spent healing what it left active (outside durationMs; the next reset waits for it). */
  healAfterMs?: number;
}

export interface TimelineViolation { invariant: string; atMs: number; untilMs?: number; detail: string; expected: boolean }
