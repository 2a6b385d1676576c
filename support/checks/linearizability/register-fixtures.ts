// Register histories for the tests: hand-made ops in the shape workloads record, and a seeded simulation of a
// real linearizable register (each op takes effect at one random instant inside its call–return span), so the
// large histories the tests check are linearizable by construction.
import { HistoryEvent, OpType } from '../../history/events';
import { history, operation } from '../history-fixtures';
import { RegisterValue } from './register-model';

type Done = Exclude<OpType, 'invoke'>;
const done = (t: number | null, type: Done) => (t === null ? null : { t, type });

/** A read of `key` by `process` over [call, ret] that returned `value` (completion value {key, value}). */
export function read(id: number, process: string, key: string, call: number, ret: number | null, value: RegisterValue, type: Done = 'ok') {
  return operation(id, process, 'read', call, done(ret, type), { key }, type === 'ok' ? { key, value } : { key });
}

export function write(id: number, process: string, key: string, call: number, ret: number | null, value: RegisterValue, type: Done = 'ok') {
  return operation(id, process, 'write', call, done(ret, type), { key, value });
}

export function cas(id: number, process: string, key: string, call: number, ret: number | null, from: RegisterValue, to: RegisterValue, type: Done = 'ok') {
  return operation(id, process, 'cas', call, done(ret, type), { key, from, to });
}

/** A CAS that returned false: it completed ok, found `found` and wrote nothing. */
export function casNotSwapped(id: number, process: string, key: string, call: number, ret: number, from: RegisterValue, to: RegisterValue, found: RegisterValue) {
  return operation(id, process, 'cas', call, { t: ret, type: 'ok' }, { key, from, to }, { key, swapped: false, found });
}

/** Mulberry32: a tiny seeded PRNG, so a "random" history is the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SimOptions {
  readonly seed: number;
  readonly clients: number;
  readonly opsPerClient: number;
  readonly keys: readonly string[];
  readonly maxLatencyMs?: number;
  /** Chance that a write or cas completes 'info' (it then takes effect or not, at random). */
  readonly pInfo?: number;
  /** Chance that a write completes 'fail' (and does not take effect). */
  readonly pFail?: number;
}

interface Planned { id: number; process: string; key: string; f: 'read' | 'write' | 'cas'; call: number; ret: number; at: number; value: RegisterValue; from: RegisterValue }

/** Clients issue ops back to back with random latencies; a single register per key applies them in effect order. */
export function simulate(o: SimOptions): HistoryEvent[] {
  const rnd = prng(o.seed);
  const maxLatency = o.maxLatencyMs ?? 20;
  const planned: Planned[] = [];
  let id = 0, nextValue = 1;
  for (let c = 0; c < o.clients; c++) {
    let t = rnd() * 5;
    for (let i = 0; i < o.opsPerClient; i++) {
      const call = t, ret = t + 1 + rnd() * maxLatency, r = rnd();
      const f = r < 0.5 ? 'read' : r < 0.85 ? 'write' : 'cas';
      planned.push({ id: id++, process: `c${c}`, key: o.keys[Math.floor(rnd() * o.keys.length)]!, f, call, ret, at: call + rnd() * (ret - call), value: f === 'read' ? null : nextValue++, from: null });
      t = ret + rnd() * 5;
    }
  }
  const register = new Map<string, RegisterValue>();
  const events: HistoryEvent[][] = [];
  for (const p of [...planned].sort((a, b) => a.at - b.at)) {
    const now = register.get(p.key) ?? null;
    const fate = rnd();
    if (p.f === 'read') { events.push(read(p.id, p.process, p.key, p.call, p.ret, now)); continue; }
    const type: Done = fate < (o.pInfo ?? 0) ? 'info' : p.f === 'write' && fate > 1 - (o.pFail ?? 0) ? 'fail' : 'ok';
    const takesEffect = type === 'info' ? rnd() < 0.5 : type === 'ok';
    if (p.f === 'write') {
      if (takesEffect) register.set(p.key, p.value);
      events.push(write(p.id, p.process, p.key, p.call, p.ret, p.value, type));
      continue;
    }
    // A CAS expects the current value half the time, else an older one; it succeeds only when they match.
    const from = rnd() < 0.5 ? now : (typeof now === 'number' && now > 1 ? now - 1 : null);
    const happened = from === now && takesEffect;
    if (happened) register.set(p.key, p.value);
    events.push(cas(p.id, p.process, p.key, p.call, p.ret, from, p.value, type === 'info' ? 'info' : happened ? 'ok' : 'fail'));
  }
  return history(...events);
}
