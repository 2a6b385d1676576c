import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countScenarios, closingLine } from './scenario-counts';

const started = (id: string) => JSON.stringify({ testCaseStarted: { id, testCaseId: `tc-${id}`, attempt: 0 } });
const step = (id: string, status: string) => JSON.stringify({ testStepFinished: { testCaseStartedId: id, testStepResult: { status } } });
const finished = (id: string, willBeRetried = false) => JSON.stringify({ testCaseFinished: { testCaseStartedId: id, willBeRetried } });

test('a scenario takes its worst step status; undefined and pending count as failed', () => {
  const lines = [
    started('a'), step('a', 'PASSED'), step('a', 'PASSED'), finished('a'),
    started('b'), step('b', 'PASSED'), step('b', 'FAILED'), step('b', 'SKIPPED'), finished('b'),
    started('c'), step('c', 'UNDEFINED'), step('c', 'SKIPPED'), finished('c'),
    started('d'), step('d', 'SKIPPED'), finished('d'),
    started('e'), step('e', 'PENDING'), finished('e'),
    started('f'), step('f', 'AMBIGUOUS'), finished('f'),
  ].join('\n');
  assert.deepEqual(countScenarios(lines), { passed: 1, failed: 4, skipped: 1 });
});

test('a retried attempt counts once, by its last attempt', () => {
  const lines = [started('a1'), step('a1', 'FAILED'), finished('a1', true), started('a2'), step('a2', 'PASSED'), finished('a2')].join('\n');
  assert.deepEqual(countScenarios(lines), { passed: 1, failed: 0, skipped: 0 });
});

test('the closing line has the form CI reads', () => {
  assert.equal(closingLine({ passed: 5, failed: 1, skipped: 0 }), 'scenarios: 5 passed, 1 failed, 0 skipped');
  assert.match(closingLine({ passed: 0, failed: 0, skipped: 2 }), /^\w+: \d+ passed, \d+ failed, \d+ skipped$/);
});
