// slow-disk: every fsync / fdatasync of one member takes the time asked (ZooKeeper syncs its transaction log
// once per group commit), changed at run time through the preloaded disk-faults shim.
import { FaultKind, phrasing } from '../fault-kind';
import { MemberRef, describeMemberRef } from '../../fleet/targets';
import { diskFault } from '../disk-faults';

export const slowDisk: FaultKind = {
  kind: 'slow-disk',
  family: 'disk',
  colour: '#ff8a65',
  phrasings: [
    phrasing("{member}'s disk becomes slow \\(each fsync takes {duration})", (ref: MemberRef, ms: number) => `${describeMemberRef(ref)}'s disk becomes slow (each fsync takes ${ms} ms)`,
      async (ctx, ref: MemberRef, ms: number) => diskFault(ctx, ref, 'slow-disk', String(Math.round(ms)), { fsyncMs: ms })),
  ],
};
