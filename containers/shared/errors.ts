// Typed errors, each message one sentence that says what happened and what to do.

export class ZkharnessError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class DockerUnavailableError extends ZkharnessError {
  constructor(engine: string, detail: string, local = true) {
    super(local
      ? `No Docker engine answers at ${engine} (${detail}): run \`npm run setup\` as root, or start Docker, then try again.`
      : `No Docker engine answers at ${engine} (${detail}): start that engine or point DOCKER_HOST at one that runs, then try again.`);
  }
}

export class ImageBuildError extends ZkharnessError {
  constructor(readonly image: string, readonly failingStep: string, readonly logTail: string) {
    super(`Building image ${image} failed at ${failingStep}:\n${logTail}`);
  }
}

export class DeadlineExceededError extends ZkharnessError {
  constructor(readonly what: string, readonly waitedMs: number, readonly lastSeen: string) {
    super(`Waited ${formatMs(waitedMs)} for ${what}, but it did not happen; last seen: ${lastSeen}.`);
  }
}

export class ConditionBrokenError extends ZkharnessError {
  constructor(readonly what: string, readonly heldMs: number, readonly seen: string) {
    super(`Expected ${what} to hold, but after ${formatMs(heldMs)} it did not: ${seen}.`);
  }
}

export class UnknownNameError extends ZkharnessError {
  constructor(name: string, kind: string, known: readonly string[]) {
    super(`${name} is not ${kind} (${known.length ? known.join(', ') : 'none exist'}).`);
  }
}

export class NoRoleHolderError extends ZkharnessError {
  constructor(role: string, seen: string) {
    super(`Nobody is ${role} right now (${seen}).`);
  }
}

export class SettingError extends ZkharnessError {}

export function formatMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}
