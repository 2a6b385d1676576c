// Conditions over the fleet state folded from the history: each says whether it holds and what was seen, in
// words, for progress lines and failure messages. Pure: the same history always gives the same verdicts.
import { FleetState } from './fleet-state';
import { describeModes, isLeading, roleCounts } from '../../containers/zookeeper/four-letter-words';

export interface Judgement {
  readonly ok: boolean;
  readonly seen: string;
}

export type StateJudge = (state: FleetState) => Judgement;

const list = (names: readonly string[]) => (names.length ? names.join(', ') : 'none');
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);

/** The registrations watch's state in words, or why it can't vouch for anything. */
function watchProblem(state: FleetState): string | null {
  if (!state.registrations) return 'the registrations watch has read nothing yet';
  if (state.registrations.lostAt !== null) return `the registrations watch lost its connection at ${Math.round(state.registrations.lostAt)} ms`;
  return null;
}

function describeRegistered(state: FleetState): string {
  const { nodes, stale } = state.registered();
  const staleText = stale.map((s) => `; ${s.node}'s znode is owned by session ${s.owner}, not its current one (${s.session ?? 'none'}), for ${s.ageMs} ms`).join('');
  return `registered: ${list(nodes)}${staleText}`;
}

type NodeSeen = { readonly node: string; readonly answered: boolean; readonly zk?: string; readonly session?: string | null };
const reportsLost = (s: NodeSeen) => s.answered && (s.zk === 'LOST' || s.session === null);
const describeSession = (s: NodeSeen) => `${s.node} ${s.answered ? `zk ${s.zk}, session ${s.session ?? 'none'}` : 'no answer'}`;

