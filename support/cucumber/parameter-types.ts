// The vocabulary's domain words as cucumber parameter types.
import { defineParameterType } from '@cucumber/cucumber';
import { parseDuration, DURATION_PATTERN } from '../timing/duration';
import { MEMBER_PATTERN, parseMemberRef } from '../fleet/targets';

defineParameterType({ name: 'duration', regexp: DURATION_PATTERN, transformer: parseDuration });
defineParameterType({ name: 'member', regexp: MEMBER_PATTERN, transformer: parseMemberRef });
