// full-disk: every write under one member's data directory fails with ENOSPC (the disk-faults shim), so the
// member behaves as on a full disk, and still does after a restart, until its disk is healthy again.
import { FaultKind, phrasing } from '../fault-kind';
import { MemberRef, describeMemberRef } from '../../fleet/targets';
import { diskFault } from '../disk-faults';

export const fullDisk: FaultKind = {
  kind: 'full-disk',
  family: 'disk',
  colour: '#e64a19',
  phrasings: [
    phrasing("{member}'s disk is full", (ref: MemberRef) => `${describeMemberRef(ref)}'s disk is full`,
      async (ctx, ref: MemberRef) => diskFault(ctx, ref, 'full-disk', '1', {})),
  ],
};
