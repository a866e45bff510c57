import { qrPath } from './qrPath';

/**
 * The QR code for `text`: modules a side, and its dark modules as a path. `qrcode` is fetched on first
 * use, by the hall's pages only; the offline file, never under the hall, does not carry it at all.
 */
export async function qrCode(text: string): Promise<{ size: number; path: string }> {
  if (import.meta.env.MODE === 'offline') throw new Error('no hall, no QR code, in the offline file');
  const { create } = await import('qrcode');
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, path: qrPath(modules.size, (row, col) => modules.get(row, col) === 1) };
}
