// Hand-made histories for the checkers' unit tests: small builders for each event kind, and `history()` to
// merge them in time order as the recorder would. Polls answer 5 ms after they are sent unless told otherwise.
import {
  HistoryEvent, NemesisEvent, NodeStatusObservation, OpEvent, OpType, RegistrationsObservation, StepEvent, WatchLostObservation,
} from '../history/events';

type Events = HistoryEvent | readonly HistoryEvent[];

/** Merges events (and arrays of them) sorted by `t`; events at one instant keep their given order. */
export function history(...parts: Events[]): HistoryEvent[] {
  const all = parts.flatMap((p) => (Array.isArray(p) ? p : [p])) as HistoryEvent[];
  return all.map((e, i) => ({ e, i })).sort((a, b) => a.e.t - b.e.t || a.i - b.i).map(({ e }) => e);
}

export type StatusFields = Partial<Omit<NodeStatusObservation, 'kind' | 'observer' | 't' | 'node'>>;

/** A node's /status answer at `t`: answered, registered, CONNECTED, not leader, unless the fields say otherwise. */
export function status(t: number, node: string, fields: StatusFields = {}): NodeStatusObservation {
  const answered = fields.answered ?? true;
  const base = answered ? { registered: true, leader: false, zk: 'CONNECTED' } : {};
  return { kind: 'observe', observer: 'node-status', t, sentAt: t - 5, node, answered, ...base, ...fields };
}

/** A node polled every `everyMs` from `fromMs` up to `untilMs` inclusive; `fields` may depend on the instant. */
export function polls(node: string, fromMs: number, untilMs: number, everyMs: number, fields: StatusFields | ((t: number) => StatusFields) = {}): NodeStatusObservation[] {
  const out: NodeStatusObservation[] = [];
  for (let t = fromMs; t <= untilMs; t += everyMs) out.push(status(t, node, typeof fields === 'function' ? fields(t) : fields));
  return out;
}

export function op(t: number, type: OpType, id: number, process: string, f: string, value?: Record<string, unknown>): OpEvent {
  return { kind: 'op', t, type, id, process, f, ...(value ? { value } : {}) };
}

/** An operation's invocation and (unless `done` is null) its completion. */
export function operation(id: number, process: string, f: string, invokeMs: number, done: { t: number; type: Exclude<OpType, 'invoke'> } | null, value?: Record<string, unknown>, doneValue = value): OpEvent[] {
  const events = [op(invokeMs, 'invoke', id, process, f, value)];
  if (done) events.push(op(done.t, done.type, id, process, f, doneValue));
  return events;
}

/** A gateway request through the traffic client, answered from `backend` (null: unknown). */
export function request(id: number, invokeMs: number, doneMs: number | null, type: Exclude<OpType, 'invoke'> = 'ok', backend: string | null = 'node-1'): OpEvent[] {
  const value = { status: type === 'ok' ? 200 : type === 'fail' ? 503 : null, backend, latencyMs: doneMs === null ? null : doneMs - invokeMs, error: type === 'ok' ? null : 'boom' };
  return operation(id, 'traffic', 'request', invokeMs, doneMs === null ? null : { t: doneMs, type }, undefined, value);
}

/** An operator's config write of `version`, completed as `type` at `doneMs` (null: never completed). */
export function writeConfig(id: number, invokeMs: number, doneMs: number | null, type: Exclude<OpType, 'invoke'>, version: number): OpEvent[] {
  return operation(id, 'operator', 'write-config', invokeMs, doneMs === null ? null : { t: doneMs, type }, { version, valid: true });
}

export function deleteConfig(id: number, invokeMs: number, doneMs: number, type: Exclude<OpType, 'invoke'> = 'ok'): OpEvent[] {
  return operation(id, 'operator', 'delete-config', invokeMs, { t: doneMs, type });
}

/** A registrations snapshot naming these nodes (address and owner made up from the name). */
export function registrations(t: number, nodes: readonly string[], epoch = 1): RegistrationsObservation {
  const entries = nodes.map((node, i) => ({ id: `svc-${i}`, node, address: `10.0.0.${i + 10}`, port: 8080, owner: `0000000000000${String(i).padStart(3, '0')}` }));
  return { kind: 'observe', observer: 'registrations', t, sentAt: t, epoch, entries };
}

export function watchLost(t: number, observer: 'registrations' | 'latch' = 'registrations', epoch = 1): WatchLostObservation {
  return { kind: 'observe', observer, t, sentAt: t, lost: true, epoch };
}

export function fault(faultId: number, fault: string, targets: readonly string[], startMs: number, endMs: number | null): NemesisEvent[] {
  const start: NemesisEvent = { kind: 'nemesis', t: startMs, phase: 'start', fault, targets, faultId };
  return endMs === null ? [start] : [start, { ...start, t: endMs, phase: 'end' }];
}

export function step(t: number, text: string, phase: 'start' | 'end' = 'start'): StepEvent {
  return { kind: 'step', t, phase, text };
}
