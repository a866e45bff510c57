import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync, type Component } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import UpdatePrompt from '../../src/offline/UpdatePrompt.svelte';
import { update } from '../../src/offline/update.svelte';
import Harness from './Harness.svelte';
import { bundles, makeI18n } from '../support/i18n';

const prompt = (lang: 'zh' | 'en', hidden = false) =>
  render(Harness, { props: { i18n: makeI18n(lang), component: UpdatePrompt as Component<any>, props: { hidden } } });
/** A waiting worker: only its postMessage matters to the page. */
const waitingWorker = () => ({ postMessage: vi.fn() }) as unknown as ServiceWorker & { postMessage: ReturnType<typeof vi.fn> };

afterEach(() => {
  update.waiting = null;
});

describe('the update prompt', () => {
  it('says nothing while no new build waits, in a live region that is already there', () => {
    prompt('zh');
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it.each(['zh', 'en'] as const)('offers the waiting build in %s, and hands it the reader’s word once', async (lang) => {
    prompt(lang);
    const worker = waitingWorker();
    update.waiting = worker;
    flushSync();
    expect(screen.getByRole('status')).toHaveTextContent(bundles[lang].offline.newVersion);
    const button = screen.getByRole('button', { name: bundles[lang].offline.reload });
    await fireEvent.click(button);
    expect(worker.postMessage).toHaveBeenCalledExactlyOnceWith({ type: 'SKIP_WAITING' });
    expect(button).toBeDisabled(); // the page reloads once the new worker takes over
  });

  it('stays off the audience’s slides', () => {
    prompt('en', true);
    update.waiting = waitingWorker();
    flushSync();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
