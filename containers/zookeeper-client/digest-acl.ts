// ZooKeeper ACLs for the fleet: open znodes, and the operator's digest identity that alone may change
// /fleet/config (DESIGN.md: anyone may read it, only `operator` may write it).
import { createHash } from 'node:crypto';
import * as zookeeper from 'node-zookeeper-client';

export const OPERATOR_USER = 'operator';

export interface OperatorCredentials {
  readonly user: string;
  readonly password: string;
}

/** ZooKeeper's digest form of `user:password`: base64(sha1(...)). */
export function digestOf(c: OperatorCredentials): string {
  return `${c.user}:${createHash('sha1').update(`${c.user}:${c.password}`).digest('base64')}`;
}

/** Anyone may read; only the operator may write, create, delete or change ACLs. */
export function operatorAcl(c: OperatorCredentials): zookeeper.ACL[] {
  return [
    new zookeeper.ACL(zookeeper.Permission.READ, new zookeeper.Id('world', 'anyone')),
    new zookeeper.ACL(zookeeper.Permission.ALL, new zookeeper.Id('digest', digestOf(c))),
  ];
}

/** Anyone may do anything: what a znode gets unless its creator says otherwise. */
export const OPEN_ACL: readonly zookeeper.ACL[] = [new zookeeper.ACL(zookeeper.Permission.ALL, new zookeeper.Id('world', 'anyone'))];
