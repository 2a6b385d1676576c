import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { RoundRobin } from './round-robin';

const a = { origin: 'http://node-1:8080', node: 'node-1' };
const b = { origin: 'http://node-2:8080', node: 'node-2' };
const c = { origin: 'http://node-3:8080', node: 'node-3' };

function picks(balancer: RoundRobin, candidates: (typeof a)[], count: number, nowMs = 0): string[] {
  return Array.from({ length: count }, () => balancer.pick(candidates, { nowMs })?.node ?? 'none');
}

describe('round-robin', () => {
  it('takes turns over the candidates', () => {
    assert.deepEqual(picks(new RoundRobin(1000), [a, b, c], 6), ['node-1', 'node-2', 'node-3', 'node-1', 'node-2', 'node-3']);
  });

  it('answers null without candidates', () => {
    assert.equal(new RoundRobin(1000).pick([]), null);
  });

  it('counts an origin registered twice once', () => {
    const twin = { ...a, node: 'node-1-again' };
    assert.deepEqual(picks(new RoundRobin(1000), [a, twin, b], 4), ['node-1', 'node-2', 'node-1', 'node-2']);
  });

  it('picks a retry target other than the one that failed', () => {
    const balancer = new RoundRobin(1000);
    for (let i = 0; i < 6; i += 1) {
      const first = balancer.pick([a, b, c], { nowMs: 0 });
      assert.ok(first !== null);
      const retry = balancer.pick([a, b, c], { exclude: new Set([first.origin]), nowMs: 0 });
      assert.ok(retry !== null);
      assert.notEqual(retry.origin, first.origin);
    }
  });

  it('has no retry target when the only backend failed', () => {
    const balancer = new RoundRobin(1000);
    assert.equal(balancer.pick([a], { exclude: new Set([a.origin]) }), null);
  });

  it('passes over a backend that just failed while another is available', () => {
    const balancer = new RoundRobin(1000);
    balancer.failed(b.origin, 100);
    assert.deepEqual(picks(balancer, [a, b, c], 4, 500), ['node-1', 'node-3', 'node-1', 'node-3']);
  });

  it('lets one request probe a rested backend, and the others keep away until it answers', () => {
    const balancer = new RoundRobin(1000);
    balancer.failed(b.origin, 0);
    assert.deepEqual(picks(balancer, [a, b, c], 4, 1000), ['node-2', 'node-1', 'node-3', 'node-1']);
    balancer.succeeded(b.origin);
    assert.ok(picks(balancer, [a, b, c], 3, 1000).includes('node-2'));
  });

  it('rests a backend again when its probe fails', () => {
    const balancer = new RoundRobin(1000);
    balancer.failed(b.origin, 0);
    assert.equal(balancer.pick([a, b], { nowMs: 1000 })?.node, 'node-2');
    balancer.failed(b.origin, 1500);
    assert.deepEqual(picks(balancer, [a, b], 3, 2000), ['node-1', 'node-1', 'node-1']);
    assert.equal(balancer.pick([a, b], { nowMs: 2500 })?.node, 'node-2');
  });

  it('still picks failed backends when all of them failed', () => {
    const balancer = new RoundRobin(1000);
    balancer.failed(a.origin, 0);
    balancer.failed(b.origin, 0);
    assert.deepEqual(new Set(picks(balancer, [a, b], 4, 10)), new Set(['node-1', 'node-2']));
  });

  it('forgets a failure after a success or when the origin leaves', () => {
    const balancer = new RoundRobin(1000);
    balancer.failed(a.origin, 0);
    balancer.succeeded(a.origin);
    assert.deepEqual(picks(balancer, [a, b], 2, 10), ['node-1', 'node-2']);
    balancer.failed(b.origin, 0);
    balancer.retain(new Set([a.origin]));
    assert.deepEqual(new Set(picks(balancer, [a, b], 2, 10)), new Set(['node-1', 'node-2']));
  });
});
