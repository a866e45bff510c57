import { requireBinary } from './requireBinary';
import { startGroup } from './processGroup';

/**
 * Starts a virtual X display for a browser that needs one. Xvfb picks the number itself
 * (-displayfd), among those no other X server holds, so parallel runs cannot collide.
 */
export async function startXvfb(): Promise<{ display: string; close: () => Promise<void> }> {
  const xvfb = startGroup(requireBinary(process.env.XVFB_PATH || '/usr/bin/Xvfb', 'Xvfb'), ['-displayfd', '3', '-screen', '0', '1920x1080x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  try {
    const display = await new Promise<string>((ok, fail) => {
      let number = '';
      const timer = setTimeout(() => fail(new Error(`Xvfb did not start within 10 s:\n${xvfb.output()}`)), 10_000);
      xvfb.child.stdio[3]!.on('data', (b: Buffer) => {
        number += b.toString();
        if (number.includes('\n')) {
          clearTimeout(timer);
          ok(`:${number.trim()}`);
        }
      });
      xvfb.child.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`Xvfb exited (${code}):\n${xvfb.output()}`));
      });
    });
    return { display, close: () => xvfb.kill() };
  } catch (e) {
    await xvfb.kill();
    throw e;
  }
}
