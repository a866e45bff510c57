// The folder rules (.dependency-cruiser.cjs) hold only if `npm run check` fails when one is broken:
// this runs the check's dependency-cruiser command on a copy of the code, as it is and with two rules
// broken, one in a .ts file and one in a .svelte file (read through the Svelte compiler).
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
/** What the cruise reads: the code, the words it imports, and how to resolve them. */
const COPIED = ['src', 'protocol', 'server', 'locales', '.dependency-cruiser.cjs', 'tsconfig.json', 'package.json'];

/** The dependency-cruiser part of `npm run check`. */
const check: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.check;
const cruise = check.split('&&').map((part) => part.trim()).find((part) => part.startsWith('depcruise '));

const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the code in a temporary folder, sharing node_modules. */
function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'layers-test-'));
  copies.push(dir);
  for (const name of COPIED) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(dir, 'node_modules'));
  return dir;
}

/** Runs the check's cruise in `dir`: its exit code and what it printed. */
function run(dir: string): Promise<{ code: number | null; out: string }> {
  return new Promise((done) => {
    const child = spawn('sh', ['-c', cruise!], { cwd: dir, env: { ...process.env, PATH: `${join(dir, 'node_modules/.bin')}:${process.env.PATH}` } });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('close', (code) => done({ code, out }));
  });
}

describe('the folder rules', () => {
  it('are checked by npm run check', () => expect(cruise).toMatch(/--config \.dependency-cruiser\.cjs$/));

  it('hold in the code as it is', async () => {
    const { code, out } = await run(copy());
    expect(out).toContain('no dependency violations found');
    expect(code).toBe(0);
  }, 60_000);

  it('fail the check when broken, naming the rule and the import', async () => {
    const dir = copy();
    appendFileSync(join(dir, 'src/lib/idle.ts'), "import '../story/whenGraphicsPlay';\n");
    const slide = join(dir, 'src/present/Slide.svelte');
    writeFileSync(slide, readFileSync(slide, 'utf8').replace('<script lang="ts">', `<script lang="ts">\n  import '../hall/qrSlides';`));
    const { code, out } = await run(dir);
    expect(out).toContain('error lib-stands-alone: src/lib/idle.ts → src/story/whenGraphicsPlay.ts');
    expect(out).toContain('error present-knows-no-hall: src/present/Slide.svelte → src/hall/qrSlides.ts');
    expect(code).not.toBe(0);
  }, 60_000);
});
