import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { Exception } from 'node-zookeeper-client';
import { NotSentError } from '../../containers/zookeeper-client/zookeeper-session';
import { outcomeOfError, parseRegister } from './register-client';

// What node-zookeeper-client hands a callback: an error whose getCode() is ZooKeeper's code.
const zkError = (code: number) => Object.assign(new Error(`code ${code}`), { getCode: () => code });

test('an error before the request could reach ZooKeeper, or a definite answer, means it did not happen', () => {
  assert.equal(outcomeOfError(new Error('anything'), false), 'fail');
  assert.equal(outcomeOfError(new NotSentError('ZooKeeper setData got no connection'), true), 'fail');
  assert.equal(outcomeOfError(zkError(Exception.BAD_VERSION), true), 'fail');
  assert.equal(outcomeOfError(zkError(Exception.NO_NODE), true), 'fail');
});

test('a lost connection, an expired session or no answer leaves the outcome unknown', () => {
  assert.equal(outcomeOfError(zkError(Exception.CONNECTION_LOSS), true), 'info');
  assert.equal(outcomeOfError(zkError(Exception.SESSION_EXPIRED), true), 'info');
  assert.equal(outcomeOfError(new Error('ZooKeeper setData /zkh-registers/r0 got no answer within 2000 ms'), true), 'info');
});

test('register values read back as written: numbers as numbers, a missing znode as null', () => {
  assert.equal(parseRegister(Buffer.from('7')), 7);
  assert.equal(parseRegister(Buffer.from('-3')), -3);
  assert.equal(parseRegister(Buffer.from('x7')), 'x7');
  assert.equal(parseRegister(Buffer.from('')), '');
  assert.equal(parseRegister(null), null);
});
