// @ts-check

const REFUSAL_TEXT = 'The hall server has all the connections it can hold; try again in a few seconds.\n';
const REFUSAL =
  'HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nCache-Control: no-store\r\n' +
  `Retry-After: 5\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(REFUSAL_TEXT)}\r\n\r\n${REFUSAL_TEXT}`;

/**
 * Keeps the laptop's file descriptors for the people in the room. Node times out a request whose
 * headers trickle in, but never a connection that sends nothing at all; here:
 * - a connection that has sent nothing within `firstRequestMs` is closed;
 * - at most `max` connections are open: a newcomer past that closes the oldest connection still
 *   waiting for its first request (a phone's page load gets in past a pile of idle sockets), and if
 *   every connection is busy, it is answered 503 and closed;
 * - TCP keep-alive on every connection, so that the kernel notices a peer gone quiet.
 * @param {import('node:http').Server} server
 * @param {{ max: number, firstRequestMs?: number, onRefuse?: () => void }} options
 */
export function guardConnections(server, { max, firstRequestMs = 10_000, onRefuse = () => {} }) {
  /** @type {Map<import('node:net').Socket, ReturnType<typeof setTimeout>>} connections with no request yet, oldest first */
  const waiting = new Map();
  let open = 0;
  let refused = 0;

  const served = (/** @type {import('node:net').Socket} */ socket) => {
    clearTimeout(waiting.get(socket));
    waiting.delete(socket);
  };

  server.on('connection', (/** @type {import('node:net').Socket} */ socket) => {
    open += 1;
    socket.once('close', () => {
      open -= 1;
      served(socket);
    });
    if (open > max) {
      const oldest = waiting.keys().next().value;
      if (oldest) {
        served(oldest);
        oldest.destroy();
      } else {
        refused += 1;
        onRefuse();
        socket.end(REFUSAL);
        setTimeout(() => socket.destroy(), 1000).unref();
        return;
      }
    }
    socket.setKeepAlive(true, 30_000);
    // One that sent part of a request is Node's to answer (408 at headersTimeout); this one sent nothing.
    const timer = setTimeout(() => socket.bytesRead === 0 && socket.destroy(), firstRequestMs);
    timer.unref();
    waiting.set(socket, timer);
  });
  server.on('request', (/** @type {import('node:http').IncomingMessage} */ req) => served(req.socket));

  return {
    get open() {
      return open;
    },
    get refused() {
      return refused;
    },
  };
}
