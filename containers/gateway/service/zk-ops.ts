import { Exception } from 'node-zookeeper-client';
import type { Client, Watcher } from 'node-zookeeper-client';

/** Promise forms of the three reads the gateway makes; a missing znode answers null instead of failing. */

export function getChildren(client: Client, path: string, watcher: Watcher): Promise<string[] | null> {
  return new Promise((resolve, reject) => {
    client.getChildren(path, watcher, (error, children) => {
      if (error === null) resolve(children);
      else if (isNoNode(error)) resolve(null);
      else reject(error);
    });
  });
}

export function getData(client: Client, path: string, watcher: Watcher | undefined): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    client.getData(path, watcher, (error, data) => {
      if (error === null) resolve(data ?? Buffer.alloc(0));
      else if (isNoNode(error)) resolve(null);
      else reject(error);
    });
  });
}

export function exists(client: Client, path: string, watcher: Watcher): Promise<boolean> {
  return new Promise((resolve, reject) => {
    client.exists(path, watcher, (error, stat) => {
      if (error === null) resolve(stat !== null);
      else reject(error);
    });
  });
}

function codeOf(error: unknown): number | undefined {
  return error instanceof Exception ? error.getCode() : undefined;
}

export function isNoNode(error: unknown): boolean {
  return codeOf(error) === Exception.NO_NODE;
}

/** Connection loss and expiry are handled by the session's state changes, not by the caller of a read. */
export function isConnectionProblem(error: unknown): boolean {
  const code = codeOf(error);
  return code === Exception.CONNECTION_LOSS || code === Exception.SESSION_EXPIRED;
}
