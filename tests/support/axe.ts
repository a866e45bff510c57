import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

type AxeRun = (c: Document | string, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;

/**
 * axe-core's violations on the page, each with its first targets. `enhanced` adds the 7:1 contrast a
 * projector needs; `within` (a selector) checks only what it matches: what a step just showed.
 */
export async function axe(page: Page, { enhanced = false, within }: { enhanced?: boolean; within?: string } = {}): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(
    async ([enhanced, within]) => {
      const options = enhanced ? { rules: { 'color-contrast-enhanced': { enabled: true } } } : {};
      const { violations } = await (window as unknown as { axe: { run: AxeRun } }).axe.run(within ?? document, options);
      return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    },
    [enhanced, within] as const,
  );
}
