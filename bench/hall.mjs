// npm run bench:hall: the venue server's fan-out, over loopback only. For each N it starts the
// server (a child process, PORT=0, a fixture site), opens N Server-Sent Events followers with plain
// http clients, publishes 50 moves 200 ms apart and times publish -> receive for every follower and
// every move; it reads the server's memory and CPU from /proc. Writes bench/hall-latest.json.
// Not a test and not in CI. BENCH_HALL_N=500,1000 picks the sizes; each is run BENCH_HALL_RUNS
// times (3) and the run with the median p95 is reported, as the machine is shared and noisy.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openFileLimit } from '../server/openFileLimit.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SIZES = (process.env.BENCH_HALL_N || '500,1000,2000,5000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_HALL_RUNS || 3);
const MOVES = 50;
const SPACING_MS = 200;
const KEY = 'bench-key-0123456789abcdef';
const TICK = 100; // clock ticks a second (Linux's USER_HZ)

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

function serverUsage(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1]);
  // Fields after the ")" of the command name: utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024, cpuS: (Number(fields[11]) + Number(fields[12])) / TICK };
}

function makeSite() {
  const dir = mkdtempSync(join(tmpdir(), 'hall-bench-'));
  for (const [name, text] of Object.entries({
    'index.html': '<!doctype html><html><head><title>bench</title></head><body></body></html>',
    'data/deck.json': JSON.stringify({ slides: MOVES + 10 }),
  })) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function startServer(site, n, state) {
  const proc = spawn(process.execPath, [join(ROOT, 'server', 'hall.mjs')], {
    env: { PATH: process.env.PATH, PORT: '0', HALL_KEY: KEY, HALL_SITE: site, HALL_STATE: state, HALL_MAX_FOLLOWERS: String(n + 100) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((ok, fail) => {
    let out = '';
    let err = '';
    proc.stderr.on('data', (c) => (err += c));
    proc.on('exit', (code) => fail(new Error(`server exited ${code}: ${err}`)));
    proc.stdout.on('data', (c) => {
      out += c;
      const m = /audience: http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) ok({ proc, port: Number(m[1]) });
    });
  });
}

/** The i-th follower's own address: the hall holds at most 8 streams a device, so each is another phone. */
const phoneAddress = (i) => `127.1.${Math.floor(i / 250)}.${(i % 250) + 1}`;

/** One follower: records, per move, when its event arrived (performance.now()). */
function follow(port, received, i) {
  return new Promise((ok, fail) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/hall/events', agent: false, localAddress: phoneAddress(i) }, (res) => {
      if (res.statusCode !== 200) return fail(new Error(`follower got ${res.statusCode}`));
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk) => {
        const now = performance.now();
        buffer += chunk;
        for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
          const seq = /^id: (\d+)$/m.exec(buffer.slice(0, i))?.[1];
          buffer = buffer.slice(i + 2);
          if (seq === undefined) continue;
          if (seq === '0') ok(req);
          else received[Number(seq) - 1].push(now);
        }
      });
    });
    req.on('error', fail);
  });
}

