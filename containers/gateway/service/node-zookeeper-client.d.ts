// The subset of node-zookeeper-client 1.1.3 the gateway uses; the package ships no types.
declare module 'node-zookeeper-client' {
  import { EventEmitter } from 'events';

  export class State {
    static readonly DISCONNECTED: State;
    static readonly SYNC_CONNECTED: State;
    static readonly AUTH_FAILED: State;
    static readonly CONNECTED_READ_ONLY: State;
    static readonly SASL_AUTHENTICATED: State;
    static readonly EXPIRED: State;
    readonly name: string;
    readonly code: number;
    getName(): string;
    getCode(): number;
  }

  export class Event {
    static readonly NODE_CREATED: number;
    static readonly NODE_DELETED: number;
    static readonly NODE_DATA_CHANGED: number;
    static readonly NODE_CHILDREN_CHANGED: number;
    readonly type: number;
    readonly name: string;
    readonly path: string;
    getType(): number;
    getName(): string;
    getPath(): string;
  }

  export class Exception extends Error {
    static readonly OK: number;
    static readonly CONNECTION_LOSS: number;
    static readonly NO_NODE: number;
    static readonly NODE_EXISTS: number;
    static readonly SESSION_EXPIRED: number;
    readonly code: number;
    getCode(): number;
    getName(): string;
    getPath(): string | undefined;
  }

  export interface Stat {
    readonly version: number;
    readonly ephemeralOwner: Buffer;
  }

  export interface ClientOptions {
    sessionTimeout?: number;
    spinDelay?: number;
    retries?: number;
  }

  export type Watcher = (event: Event) => void;

  export const CreateMode: {
    readonly PERSISTENT: number;
    readonly PERSISTENT_SEQUENTIAL: number;
    readonly EPHEMERAL: number;
    readonly EPHEMERAL_SEQUENTIAL: number;
  };

  export class Client extends EventEmitter {
    connect(): void;
    close(): void;
    getState(): State;
    getSessionTimeout(): number;
    getSessionId(): Buffer;
    getChildren(path: string, watcher: Watcher | undefined, callback: (error: Error | null, children: string[], stat: Stat) => void): void;
    getData(path: string, watcher: Watcher | undefined, callback: (error: Error | null, data: Buffer | null, stat: Stat) => void): void;
    exists(path: string, watcher: Watcher | undefined, callback: (error: Error | null, stat: Stat | null) => void): void;
    create(path: string, data: Buffer | null, mode: number, callback: (error: Error | null, path: string) => void): void;
    setData(path: string, data: Buffer | null, version: number, callback: (error: Error | null, stat: Stat) => void): void;
    remove(path: string, version: number, callback: (error: Error | null) => void): void;
    mkdirp(path: string, callback: (error: Error | null, path: string) => void): void;
    on(event: 'state', listener: (state: State) => void): this;
    removeListener(event: 'state', listener: (state: State) => void): this;
  }

  export function createClient(connectionString: string, options?: ClientOptions): Client;
}
