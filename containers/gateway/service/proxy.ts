import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'http';
import { errors } from 'undici';
import type { Pool } from 'undici';
import { originOf } from './backend-policy';
import type { Backend } from './backend-policy';
import { BODY_TIMEOUT_MS, HEADERS_TIMEOUT_MS } from './dispatchers';
import type { Dispatchers } from './dispatchers';
import { log } from './log';
import { describeFailure, mayRetry } from './retry-policy';
import type { RoundRobin } from './round-robin';

export interface UpstreamRequest {
  readonly method: string;
  /** path and query as the backend should see them. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer | null;
  readonly clientAddress: string;
  /**
   * Aborted when the client goes away. An attempt under way still runs to its own deadline, so that
   * a stalled backend is noticed even by impatient clients; only the retry is skipped.
   */
  readonly clientGone: AbortSignal;
}

export interface Answer {
  readonly status: number;
  readonly headers: OutgoingHttpHeaders;
  readonly body: Buffer;
  readonly backend: Backend;
}

export type ForwardOutcome =
  | { readonly ok: true; readonly answer: Answer }
  | { readonly ok: false; readonly reason: string };

const HOP_BY_HOP: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
]);

interface Target {
  readonly origin: string;
  readonly backend: Backend;
}

/**
 * Forwards one request round-robin; an idempotent request whose attempt failed to connect, timed
 * out or lost its connection is tried once more on another backend. Responses are read whole
 * (within the body timeout) before they are answered, so a timeout while reading can still be retried.
 * Timeouts: connect 250 ms (in the connector), response headers 1 s, then the whole body 1 s.
 */
export class Proxy {
  constructor(
    private readonly dispatchers: Dispatchers,
    private readonly balancer: RoundRobin,
  ) {}

  async forward(request: UpstreamRequest, backends: readonly Backend[]): Promise<ForwardOutcome> {
    const targets: Target[] = backends.map((backend) => ({ origin: originOf(backend), backend }));
    const tried = new Set<string>();
    const failures: string[] = [];
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      const target = this.balancer.pick(targets, { exclude: tried });
      if (target === null) {
        if (attempt === 2) failures.push('no other backend to retry on');
        break;
      }
      tried.add(target.origin);
      try {
        const answer = await this.send(request, target);
        this.balancer.succeeded(target.origin);
        return { ok: true, answer };
      } catch (error) {
        const failure = `${target.backend.node} (${target.origin}): ${describeFailure(error)}`;
        failures.push(failure);
        this.balancer.failed(target.origin);
        const retry = attempt === 1 && mayRetry(request.method, error) && !request.clientGone.aborted;
        log('proxy', `${request.method} ${request.path} failed on ${failure}${retry ? '; retrying on another backend' : ''}`);
        if (!retry) break;
      }
    }
    return { ok: false, reason: failures.join('; ') };
  }

  private async send(request: UpstreamRequest, target: Target): Promise<Answer> {
    const pool: Pool = this.dispatchers.get(target.origin);
    // Deadlines on native timers; undici's own (fast timers) may fire up to ~500 ms late.
    const deadline = new AbortController();
    const expire = (error: Error) => () => deadline.abort(error);
    let timer = setTimeout(expire(new errors.HeadersTimeoutError(`no response headers within ${HEADERS_TIMEOUT_MS} ms`)), HEADERS_TIMEOUT_MS);
    try {
      const response = await pool.request({
        method: request.method,
        path: request.path,
        headers: forwardedHeaders(request),
        body: request.body,
        signal: deadline.signal,
      });
      clearTimeout(timer);
      timer = setTimeout(expire(new errors.BodyTimeoutError(`no complete response body within ${BODY_TIMEOUT_MS} ms`)), BODY_TIMEOUT_MS);
      const body = Buffer.from(await response.body.arrayBuffer());
      return { status: response.statusCode, headers: answerHeaders(response.headers, body.length), body, backend: target.backend };
    } catch (error) {
      this.dispatchers.discard(target.origin, pool);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}

function forwardedHeaders(request: UpstreamRequest): Record<string, string | string[]> {
  const headers = withoutHopByHop(request.headers);
  const previous = headers['x-forwarded-for'];
  headers['x-forwarded-for'] = previous === undefined ? request.clientAddress : `${String(previous)}, ${request.clientAddress}`;
  const host = request.headers.host;
  if (host !== undefined) headers['x-forwarded-host'] = host;
  headers['x-forwarded-proto'] = 'http';
  return headers;
}

function answerHeaders(headers: IncomingHttpHeaders, length: number): OutgoingHttpHeaders {
  return { ...withoutHopByHop(headers), 'content-length': String(length) };
}

function withoutHopByHop(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const named = new Set(
    String(headers.connection ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== ''),
  );
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || named.has(name)) continue;
    kept[name] = value;
  }
  return kept;
}
