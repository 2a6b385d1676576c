// For an undefined step, the known phrasings nearest to what was written, so a typo explains itself.
import { exampleOf } from './vocabulary-examples';

const words = (s: string) => s.toLowerCase().replace(/[^a-z0-9%|-]+/g, ' ').trim().split(/\s+/).filter(Boolean);

/** Edit distance over words (insert, delete, substitute). */
export function wordDistance(a: string, b: string): number {
  const x = words(a), y = words(b);
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    row = next;
  }
  return row[y.length];
}

export interface KnownPhrasing { readonly pattern: string; readonly regex: boolean }

/** Words that fill parameters (numbers, units, names, roles) carry no phrasing: compare the rest. */
const PARAMETER_WORDS = /^(\d[\d.]*%?|ms|milliseconds?|s|seconds?|minutes?|node-\d+|zk-\d+|the|a|jetty|zookeeper|leader|follower|and)$/;
const literal = (s: string) => words(s).filter((w) => !PARAMETER_WORDS.test(w)).join(' ');

export function nearestPhrasings(text: string, known: readonly KnownPhrasing[], count = 3): string[] {
  return known
    .map((k) => ({ k, example: k.regex ? exampleOf(new RegExp(k.pattern)) : k.pattern.replace(/\{\w+\}/g, ' ') }))
    .map(({ k, example }) => ({ phrasing: k.regex ? `/${k.pattern}/` : k.pattern, d: wordDistance(literal(text), literal(example)) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, count)
    .map((r) => r.phrasing);
}

/** Undefined steps in a cucumber message stream, each with its nearest known phrasings. */
export function undefinedSteps(ndjson: string): { text: string; nearest: string[] }[] {
  const known: KnownPhrasing[] = [];
  const pickleSteps = new Map<string, string>();
  const testSteps = new Map<string, string>();
  const undefinedIds: string[] = [];
  for (const line of ndjson.split('\n')) {
    if (!line.trim()) continue;
    const e = JSON.parse(line);
    if (e.stepDefinition) known.push({ pattern: e.stepDefinition.pattern.source, regex: e.stepDefinition.pattern.type === 'REGULAR_EXPRESSION' });
    if (e.pickle) for (const s of e.pickle.steps) pickleSteps.set(s.id, s.text);
    if (e.testCase) for (const s of e.testCase.testSteps) if (s.pickleStepId) testSteps.set(s.id, s.pickleStepId);
    if (e.testStepFinished?.testStepResult?.status === 'UNDEFINED') undefinedIds.push(e.testStepFinished.testStepId);
  }
  const texts = [...new Set(undefinedIds.map((id) => pickleSteps.get(testSteps.get(id) ?? '') ?? '').filter(Boolean))];
  return texts.map((text) => ({ text, nearest: nearestPhrasings(text, known) }));
}
