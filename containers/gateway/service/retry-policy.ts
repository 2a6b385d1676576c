const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * Failures after which the request cannot have been answered: no connection, a timeout, or a
 * connection that died (a backend killed under a kept-alive socket). Safe to repeat if idempotent.
 */
const RETRYABLE_CODES: ReadonlySet<string> = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_DESTROYED',
  'UND_ERR_CLOSED',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

export function isIdempotent(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

export function isRetryable(error: unknown): boolean {
  return errorCodes(error).some((code) => RETRYABLE_CODES.has(code));
}

/** May this failed attempt be repeated on another backend? */
export function mayRetry(method: string, error: unknown): boolean {
  return isIdempotent(method) && isRetryable(error);
}

/** A short sentence for logs and 502 answers: the error code and message, and its cause's. */
export function describeFailure(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 3 && current !== undefined && current !== null; depth += 1) {
    const code = codeOf(current);
    const message = current instanceof Error ? current.message : String(current);
    const part = code !== undefined && !message.includes(code) ? `${code}: ${message}` : message;
    if (part !== '' && !parts.includes(part)) parts.push(part);
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join(' (') + ')'.repeat(Math.max(0, parts.length - 1));
}

function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 3 && current !== undefined && current !== null; depth += 1) {
    const code = codeOf(current);
    if (code !== undefined) codes.push(code);
    if (current instanceof AggregateError) for (const inner of current.errors) codes.push(...errorCodes(inner));
    current = current instanceof Error ? current.cause : undefined;
  }
  return codes;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
