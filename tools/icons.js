// @ts-check
// Renders the page's icons from tools/favicon.svg with the system Chromium, once; the PNGs are
// committed (static/icons/). Run again after changing the drawing or its colours (src/colours.ts,
// which the drawing names as custom properties): `node tools/icons.js`.
// The pages link PNGs, not the SVG: Chrome fetches a page's icon again at every address write (the
// story writes one per section), and an SVG icon is a document parsed and painted on the main thread
// each time (20-25 ms at 4x CPU on a phone, ten times in a scroll), a 32 px PNG a 0.1 ms decode.
import { readFileSync, writeFileSync } from 'node:fs';
import { runnerImport } from 'vite';
import { launch } from './browsers/chromium.js';

/** @type {{ module: typeof import('../src/colours.ts') }} */
const { module: palette } = await runnerImport('./src/colours.ts');

const svg = readFileSync('tools/favicon.svg', 'utf8');
// Full bleed (no rounded corners, no transparency): Android masks it to its own shape, iOS rounds
// it itself and would fill transparent corners with black. The mark sits well inside the central
// 80 % circle a mask keeps.
const square = svg.replace(/ rx="[\d.]+"/, '');
if (square === svg) throw new Error('favicon.svg changed: its rounded rect (rx) was not found');

const ICONS = [
  { file: 'favicon-32.png', size: 32, svg },
  { file: 'icon-192.png', size: 192, svg },
  { file: 'icon-512.png', size: 512, svg },
  { file: 'icon-maskable-512.png', size: 512, svg: square },
  { file: 'apple-touch-icon.png', size: 180, svg: square },
];

const browser = await launch();
try {
  for (const icon of ICONS) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size }, deviceScaleFactor: 1 });
    const sized = icon.svg.replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" `);
    await page.setContent(`<!doctype html><style>:root{${palette.colourDeclarations()}}html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`);
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: icon.size, height: icon.size } });
    writeFileSync(`static/icons/${icon.file}`, png);
    console.log(`static/icons/${icon.file}: ${png.length} bytes`);
    await page.close();
  }
} finally {
  await browser.close();
}
