// Counts scenarios from cucumber's message stream (reports/messages.ndjson). A scenario's status is its worst
// step's; undefined, pending and ambiguous steps count as failures (the suite is strict). Retried attempts
// count once, by their last attempt.

export interface ScenarioCounts { passed: number; failed: number; skipped: number }

const RANK: Record<string, number> = { PASSED: 0, SKIPPED: 1, UNKNOWN: 2, PENDING: 3, UNDEFINED: 4, AMBIGUOUS: 5, FAILED: 6 };

export function countScenarios(ndjson: string): ScenarioCounts {
  const worst = new Map<string, string>();
  const retried = new Set<string>();
  for (const line of ndjson.split('\n')) {
    if (!line.trim()) continue;
    const envelope = JSON.parse(line);
    if (envelope.testCaseStarted) worst.set(envelope.testCaseStarted.id, 'PASSED');
    if (envelope.testStepFinished) {
      const { testCaseStartedId, testStepResult } = envelope.testStepFinished;
      const previous = worst.get(testCaseStartedId) ?? 'PASSED';
      if ((RANK[testStepResult.status] ?? 6) > (RANK[previous] ?? 0)) worst.set(testCaseStartedId, testStepResult.status);
    }
    if (envelope.testCaseFinished?.willBeRetried) retried.add(envelope.testCaseFinished.testCaseStartedId);
  }
  const counts: ScenarioCounts = { passed: 0, failed: 0, skipped: 0 };
  for (const [id, status] of worst) {
    if (retried.has(id)) continue;
    if (status === 'PASSED') counts.passed++;
    else if (status === 'SKIPPED') counts.skipped++;
    else counts.failed++;
  }
  return counts;
}

export function closingLine(c: ScenarioCounts): string {
  return `scenarios: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;
}
