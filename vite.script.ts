import { resolve } from 'node:path';
import { build, type Rolldown } from 'vite';

/**
 * Compiles one entry of src/ (and what it imports) into one classic script, for a page or a worker
 * that loads it as a file of its own (no modules, no chunks): its code.
 */
export async function classicScript(root: string, entry: string, { name, minify }: { name: string; minify: boolean }): Promise<string> {
  const out = (await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      write: false,
      copyPublicDir: false,
      target: 'es2022',
      minify,
      lib: { entry: resolve(root, entry), formats: ['iife'], name },
    },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  return (Array.isArray(out) ? out[0] : out).output[0].code;
}
