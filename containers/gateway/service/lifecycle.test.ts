import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { Lifecycle } from './lifecycle';

describe('Lifecycle', () => {
  it('goes LATENT → STARTED → CLOSED once', () => {
    const lifecycle = new Lifecycle('ServiceCache');
    assert.equal(lifecycle.state, 'LATENT');
    lifecycle.start();
    assert.equal(lifecycle.state, 'STARTED');
    assert.throws(() => lifecycle.start(), /ServiceCache cannot be started: it is STARTED, and start\(\) may only be called once\./);
    assert.equal(lifecycle.close(), true);
    assert.equal(lifecycle.close(), false);
    assert.equal(lifecycle.state, 'CLOSED');
    assert.throws(() => lifecycle.start(), /it is CLOSED/);
  });
});
