// Whether a run was the whole suite (what `npm test` runs) or a selection of it. A selection's overhead is no
// figure of the suite's: one fleet build over 3 scenarios reads as 69%, so the bench must not judge #18's goal on it.

/** cucumber-js options that take a value (the value is not a feature path). */
const VALUED = new Set(['--profile', '-p', '--tags', '-t', '--name', '-n', '--format', '-f', '--format-options', '--parallel', '--world-parameters',
  '--retry', '--retry-tag-filter', '--order', '--require', '-r', '--require-module', '--import', '-i', '--language', '--i18n-keywords', '--config', '-c', '--shard']);
/** Profiles that run what `npm test` runs (cucumber.js). */
const WHOLE_SUITE_PROFILES = new Set(['default', 'ci']);

/** null for the whole suite; otherwise what selected the run's scenarios, as given. */
export function runSelection(args: readonly string[]): string | null {
  const chosen: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!flag.startsWith('-')) {
      chosen.push(flag);
      continue;
    }
    if (!VALUED.has(flag)) continue;
    const value = inline ?? args[++i] ?? '';
    if (['--tags', '-t', '--name', '-n', '--shard'].includes(flag)) chosen.push(`${flag} ${value}`);
    if (['--profile', '-p'].includes(flag) && !WHOLE_SUITE_PROFILES.has(value)) chosen.push(`${flag} ${value}`);
  }
  return chosen.length ? chosen.join(' ') : null;
}
