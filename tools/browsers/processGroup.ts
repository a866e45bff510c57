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
const killAll = () => {
  for (const child of running) signalGroup(child, 'SIGKILL');
};
// A worker that exits, or is interrupted, without its afterAll must not leave Xvfb or a browser
// behind. (Nothing can be done on SIGKILL.) The signal handlers live only while a group runs, and
// re-raise the signal when they are its only handler, so its default action still happens.
process.on('exit', killAll);
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const onSignal = (signal: NodeJS.Signals) => {
  killAll();
  running.clear();
  unwatch();
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
};
const watch = () => running.size === 1 && SIGNALS.forEach((s) => process.on(s, onSignal));
const unwatch = () => SIGNALS.forEach((s) => process.off(s, onSignal));

function forget(child: ChildProcess) {
  running.delete(child);
  if (running.size === 0) unwatch();
}

/**
 * Takes a process someone else started in a group of its own (puppeteer's Firefox) into the same
 * clean-up on exit and on signals; returns the release, for when it has been closed normally.
 */
export function adoptGroup(child: ChildProcess): () => void {
  running.add(child);
  watch();
  return () => forget(child);
}

export function startGroup(command: string, args: string[], options: SpawnOptions = {}): ProcessGroup {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options, detached: true });
  running.add(child);
  watch();
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
      if (child.pid === undefined) return forget(child);
      signalGroup(child, 'SIGTERM');
      const exited = gone(child) ? Promise.resolve() : new Promise<void>((ok) => child.once('exit', () => ok()));
      await Promise.race([exited, new Promise((ok) => setTimeout(ok, grace))]);
      // The leader may be gone while helpers it started (WebKit's web and network processes) are not.
      signalGroup(child, 'SIGKILL');
      forget(child);
    },
  };
}
