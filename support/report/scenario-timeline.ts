// What happened in one scenario, on one clock (ms from the scenario's start): faults as spans, recoveries as
// markers, requests as outcomes. The report's timeline is drawn from this alone.
export interface TimelineFault { kind: string; targets: string[]; startMs: number; endMs: number | null }
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
}
