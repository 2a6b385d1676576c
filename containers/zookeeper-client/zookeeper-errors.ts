// What a failed ZooKeeper operation means, read from node-zookeeper-client's error codes.
import { Exception } from 'node-zookeeper-client';

export function codeOf(error: unknown): number | undefined {
  return (error as { getCode?: () => number } | null)?.getCode?.();
}

export function isNoNode(error: unknown): boolean {
  return codeOf(error) === Exception.NO_NODE;
}

export function isNodeExists(error: unknown): boolean {
  return codeOf(error) === Exception.NODE_EXISTS;
}

export function isNoAuth(error: unknown): boolean {
  return codeOf(error) === Exception.NO_AUTH;
}

/** Connection loss and expiry end in a change of the session's state: its listeners act on them, not the caller. */
export function isConnectionProblem(error: unknown): boolean {
  const code = codeOf(error);
  return code === Exception.CONNECTION_LOSS || code === Exception.SESSION_EXPIRED;
}
