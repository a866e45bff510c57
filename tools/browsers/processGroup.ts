import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/** A process started in a group of its own, so that killing it takes along whatever it started. */
export interface ProcessGroup {
  child: ChildProcess;
  /** Output so far (stdout and stderr), for error messages. */
  output(): string;
  /** SIGTERM to the whole group, SIGKILL after `grace` ms if anything is left. */
  kill(grace?: number): Promise<void>;
}

const running = new Set<ChildProcess>();
const gone = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;
const signalGroup = (child: ChildProcess, signal: NodeJS.Signals) => {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // the group is already gone
  }
};
// A worker that dies without its afterAll must not leave Xvfb or a browser behind.
process.on('exit', () => {
  for (const child of running) signalGroup(child, 'SIGKILL');
});

export function startGroup(command: string, args: string[], options: SpawnOptions = {}): ProcessGroup {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options, detached: true });
  running.add(child);
  let output = '';
  const keep = (b: Buffer) => {
    output = (output + b.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('error', (e) => keep(Buffer.from(`${e.message}\n`)));
  return {
    child,
    output: () => output,
    async kill(grace = 2000) {
      if (child.pid === undefined) return void running.delete(child);
      signalGroup(child, 'SIGTERM');
      const exited = gone(child) ? Promise.resolve() : new Promise<void>((ok) => child.once('exit', () => ok()));
      await Promise.race([exited, new Promise((ok) => setTimeout(ok, grace))]);
      // The leader may be gone while helpers it started (WebKit's web and network processes) are not.
      signalGroup(child, 'SIGKILL');
      running.delete(child);
    },
  };
}
