// The shell a nemesis sidecar keeps open: its PID 1 is `sh` reading commands on stdin, and the harness holds one
// attached stream to it for the sidecar's life. A command costs 1-20 ms this way; a `docker exec` costs 100-150 ms
// here (create, start, inspect: three engine calls and a new process), which alone would miss the 100 ms a
// network fault may take to apply.
import { randomBytes } from 'node:crypto';
import { PassThrough, Duplex } from 'node:stream';
import { engine } from '../shared/engine';

export interface ShellResult {
  readonly exitCode: number;
  readonly output: string;
}

/**
 * How commands and their results travel over one byte stream. Each command runs in a subshell (an `exit` in it
 * ends only the subshell) with stdin from /dev/null (a command that reads stdin would otherwise eat the commands
 * after it), its stderr joined to stdout, and is followed by a line carrying a marker no output will contain: this
 * shell's nonce, the command's number and its exit code. Results are matched by number, so one given up on
 * (timed out) cannot be taken for the next one's.
 */
export class ShellFraming {
  private buffer = '';
  private readonly marker: string;

  constructor(nonce: string) {
    this.marker = `@@zkh-${nonce}`;
  }

  /** The text to write for command number `id`. */
  encode(id: number, command: string): string {
    if (command.includes('\n')) throw new Error(`a sidecar shell command must be one line: ${JSON.stringify(command)}`);
    return `( ${command} ) </dev/null 2>&1; printf '\\n${this.marker}-%s %s\\n' ${id} $?\n`;
  }

  /** Takes the next bytes of output; answers every result completed by them, in order. */
  feed(chunk: string): { id: number; result: ShellResult }[] {
    this.buffer += chunk;
    const done: { id: number; result: ShellResult }[] = [];
    const pattern = new RegExp(`\\n${this.marker}-(\\d+) (\\d+)\\n`);
    for (let m = pattern.exec(this.buffer); m; m = pattern.exec(this.buffer)) {
      done.push({ id: Number(m[1]), result: { exitCode: Number(m[2]), output: this.buffer.slice(0, m.index) } });
      this.buffer = this.buffer.slice(m.index + m[0].length);
    }
    return done;
  }
}

export class SidecarShell {
  private readonly framing = new ShellFraming(randomBytes(8).toString('hex'));
  private readonly pending = new Map<number, { resolve: (r: ShellResult) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  private nextId = 1;
  private closedBecause: string | null = null;

  private constructor(private readonly name: string, private readonly stream: Duplex, output: PassThrough) {
    output.on('data', (chunk: Buffer) => {
      for (const { id, result } of this.framing.feed(chunk.toString('utf8'))) {
        const waiter = this.pending.get(id);
        if (!waiter) continue; // given up on: its caller has already been told
        this.pending.delete(id);
        clearTimeout(waiter.timer);
        waiter.resolve(result);
      }
    });
    const end = (why: string) => this.fail(`the shell of ${this.name} ${why}`);
    stream.on('end', () => end('closed its stream'));
    stream.on('close', () => end('closed its stream'));
    stream.on('error', (e: Error) => end(`failed: ${e.message}`));
  }

  /** Attaches to the running container `id`, created with its stdin open and `sh` as its command. */
  static async attach(id: string, name: string): Promise<SidecarShell> {
    const docker = await engine();
    const stream = (await docker.getContainer(id).attach({ stream: true, stdin: true, stdout: true, stderr: true, hijack: true })) as unknown as Duplex;
    const output = new PassThrough();
    docker.modem.demuxStream(stream, output, output);
    const shell = new SidecarShell(name, stream, output);
    // Nothing else proves the shell reads its stdin: a sidecar whose command is not a shell would hang every fault.
    const hello = await shell.run('echo ready', 10_000);
    if (hello.output.trim() !== 'ready') throw new Error(`the shell of ${name} answered ${JSON.stringify(hello.output)} to echo`);
    return shell;
  }

  /** Runs one line of shell in the sidecar; rejects when no result comes within `timeoutMs`. */
  run(command: string, timeoutMs = 20_000): Promise<ShellResult> {
    if (this.closedBecause) return Promise.reject(new Error(this.closedBecause));
    const id = this.nextId++;
    return new Promise<ShellResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`the shell of ${this.name} gave no result within ${timeoutMs} ms for \`${command}\``));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.stream.write(this.framing.encode(id, command));
    });
  }

  /** Lets go of the stream; the shell keeps running until its container is removed. */
  close(): void {
    this.fail(`the shell of ${this.name} was closed`);
    this.stream.destroy();
  }

  private fail(why: string): void {
    this.closedBecause ??= why;
    for (const [id, waiter] of this.pending) {
      clearTimeout(waiter.timer);
      this.pending.delete(id);
      waiter.reject(new Error(why));
    }
  }
}
