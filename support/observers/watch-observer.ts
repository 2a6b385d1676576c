// The harness's ZooKeeper watches written into the history: every snapshot of /fleet/services/web (each
// znode with the session that owns it) and of the latch under /fleet/leader, and every lost connection.
import { History } from '../history/history';
import { LatchObservation, RegistrationsObservation, WatchLostObservation } from '../history/events';
import { ChildrenCache, ChildrenSnapshot } from '../../containers/zookeeper-client/children-cache';
import { latchParticipants } from '../../containers/zookeeper-client/latch-order';
import { NO_OWNER } from '../../containers/zookeeper-client/read-children';
import { registrationOf } from '../clients/fleet-view';
import { Poller } from './poller';

function registrations(s: ChildrenSnapshot, history: History): Omit<RegistrationsObservation, 't'> {
  const entries = [...s.children].map(([id, data]) => {
    const r = registrationOf(id, data);
    return { id, node: r.node, address: r.address, port: r.port, owner: s.owners.get(id) ?? NO_OWNER };
  });
  return { kind: 'observe', observer: 'registrations', sentAt: history.at(s.readStartMs), epoch: s.epoch, entries };
}

function latch(s: ChildrenSnapshot, history: History): Omit<LatchObservation, 't'> {
  return { kind: 'observe', observer: 'latch', sentAt: history.at(s.readStartMs), epoch: s.epoch, participants: latchParticipants(s.children) };
}

function observeWatch(cache: ChildrenCache, observer: 'registrations' | 'latch', history: History): Poller {
  const record = (s: ChildrenSnapshot) => {
    const event = observer === 'registrations' ? registrations(s, history) : latch(s, history);
    history.append<RegistrationsObservation | LatchObservation>(event as never, history.at(s.readEndMs));
  };
  // The state in force when the scenario starts: the watch's newest snapshot, vouched for while it stays connected.
  const newest = cache.snapshots().at(-1);
  if (newest && cache.state() === 'WATCHING' && cache.epochEndedAt(newest.epoch) === null) record(newest);
  const unsubscribe = cache.subscribe(record);
  const unsubscribeLost = cache.onLost((epoch, atMs) => {
    history.append<WatchLostObservation>({ kind: 'observe', observer, sentAt: history.at(atMs), lost: true, epoch }, history.at(atMs));
  });
  // A member started again has a new host port: the watch must be told to follow it (and to replace an
  // expired session), or it would stay lost for the rest of the scenario.
  const follower = setInterval(() => cache.follow(), FOLLOW_MS);
  return {
    async stop() {
      clearInterval(follower);
      unsubscribe();
      unsubscribeLost();
    },
  };
}

const FOLLOW_MS = 250;

export const observeRegistrations = (cache: ChildrenCache, history: History) => observeWatch(cache, 'registrations', history);
export const observeLatch = (cache: ChildrenCache, history: History) => observeWatch(cache, 'latch', history);
