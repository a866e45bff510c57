// The laptop's file descriptors: connections that send nothing, and more connections than it holds.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { guardConnections } from '../../../server/connections.mjs';
import { sleep } from '../../support/hall';

const servers: http.Server[] = [];
const sockets: net.Socket[] = [];
afterEach(async () => {
  sockets.splice(0).forEach((s) => s.destroy());
  await Promise.all(servers.splice(0).map((s) => new Promise((ok) => (s.closeAllConnections(), s.close(ok)))));
});

/** A server that answers `/` at once and holds `/hold` open (a stream), guarded with `max` and `firstRequestMs`. */
async function serve(max: number, firstRequestMs: number) {
  const server = http.createServer((req, res) => {
    if (req.url === '/hold') res.writeHead(200).write('held\n');
    else res.end('ok');
  });
  const guard = guardConnections(server, { max, firstRequestMs });
  servers.push(server);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { port: (server.address() as AddressInfo).port, guard };
}

/** A socket that connects and sends nothing; `closed` resolves when the server lets it go. */
function idle(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  sockets.push(socket);
  socket.on('error', () => {});
  let text = '';
  socket.on('data', (c) => (text += c));
  const closed = new Promise<number>((ok) => socket.on('close', () => ok(performance.now())));
  return { socket, closed, text: () => text };
}

const get = (port: number, path = '/') =>
  new Promise<{ status: number; body: string }>((ok, fail) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.on('data', (c) => {
        body += c;
        if (path === '/hold') ok({ status: res.statusCode ?? 0, body });
      });
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
  });

describe('connections', () => {
  it('one that sends nothing is closed when its time for a first request is up; one that asked is not', async () => {
    const { port, guard } = await serve(100, 300);
    const t0 = performance.now();
    const quiet = idle(port);
    const asked = await get(port, '/hold');
    expect(asked).toEqual({ status: 200, body: 'held\n' });
    const closedAt = await quiet.closed;
    expect(closedAt - t0).toBeGreaterThanOrEqual(290);
    expect(closedAt - t0).toBeLessThan(2000);
    await sleep(400);
    expect(guard.open).toBe(1); // the stream that asked stays
  });

  it('past the cap, a newcomer closes the oldest connection still waiting for its first request', async () => {
    const { port, guard } = await serve(5, 60_000);
    const pile = Array.from({ length: 5 }, () => idle(port));
    await expect.poll(() => guard.open).toBe(5);
    const page = await get(port); // a phone's page load, past a pile of idle sockets
    expect(page).toEqual({ status: 200, body: 'ok' });
    await pile[0].closed; // the oldest made way
    expect(guard.open).toBeLessThanOrEqual(5);
    expect(guard.refused).toBe(0);
  });

  it('past the cap with every connection busy, a newcomer gets a 503 that says why, and is closed', async () => {
    const { port, guard } = await serve(2, 60_000);
    await Promise.all([get(port, '/hold'), get(port, '/hold')]);
    const late = idle(port);
    await late.closed;
    expect(late.text()).toMatch(/^HTTP\/1\.1 503 Service Unavailable\r\n/);
    expect(late.text()).toMatch(/Retry-After: 5\r\n/);
    expect(late.text()).toContain('all the connections it can hold');
    expect(guard.refused).toBe(1);
  });
});