export const judges = {
  registeredCount: (count: number): StateJudge => (state) => {
    const problem = watchProblem(state);
    if (problem) return { ok: false, seen: problem };
    const { nodes } = state.registered();
    return { ok: nodes.length === count, seen: `${nodes.length} ${describeRegistered(state)}` };
  },

  registeredExactly: (expected: readonly string[]): StateJudge => (state) => {
    const problem = watchProblem(state);
    if (problem) return { ok: false, seen: problem };
    return { ok: sameSet(state.registered().nodes, expected), seen: describeRegistered(state) };
  },

  isRegistered: (node: string): StateJudge => (state) => {
    const problem = watchProblem(state);
    if (problem) return { ok: false, seen: problem };
    return { ok: state.registered().nodes.includes(node), seen: describeRegistered(state) };
  },

  /** "No longer registered": the znode is gone, whoever owned it (what the gateway sees). */
  znodeGone: (node: string): StateJudge => (state) => {
    const problem = watchProblem(state);
    if (problem) return { ok: false, seen: problem };
    const holders = state.znodeHolders();
    return { ok: !holders.includes(node), seen: `znodes under /fleet/services/web name: ${list(holders)}` };
  },

  exactlyOneJettyLeader: (): StateJudge => (state) => {
    const { leader, claimants, latch } = state.jettyLeader();
    return { ok: leader !== null, seen: `latch order [${latch.join(', ')}], /status leader=true on [${claimants.join(', ')}]` };
  },

  newJettyLeader: (previous: string | null): StateJudge => (state) => {
    const { leader, claimants, latch } = state.jettyLeader();
    return { ok: leader !== null && leader !== previous, seen: `latch order [${latch.join(', ')}], /status leader=true on [${claimants.join(', ')}] (previous leader ${previous ?? 'unknown'})` };
  },

  /** The leader does not change: the latch still puts `leader` first and no other node claims leadership. */
  leaderStays: (leader: string): StateJudge => (state) => {
    const { claimants, latch } = state.jettyLeader();
    return { ok: latch[0] === leader && claimants.every((c) => c === leader), seen: `latch order [${latch.join(', ')}], /status leader=true on [${claimants.join(', ')}]` };
  },

  gatewayRoutesOnlyTo: (expected: readonly string[]): StateJudge => (state) => {
    const g = state.gateway;
    if (!g) return { ok: false, seen: 'the gateway has not been observed yet' };
    if (!g.answered) return { ok: false, seen: `the gateway did not answer (${g.error})` };
    const backends = (g.backends ?? []).map((b) => b.node);
    return { ok: sameSet(backends, expected), seen: `gateway backends: ${list(backends)} (zk ${g.zk})` };
  },

  /** Every registered node (znode owned by its current session) answers and runs `version`; at least one. */
  registeredRunVersion: (version: number): StateJudge => (state) => {
    const problem = watchProblem(state);
    if (problem) return { ok: false, seen: problem };
    const registered = state.registered().nodes;
    const versions = registered.map((n) => {
      const s = state.nodes.get(n);
      return [n, s?.answered ? s.configVersion : 'no answer'] as const;
    });
    return { ok: registered.length > 0 && versions.every(([, v]) => v === version), seen: versions.map(([n, v]) => `${n} v${v}`).join(', ') || 'no node registered' };
  },

  /** Every node that answers runs `version`; at least one answers. */
  answeringRunVersion: (version: number): StateJudge => (state) => {
    const all = [...state.nodes.values()].sort((a, b) => a.node.localeCompare(b.node));
    const answering = all.filter((s) => s.answered);
    return { ok: answering.length > 0 && answering.every((s) => s.configVersion === version), seen: all.map((s) => `${s.node} ${s.answered ? `v${s.configVersion}` : 'no answer'}`).join(', ') || 'no node observed' };
  },

  /** Every node of the fleet answers and runs `version`. */
  everyNodeRunsVersion: (version: number): StateJudge => (state) => {
    const all = [...state.nodes.values()].sort((a, b) => a.node.localeCompare(b.node));
    return { ok: all.length > 0 && all.every((s) => s.answered && s.configVersion === version), seen: all.map((s) => `${s.node} ${s.answered ? `v${s.configVersion}` : 'no answer'}`).join(', ') || 'no node observed' };
  },

  /** Every node answers and says it has no ZooKeeper session (Curator's LOST): its registration is given up. */
  everyNodeLostSession: (): StateJudge => (state) => {
    const all = [...state.nodes.values()].sort((a, b) => a.node.localeCompare(b.node));
    return { ok: all.length > 0 && all.every(reportsLost), seen: all.map(describeSession).join('; ') || 'no node observed' };
  },

  /** The node answers and says it has no ZooKeeper session (Curator's LOST). */
  nodeLostSession: (node: string): StateJudge => (state) => {
    const s = state.nodes.get(node);
    return { ok: !!s && reportsLost(s), seen: s ? describeSession(s) : `${node} not observed yet` };
  },

  /**
   * The node answers and does not say its session is lost. A node that stops answering breaks this: whether it
   * noticed anything is then unknown, and a safety claim must not pass on silence.
   */
  nodeKeepsSession: (node: string): StateJudge => (state) => {
    const s = state.nodes.get(node);
    return { ok: !!s && s.answered && !reportsLost(s), seen: s ? describeSession(s) : `${node} not observed yet` };
  },

  /** The node answers and says Curator suspended its connection (SUSPENDED: no answer from its member in 2/3 of the session). */
  nodeSuspended: (node: string): StateJudge => (state) => {
    const s = state.nodes.get(node);
    return { ok: !!s && s.answered && s.zk === 'SUSPENDED', seen: s ? describeSession(s) : `${node} not observed yet` };
  },

  leaderAndFollowers: (followers: number, members: number): StateJudge => (state) => {
    const modes = state.modes();
    const counts = roleCounts(modes);
    return { ok: Object.keys(modes).length === members && counts.leaders === 1 && counts.followers === followers, seen: describeModes(modes) };
  },

  newZooKeeperLeader: (previous: string | null): StateJudge => (state) => {
    const modes = state.modes();
    const leaders = Object.entries(modes).filter(([, m]) => isLeading(m)).map(([n]) => n);
    return { ok: leaders.length === 1 && leaders[0] !== previous, seen: `${describeModes(modes)} (previous leader ${previous ?? 'unknown'})` };
  },
};
