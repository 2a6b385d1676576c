// The vocabulary's domain words as cucumber parameter types.
import { defineParameterType } from '@cucumber/cucumber';
import { parseDuration, DURATION_PATTERN } from '../timing/duration';
import { SCHEDULE_WORDS_PATTERN } from '../faults/schedule/random-schedule';
import { MEMBER_PATTERN, parseMemberRef, NODE_PATTERN, parseNodeRef, NODE_LIST_PATTERN, parseNodeList } from '../fleet/targets';

defineParameterType({ name: 'duration', regexp: DURATION_PATTERN, transformer: parseDuration });
defineParameterType({ name: 'member', regexp: MEMBER_PATTERN, transformer: parseMemberRef });
defineParameterType({ name: 'node', regexp: NODE_PATTERN, transformer: parseNodeRef });
defineParameterType({ name: 'nodes', regexp: NODE_LIST_PATTERN, transformer: parseNodeList });
defineParameterType({ name: 'fault words', regexp: SCHEDULE_WORDS_PATTERN, transformer: (s: string) => s });
