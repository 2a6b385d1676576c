import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { errors } from 'undici';
import { describeFailure, isIdempotent, mayRetry } from './retry-policy';

function systemError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 172.18.0.5:8080`), { code });
}

describe('retry policy', () => {
  it('knows the idempotent methods', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'get']) assert.ok(isIdempotent(method), method);
    for (const method of ['POST', 'PATCH', 'CONNECT']) assert.ok(!isIdempotent(method), method);
  });

  it('retries an idempotent request that failed to connect, timed out or lost its connection', () => {
    const failures = [
      new errors.ConnectTimeoutError(),
      new errors.HeadersTimeoutError(),
      new errors.BodyTimeoutError(),
      new errors.SocketError('other side closed'),
      new errors.ClientDestroyedError(),
      systemError('ECONNREFUSED'),
      systemError('EHOSTUNREACH'),
      systemError('ENOTFOUND'),
      Object.assign(new Error('fetch failed'), { cause: systemError('ECONNRESET') }),
    ];
    for (const failure of failures) assert.ok(mayRetry('GET', failure), describeFailure(failure));
  });

  it('never retries a POST, an abort or an unknown failure', () => {
    assert.ok(!mayRetry('POST', systemError('ECONNREFUSED')));
    assert.ok(!mayRetry('GET', new errors.RequestAbortedError()));
    assert.ok(!mayRetry('GET', new Error('bug')));
    assert.ok(!mayRetry('GET', new errors.ResponseExceededMaxSizeError()));
  });

  it('describes a failure with its code and cause', () => {
    assert.equal(describeFailure(systemError('ECONNREFUSED')), 'connect ECONNREFUSED 172.18.0.5:8080');
    assert.equal(
      describeFailure(new errors.HeadersTimeoutError()),
      'UND_ERR_HEADERS_TIMEOUT: Headers Timeout Error',
    );
  });
});
