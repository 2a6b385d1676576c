// Setup's last step: every image the fleet runs, each built only when its recipe changed.
import { ensureImage } from '../images/image-builder';
import { ImageName } from '../images/image-recipes';
import { ZkharnessError } from '../../containers/shared/errors';

const ORDER: ImageName[] = ['base', 'zookeeper', 'web-node', 'gateway', 'nemesis'];

function main(): void {
  const only = process.argv.slice(2) as ImageName[];
  for (const name of only.length ? only : ORDER) {
    process.stdout.write(`[setup] image ${name.padEnd(38)}`);
    try {
      const outcome = ensureImage(name);
      const removed = outcome.removedTags.length ? `, removed ${outcome.removedTags.join(' ')}` : '';
      console.log(` ${(outcome.ms / 1000).toFixed(1).padStart(6)} s  ${outcome.action}: ${outcome.reference}${removed}`);
    } catch (e) {
      console.log('');
      console.error(`[setup] FAILED: ${e instanceof ZkharnessError ? e.message : (e as Error).stack}`);
      process.exit(1);
    }
  }
}

main();