function publish(port, index) {
  return new Promise((ok, fail) => {
    const body = JSON.stringify({ index, black: false, seq: index });
    const req = http.request(
      { host: '127.0.0.1', port, path: '/hall/publish', method: 'POST', headers: { 'x-hall-key': KEY, 'content-type': 'application/json', 'content-length': body.length } },
      (res) => (res.resume(), res.statusCode === 204 ? ok(undefined) : fail(new Error(`publish got ${res.statusCode}`))),
    );
    req.on('error', fail);
    req.end(body);
  });
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function run(site, n) {
  const load = loadavg()[0];
  const state = mkdtempSync(join(tmpdir(), 'hall-bench-state-')); // a new hall each run, never the repo's .hall/
  const { proc, port } = await startServer(site, n, state);
  const idle = serverUsage(proc.pid);
  /** @type {number[][]} */
  const received = Array.from({ length: MOVES }, () => []);
  const t0 = performance.now();
  const followers = [];
  for (let i = 0; i < n; i += 100) {
    followers.push(...(await Promise.all(Array.from({ length: Math.min(100, n - i) }, (_, j) => follow(port, received, i + j)))));
  }
  const connectS = (performance.now() - t0) / 1000;
  await sleep(500);
  const connected = serverUsage(proc.pid);
  const sent = [];
  const clientCpu = process.cpuUsage();
  const movesStart = performance.now();
  for (let m = 0; m < MOVES; m++) {
    const due = movesStart + m * SPACING_MS;
    await sleep(Math.max(0, due - performance.now()));
    sent.push(performance.now());
    await publish(port, m + 1);
  }
  const deadline = performance.now() + 10_000;
  while (received.some((r) => r.length < n) && performance.now() < deadline) await sleep(20);
  const wallS = (performance.now() - movesStart) / 1000;
  const after = serverUsage(proc.pid);
  const client = process.cpuUsage(clientCpu);

  const latencies = received.flatMap((times, m) => times.map((t) => t - sent[m])).sort((a, b) => a - b);
  const lastPerMove = received.map((times, m) => Math.max(...times) - sent[m]).sort((a, b) => a - b);
  for (const req of followers) req.destroy();
  proc.kill('SIGINT');
  await new Promise((r) => proc.once('exit', r));
  rmSync(state, { recursive: true, force: true });
  return {
    followers: n,
    loadAvg1m: round(load, 2),
    samples: latencies.length,
    missed: n * MOVES - latencies.length,
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies.at(-1) ?? NaN),
    allReachedP50Ms: round(percentile(lastPerMove, 50)),
    connectS: round(connectS, 2),
    rssIdleMB: round(idle.rssMB),
    rssMB: round(after.rssMB),
    rssPeakMB: round(after.peakMB),
    cpuConnectS: round(connected.cpuS - idle.cpuS, 2),
    cpuMovesS: round(after.cpuS - connected.cpuS, 2),
    cpuMovesPct: round((100 * (after.cpuS - connected.cpuS)) / wallS),
    cpuPerFollowerMoveUs: round(((after.cpuS - connected.cpuS) * 1e6) / (n * MOVES)),
    clientCpuMovesS: round((client.user + client.system) / 1e6, 2),
  };
}

const limit = openFileLimit() ?? Infinity;
console.error(`open-file limit (ulimit -n): ${limit}`);
const site = makeSite();
const results = [];
try {
  for (const n of SIZES) {
    if (n + 200 > limit) {
      console.error(`skipping N=${n}: ulimit -n is ${limit}; raise it (ulimit -n ${n + 1000}) to run it`);
      continue;
    }
    const runs = [];
    for (let r = 0; r < RUNS; r++) {
      console.error(`N=${n}, run ${r + 1} of ${RUNS}…`);
      runs.push(await run(site, n));
    }
    const median = [...runs].sort((a, b) => a.p95Ms - b.p95Ms)[Math.floor(runs.length / 2)];
    results.push({ ...median, p95MsOfRuns: runs.map((r) => r.p95Ms), rssMBOfRuns: runs.map((r) => r.rssMB) });
  }
} finally {
  rmSync(site, { recursive: true, force: true });
}

const report = {
  date: new Date().toISOString().slice(0, 10),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, openFileLimit: limit },
  method: `median of ${RUNS} runs by p95; ${MOVES} moves ${SPACING_MS} ms apart; latency = publish sent -> event parsed by each follower (followers and publisher share this process and the machine with the server); CPU = the server's user+system time from /proc while the moves ran`,
  results,
};
writeFileSync(join(ROOT, 'bench', 'hall-latest.json'), `${JSON.stringify(report, null, 2)}\n`);
console.table(results.map((r) => ({
  N: r.followers,
  'p50 ms': r.p50Ms,
  'p95 ms': r.p95Ms,
  'p99 ms': r.p99Ms,
  'max ms': r.maxMs,
  'all in ms': r.allReachedP50Ms,
  missed: r.missed,
  'RSS MB': r.rssMB,
  'server CPU s': r.cpuMovesS,
  'µs/follower/move': r.cpuPerFollowerMoveUs,
  'client CPU s': r.clientCpuMovesS,
  'p95 of runs': r.p95MsOfRuns.join(' / '),
  load: r.loadAvg1m,
})));
