// Shared by the hall tests: a fixture site, the real CLI as a child process, a reconnecting
// Server-Sent Events client (what a browser's EventSource does), raw HTTP. 127.0.0.1 only.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const KEY = 'test-key-0123456789abcdef';
export const SLIDES = 5;

/** A built site in miniature, in a temp folder, with a secret beside it that must never be served. */
export function makeSite(): { dir: string; site: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'hall-'));
  const site = join(dir, 'site');
  const files: Record<string, string> = {
    'index.html': '<!doctype html><html lang="zh-CN"><head><title>zh</title></head><body>中文</body></html>',
    'en/index.html': '<!doctype html><html lang="en"><head><title>en</title></head><body>English</body></html>',
    'assets/x-abc.js': 'console.log("x");\n',
    'data/deck.json': JSON.stringify({ slides: SLIDES }),
    '.env': 'SECRET=dotfile',
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(site, name)), { recursive: true });
    writeFileSync(join(site, name), text);
  }
  writeFileSync(join(dir, 'secret.txt'), 'SECRET=outside');
  return { dir, site, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Hall {
  proc: ChildProcess;
  /** Its state folder */
  state: string;
  port: number;
  base: string;
  lines: string[];
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const started = new Set<ChildProcess>();

/** Kills every hall a test started and did not stop: a failed assertion must not leave one running. */
export function killAll() {
  for (const proc of started) proc.kill('SIGKILL');
  started.clear();
}

/** A state folder of its own for a hall (never the repository's `.hall/`), removed when the test process ends. */
export function stateDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hall-state-'));
  if (stateDirs.length === 0) process.once('exit', () => stateDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  stateDirs.push(dir);
  return dir;
}
const stateDirs: string[] = [];

/**
 * Starts `node <script>` and waits for its four URL lines; the 127.0.0.1 lines give the port. Its
 * state folder is a fresh one unless `env.HALL_STATE` names one; `openFiles` starts it under
 * `ulimit -n`.
 */
export function startHall(env: Record<string, string>, script = join(ROOT, 'server', 'hall.mjs'), cwd = ROOT, openFiles?: number): Promise<Hall> {
  const vars = { PATH: process.env.PATH, PORT: '0', HALL_KEY: KEY, HALL_STATE: env.HALL_STATE ?? stateDir(), ...env };
  const proc = openFiles
    ? spawn('bash', ['-c', `ulimit -n ${openFiles} && exec "$0" "$1"`, process.execPath, script], { cwd, env: vars, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, [script], { cwd, env: vars, stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(proc);
  proc.on('exit', () => started.delete(proc));
  let out = '';
  let err = '';
  proc.stderr!.on('data', (c) => (err += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    proc.on('exit', (code, signal) => done({ code, signal })),
  );
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`no URL lines in 10 s; stderr: ${err}`)), 10_000);
    void exited.then(({ code }) => fail(new Error(`exited ${code} before listening; stderr: ${err}`)));
    proc.stdout!.on('data', (c) => {
      out += c;
      const lines = out.split('\n').filter(Boolean);
      if (lines.length < 4) return;
      clearTimeout(timer);
      const local = lines[2].match(/^audience: http:\/\/127\.[\d.]+:(\d+)\/\?mode=follow$/);
      if (!local) return fail(new Error(`unexpected line: ${lines[2]}`));
      const port = Number(local[1]);
      ok({ proc, state: vars.HALL_STATE, port, base: `http://${new URL(lines[2].slice('audience: '.length)).hostname}:${port}`, lines, stderr: () => err, exited });
    });
  });
}

export interface SseEvent {
  id: string;
  event: string;
  data: string;
}

/** A follower as a browser's EventSource runs it: reconnects after `retry` ms, sends Last-Event-ID. */
export class Follower {
  events: SseEvent[] = [];
  statuses: number[] = [];
  comments = 0;
  /** Streams that ended (by the server, the network or close()). */
  closes = 0;
  retry = 1000;
  lastId = '';
  private req?: http.ClientRequest;
  private closed = false;

  /** Received when, by this process's clock (performance.now()), one a slide event */
  at: number[] = [];

  constructor(
    readonly url: string,
    readonly reconnect = true,
    /** The address it connects from (127.0.0.x: another phone to the hall) */
    readonly localAddress?: string,
  ) {
    this.connect();
  }

  private connect() {
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (this.lastId) headers['last-event-id'] = this.lastId;
    let ended = false;
    const again = () => {
      if (ended) return;
      ended = true;
      this.closes += 1;
      if (this.closed || !this.reconnect) return;
      setTimeout(() => this.closed || this.connect(), this.retry);
    };
    this.req = http.get(this.url, { headers, agent: false, localAddress: this.localAddress }, (res) => {
      this.statuses.push(res.statusCode ?? 0);
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
          this.block(buffer.slice(0, i));
          buffer = buffer.slice(i + 2);
        }
      });
      res.on('close', again);
    });
    this.req.on('error', again);
  }

  private block(text: string) {
    const e: SseEvent = { id: '', event: 'message', data: '' };
    let isEvent = false;
    for (const line of text.split('\n')) {
      const [field, ...rest] = line.split(': ');
      const value = rest.join(': ');
      if (line.startsWith(':')) this.comments += 1;
      else if (field === 'retry') this.retry = Number(value);
      else if (field === 'id') e.id = this.lastId = value;
      else if (field === 'event') e.event = value;
      else if (field === 'data') (e.data = value), (isEvent = true);
    }
    if (isEvent) {
      this.events.push(e);
      this.at.push(performance.now());
    }
  }

  /** The slides received, in order (the hall's `waiting` events left out). */
  get slides(): { index: number; black: boolean }[] {
    return this.events.filter((e) => e.event === 'slide').map((e) => JSON.parse(e.data));
  }

  /** The slide it shows now (a follower keeps its last through a `waiting`), or null before any. */
  get shown(): { index: number; black: boolean } | null {
    return this.slides.at(-1) ?? null;
  }

  /** Resolves once `count` events have arrived. */
  async waitFor(count: number, timeoutMs = 5000): Promise<SseEvent> {
    const end = Date.now() + timeoutMs;
    while (this.events.length < count) {
      if (Date.now() > end) throw new Error(`${this.events.length} of ${count} events in ${timeoutMs} ms`);
      await sleep(10);
    }
    return this.events[count - 1];
  }

  close() {
    this.closed = true;
    this.req?.destroy();
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A publish as the speaker view sends it; the status. */
export async function publish(base: string, body: string, headers: Record<string, string> = {}): Promise<number> {
  const res = await fetch(`${base}/hall/publish`, {
    method: 'POST',
    headers: { 'x-hall-key': KEY, 'content-type': 'application/json', ...headers },
    body,
  });
  await res.arrayBuffer();
  return res.status;
}

export async function state(base: string): Promise<{ index: number; black: boolean }> {
  return (await fetch(`${base}/hall/state`)).json();
}

/** The hall's count of accepted publishes (its `X-Hall-Seq`). */
export async function seqOf(base: string): Promise<number> {
  const res = await fetch(`${base}/hall/state`);
  await res.arrayBuffer();
  return Number(res.headers.get('x-hall-seq'));
}

/** A publish as the speaker view sends it, with the next `seq`: the status. */
export async function move(base: string, index: number, black = false, headers: Record<string, string> = {}): Promise<number> {
  return publish(base, JSON.stringify({ index, black, seq: (await seqOf(base)) + 1 }), headers);
}

/** Bytes on the wire, unnormalised (fetch would resolve `..`): the status line and the rest. */
export function raw(port: number, request: string | Buffer): Promise<{ status: number; text: string }> {
  return new Promise((ok, fail) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (c) => (text += c));
    socket.on('error', fail);
    socket.on('close', () => ok({ status: Number(text.split(' ')[1]), text }));
  });
}
