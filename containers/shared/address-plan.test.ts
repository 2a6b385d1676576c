import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addressPlan } from './address-plan';

test('a /16 gives members fixed addresses in its lower half and the engine the upper half', () => {
  const plan = addressPlan('172.18.0.0/16');
  assert.equal(plan.dynamicRange, '172.18.128.0/17');
  assert.deepEqual([1, 2, 5].map((n) => plan.fixed(n)), ['172.18.0.11', '172.18.0.12', '172.18.0.15']);
});

test('a /20 from the 192.168 pool, given by any address in it, is normalised', () => {
  const plan = addressPlan('192.168.16.7/20');
  assert.equal(plan.subnet, '192.168.16.0/20');
  assert.equal(plan.dynamicRange, '192.168.24.0/21');
  assert.equal(plan.fixed(3), '192.168.16.13');
});

test('a /26 is the smallest: 21 fixed addresses below the engine\'s 32', () => {
  const plan = addressPlan('10.9.8.64/26');
  assert.equal(plan.dynamicRange, '10.9.8.96/27');
  assert.equal(plan.fixed(21), '10.9.8.95');
  assert.throws(() => plan.fixed(22), /no fixed address 22 in 10\.9\.8\.64\/26: 1 to 21/);
  assert.throws(() => plan.fixed(0), /no fixed address 0/);
});

test('what is not a usable IPv4 subnet is refused with what was given', () => {
  assert.throws(() => addressPlan('10.9.8.0/27'), /10\.9\.8\.0\/27 is too small/);
  assert.throws(() => addressPlan('fd00::/64'), /"fd00::\/64" is not an IPv4 subnet/);
  assert.throws(() => addressPlan('300.1.1.0/24'), /not an IPv4 subnet/);
  assert.throws(() => addressPlan(''), /not an IPv4 subnet/);
});
