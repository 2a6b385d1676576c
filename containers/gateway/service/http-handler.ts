import type { IncomingMessage, ServerResponse } from 'http';
import { log } from './log';
import type { Proxy } from './proxy';
import type { RoutingView } from './routing-state';
import { LEADER_PATH, SERVICES_PATH } from '../../zookeeper-client/fleet-paths';
import { leaderRoute, noBackendReason, statusDocument } from './status';
import type { Backend } from './backend-policy';

const MAX_REQUEST_BYTES = 1024 * 1024;
const BACKEND_HEADER = 'x-zkh-backend';

class RequestTooLarge extends Error {}

/** The gateway's own endpoints under /gateway/, /leader/... to the Jetty leader, everything else round-robin. */
export class GatewayHandler {
  constructor(
    private readonly view: RoutingView,
    private readonly proxy: Proxy,
  ) {}

  readonly handle = (request: IncomingMessage, response: ServerResponse): void => {
    this.route(request, response).catch((error: unknown) => {
      if (error instanceof RequestTooLarge) return json(response, 413, { error: 'request too large', reason: error.message });
      log('gateway', `request ${request.method} ${request.url} failed inside the gateway: ${String(error)}`);
      if (!response.headersSent) json(response, 500, { error: 'gateway error', reason: String(error) });
      else response.destroy();
    });
  };

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const target = request.url ?? '/';
    const queryAt = target.indexOf('?');
    const path = queryAt < 0 ? target : target.slice(0, queryAt);
    const query = queryAt < 0 ? '' : target.slice(queryAt);
    if (path === '/gateway' || path.startsWith('/gateway/')) return this.own(request, response, path);
    if (path === '/leader' || path.startsWith('/leader/')) {
      const route = leaderRoute(this.view, LEADER_PATH);
      if ('reason' in route) return json(response, 503, { error: 'no leader', reason: route.reason });
      return this.forward(request, response, (path.slice('/leader'.length) || '/') + query, route.backends);
    }
    const backends = this.view.table.backends;
    if (backends.length === 0) return json(response, 503, { error: 'no backend', reason: noBackendReason(this.view, SERVICES_PATH) });
    return this.forward(request, response, target, backends);
  }

  private own(request: IncomingMessage, response: ServerResponse, path: string): void {
    request.resume();
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return json(response, 405, { error: 'method not allowed', reason: `${path} answers GET and HEAD only` });
    }
    if (path === '/gateway/status') return json(response, 200, statusDocument(this.view));
    if (path === '/gateway/health') return json(response, 200, { status: 'UP' });
    return json(response, 404, { error: 'not found', reason: `the gateway has no endpoint ${path}` });
  }

  private async forward(request: IncomingMessage, response: ServerResponse, path: string, backends: readonly Backend[]): Promise<void> {
    const gone = new AbortController();
    response.on('close', () => {
      if (!response.writableFinished) gone.abort();
    });
    const body = await readBody(request);
    const method = request.method ?? 'GET';
    const outcome = await this.proxy.forward(
      { method, path, headers: request.headers, body, clientAddress: request.socket.remoteAddress ?? 'unknown', clientGone: gone.signal },
      backends,
    );
    if (gone.signal.aborted) return;
    if (!outcome.ok) return json(response, 502, { error: 'bad gateway', reason: outcome.reason });
    const { answer } = outcome;
    response.writeHead(answer.status, { ...answer.headers, [BACKEND_HEADER]: answer.backend.node });
    response.end(method === 'HEAD' ? undefined : answer.body);
  }
}

function readBody(request: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        request.destroy();
        reject(new RequestTooLarge(`the request body exceeds ${MAX_REQUEST_BYTES} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(size === 0 && !hasBody(request) ? null : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function hasBody(request: IncomingMessage): boolean {
  return request.headers['content-length'] !== undefined || request.headers['transfer-encoding'] !== undefined;
}

function json(response: ServerResponse, status: number, document: unknown): void {
  const body = Buffer.from(JSON.stringify(document));
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': String(body.length) });
  response.end(body);
}
