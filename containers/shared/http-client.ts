// The harness's HTTP client (undici): every call bounded in time, never reusing a connection after a failure.
import { Agent, request } from 'undici';

const agent = new Agent({ connect: { timeout: 500 }, keepAliveTimeout: 2000, pipelining: 1 });

export interface HttpAnswer<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Record<string, string | string[] | undefined>;
}

/** GET and parse JSON; the whole exchange — connect included — is bounded by `timeoutMs`. */
export async function getJson<T = unknown>(url: string, timeoutMs = 1000): Promise<HttpAnswer<T>> {
  // The agent's connect timeout alone would let a black-holed connect take longer than the caller's bound.
  const response = await request(url, { dispatcher: agent, headersTimeout: timeoutMs, bodyTimeout: timeoutMs, reset: false, signal: AbortSignal.timeout(timeoutMs) });
  const text = await response.body.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: keep the text, the caller decides.
  }
  return { status: response.statusCode, body: body as T, headers: response.headers };
}
