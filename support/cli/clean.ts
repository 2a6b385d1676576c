// `npm run clean`: removes every zkharness container and network (live runs included) and every zkharness image.
import { execFileSync } from 'node:child_process';
import { sweep } from '../docker/sweep';

async function main(): Promise<void> {
  const swept = await sweep({ all: true });
  console.log(`[clean] removed ${swept.containers} containers and ${swept.networks} networks`);
  const images = execFileSync('docker', ['image', 'ls', '--filter', 'label=zkharness', '--format', '{{.Repository}}:{{.Tag}}']).toString().split('\n').filter((i) => i && !i.includes('<none>'));
  for (const image of images) execFileSync('docker', ['rmi', '-f', image], { stdio: 'ignore' });
  console.log(`[clean] removed ${images.length} images`);
}

main().catch((e) => {
  console.error(`[clean] ${(e as Error).message}`);
  process.exit(1);
});
