import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { batchCommand, deleteEachCommand } from './iptables-batch';

const rules = [['OUTPUT', '-d', '10.0.0.2', '-j', 'DROP'], ['INPUT', '-s', '10.0.0.2', '-m', 'mark', '!', '--mark', '0x2/0x2', '-j', 'NFQUEUE', '--queue-num', '7']];

test('a batch is one line that hands iptables-restore the filter table\'s changes and a commit', () => {
  const command = batchCommand('-A', rules);
  assert.ok(!command.includes('\n'));
  // What the shell hands iptables-restore: run the printf half through a real sh.
  const fed = execFileSync('sh', ['-c', command.replace(/ \| iptables-restore --noflush$/, '')]).toString();
  assert.equal(fed, '*filter\n-A OUTPUT -d 10.0.0.2 -j DROP\n-A INPUT -s 10.0.0.2 -m mark ! --mark 0x2/0x2 -j NFQUEUE --queue-num 7\nCOMMIT\n');
  assert.match(batchCommand('-D', rules), /'-D OUTPUT -d 10\.0\.0\.2 -j DROP'.* \| iptables-restore --noflush$/);
});

test('a rule that would break the quoting is refused, not run', () => {
  assert.throws(() => batchCommand('-A', [['OUTPUT', '-m', 'comment', '--comment', "it's", '-j', 'DROP']]), /cannot hold a quote/);
});

test('the one-at-a-time delete tries every rule and fails if any failed', () => {
  const command = deleteEachCommand(rules.slice(0, 1));
  assert.equal(command, 'failed=0; iptables -D OUTPUT -d 10.0.0.2 -j DROP || failed=1; exit $failed');
});
