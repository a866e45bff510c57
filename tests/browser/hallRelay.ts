// A TCP relay between a browser and the hall, on 127.0.0.1: the follower's connection really drops
// (its sockets are destroyed, and new ones are refused) while the hall and every other client carry
// on, as when a phone walks out of the Wi-Fi; or it freezes (nothing passes either way, not even a
// close, and nobody is told), as when the Wi-Fi goes silent. Test code only: the hall has no hook for it.
import net from 'node:net';

export class HallRelay {
  readonly port: Promise<number>;
  #server: net.Server;
  #sockets = new Set<net.Socket>();
  #cut = false;
  #frozen = false;

  constructor(target: number) {
    this.#server = net.createServer((client) => {
      if (this.#cut) return void client.destroy(); // accepted, then closed at once: a connection error
      if (this.#frozen) {
        this.#sockets.add(client); // held, silent, until cut
        client.on('close', () => this.#sockets.delete(client));
        client.on('error', () => {});
        return;
      }
      const upstream = net.connect(target, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.#sockets.add(s);
        s.on('close', () => this.#sockets.delete(s));
        s.on('error', () => {});
      }
      const pass = (from: net.Socket, to: net.Socket) => {
        from.on('data', (chunk) => this.#frozen || to.write(chunk));
        from.on('close', () => this.#frozen || to.destroy());
      };
      pass(client, upstream);
      pass(upstream, client);
    });
    this.port = new Promise((ok) => this.#server.listen(0, '127.0.0.1', () => ok((this.#server.address() as net.AddressInfo).port)));
  }

  /** Passes nothing more, either way, on any connection through it (new ones are held too) until `cut`. */
  freeze(): void {
    this.#frozen = true;
  }

  /** Drops every connection through the relay and refuses new ones until `restore`. */
  cut(): void {
    this.#frozen = false;
    this.#cut = true;
    for (const s of this.#sockets) s.destroy();
  }

  restore(): void {
    this.#cut = false;
  }

  close(): Promise<void> {
    this.cut();
    return new Promise((ok) => this.#server.close(() => ok()));
  }
}
