import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { ConnectionStateTranslator, toRawState } from './connection-states';
import type { ConnectionState, RawState } from './connection-states';

function run(raws: RawState[]): (ConnectionState | null)[] {
  const translator = new ConnectionStateTranslator();
  return raws.map((raw) => translator.translate(raw));
}

describe('ConnectionStateTranslator', () => {
  it('names the first SYNC_CONNECTED CONNECTED', () => {
    assert.deepEqual(run(['SYNC_CONNECTED']), ['CONNECTED']);
  });

  it('ignores DISCONNECTED before the first connection', () => {
    assert.deepEqual(run(['DISCONNECTED', 'SYNC_CONNECTED']), [null, 'CONNECTED']);
  });

  it('names DISCONNECTED SUSPENDED and the next SYNC_CONNECTED RECONNECTED', () => {
    assert.deepEqual(run(['SYNC_CONNECTED', 'DISCONNECTED', 'SYNC_CONNECTED']), ['CONNECTED', 'SUSPENDED', 'RECONNECTED']);
  });

  it('names EXPIRED LOST and the new session RECONNECTED', () => {
    assert.deepEqual(run(['SYNC_CONNECTED', 'DISCONNECTED', 'EXPIRED', 'DISCONNECTED', 'SYNC_CONNECTED']), [
      'CONNECTED',
      'SUSPENDED',
      'LOST',
      null,
      'RECONNECTED',
    ]);
  });

  it('reports no change for repeated states', () => {
    assert.deepEqual(run(['SYNC_CONNECTED', 'SYNC_CONNECTED', 'DISCONNECTED', 'DISCONNECTED', 'EXPIRED', 'EXPIRED']), [
      'CONNECTED',
      null,
      'SUSPENDED',
      null,
      'LOST',
      null,
    ]);
  });

  it('suspends again after a reconnection', () => {
    assert.deepEqual(run(['SYNC_CONNECTED', 'DISCONNECTED', 'SYNC_CONNECTED', 'DISCONNECTED']), [
      'CONNECTED',
      'SUSPENDED',
      'RECONNECTED',
      'SUSPENDED',
    ]);
  });

  it('treats AUTH_FAILED as LOST, read-only as connected and SASL_AUTHENTICATED as no change', () => {
    assert.deepEqual(run(['CONNECTED_READ_ONLY', 'SASL_AUTHENTICATED', 'AUTH_FAILED']), ['CONNECTED', null, 'LOST']);
  });

  it('keeps its current state readable', () => {
    const translator = new ConnectionStateTranslator();
    assert.equal(translator.state, null);
    translator.translate('SYNC_CONNECTED');
    translator.translate('DISCONNECTED');
    assert.equal(translator.state, 'SUSPENDED');
  });

  it('accepts only the raw state names node-zookeeper-client uses', () => {
    assert.equal(toRawState('SYNC_CONNECTED'), 'SYNC_CONNECTED');
    assert.equal(toRawState('EXPIRED'), 'EXPIRED');
    assert.equal(toRawState('CONNECTED'), null);
  });
});
