import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spokenFigure } from '../../src/data/spoken';
import { figure } from '../../src/data/story';
import { launch } from '../../tools/browsers/chromium.js';
import { fakeSpeech } from '../support/fakeSpeech';
import { openStory } from './story-page';

// 语音阅读 / Listen, with the device's voice played by the test (support/fakeSpeech.ts): what the
// reader hears (each utterance's words) and sees (which figure has appeared) at each word the voice reaches.
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const ZH_AND_EN = [
  { name: 'Tingting', lang: 'zh-CN' },
  { name: 'Samantha', lang: 'en-US' },
];
const listening = (voices: typeof ZH_AND_EN) => ({ init: (page: Page) => page.addInitScript(fakeSpeech, voices) });

interface Heard {
  said: { text: string; rate: number; lang: string }[];
  text: string | null;
}
const heard = (page: Page) => page.evaluate(() => (window as unknown as { __speech: Heard }).__speech);
const voice = (page: Page, act: 'end' | ['word', number]) =>
  page.evaluate((act) => {
    const speech = (window as unknown as { __speech: { end(): void; word(i: number): void } }).__speech;
    if (act === 'end') speech.end();
    else speech.word(act[1]);
  }, act);

/** Lets the voice finish sentence after sentence until it says `words`; returns that sentence. */
async function until(page: Page, words: string): Promise<string> {
  for (let i = 0; i < 40; i++) {
    await expect.poll(async () => (await heard(page)).text, { timeout: 5000 }).not.toBeNull(); // the next part comes after a breath
    const { text } = await heard(page);
    if (text!.includes(words)) return text!;
    await voice(page, 'end');
  }
  throw new Error(`never said: ${words}`);
}

/** Whether a figure of a step's graphic can be seen: told (or revealed) and not hidden by the wait. */
const seen = (page: Page, step: string, id: string) =>
  page.evaluate(
    ([step, id]) => {
      const value = document.querySelector(`[data-slot="${step}"] [data-figure="${id}"]`)!;
      const mark = document.querySelector(`[data-slot="${step}"] [data-of="${id}"]`);
      return getComputedStyle(value).visibility === 'visible' && (!mark || getComputedStyle(mark).opacity !== '0');
    },
    [step, id],
  );
const listenState = (page: Page) => page.evaluate(() => document.documentElement.dataset.listen ?? 'idle');

describe('语音阅读 / Listen', () => {
  it('reads the story in order and reveals each figure as its number is said', async () => {
    const { page, trouble } = await openStory(browser, '/?lang=zh', listening(ZH_AND_EN));
    await page.getByRole('button', { name: '语音阅读' }).click();
    await expect.poll(() => listenState(page)).toBe('playing');
    expect((await heard(page)).said[0]).toMatchObject({ text: '数说首都工会五年。', rate: 1, lang: 'zh-CN' });

    // The honours step names four figures in one sentence: each appears when the voice reaches it.
    const said = spokenFigure(figure('modelWorkers'), 'zh');
    const sentence = await until(page, said);
    await expect.poll(() => page.locator('[data-step="honours"]').getAttribute('data-active')).toBe(''); // scrolled there
    expect(await seen(page, 'honours', 'modelWorkers')).toBe(false);
    await voice(page, ['word', sentence.indexOf(said)]);
    await expect.poll(() => seen(page, 'honours', 'modelWorkers')).toBe(true);
    expect(await seen(page, 'honours', 'laborMedals')).toBe(false); // not yet said
    await voice(page, ['word', sentence.indexOf(spokenFigure(figure('laborMedals'), 'zh'))]);
    await expect.poll(() => seen(page, 'honours', 'laborMedals')).toBe(true);
    expect(await seen(page, 'honours', 'pioneers')).toBe(false);

    // Everything said so far, in the page's order: the title first, and each step after the one before.
    const texts = (await heard(page)).said.map((s) => s.text);
    const order = ['数说首都工会五年', '政治方向更加坚定', spokenFigure(figure('rules'), 'zh'), spokenFigure(figure('reach'), 'zh'), said];
    const at = order.map((words) => texts.findIndex((t) => t.includes(words)));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(texts.join('')).not.toMatch(/\d/); // every number said in words
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });

  it('pauses on the reader’s own scroll, resumes the sentence, changes speed and skips', async () => {
    const { page, trouble } = await openStory(browser, '/?lang=zh', listening(ZH_AND_EN));
    await page.getByRole('button', { name: '语音阅读' }).click();
    const sentence = await until(page, spokenFigure(figure('rules'), 'zh'));
    await expect.poll(() => page.locator('[data-listen-status]').textContent()).toBe('正在朗读：第3段，共29段');

    await page.mouse.move(200, 300);
    await page.mouse.wheel(0, 300); // the reader scrolls
    await expect.poll(() => listenState(page)).toBe('paused');
    expect((await heard(page)).text).toBeNull(); // silent
    await expect.poll(() => page.locator('[data-listen-status]').textContent()).toBe('已暂停：第3段，共29段');

    await page.getByRole('button', { name: '继续' }).click();
    await expect.poll(() => listenState(page)).toBe('playing');
    expect((await heard(page)).text).toBe(sentence); // the sentence again, from its start

    await page.locator('select[data-listen-control="speed"]').selectOption('1.25');
    await expect.poll(async () => (await heard(page)).said.at(-1)).toEqual({ text: sentence, rate: 1.25, lang: 'zh-CN' });

    await page.getByRole('button', { name: '下一段' }).click();
    await expect.poll(async () => (await heard(page)).text).toBe('思想政治引领不断强化。'); // the next step's heading
    await expect.poll(() => page.locator('[data-listen-status]').textContent()).toBe('正在朗读：第4段，共29段');

    await page.getByRole('button', { name: '停止朗读' }).click();
    await expect.poll(() => listenState(page)).toBe('idle');
    expect((await heard(page)).text).toBeNull();
    expect(await page.locator('[data-listen-player]').isVisible()).toBe(false);
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });

  it('switches voice with the page’s language, and reads the part again in its new words', async () => {
    const { page, trouble } = await openStory(browser, '/?lang=zh', listening(ZH_AND_EN));
    await page.getByRole('button', { name: '语音阅读' }).click();
    await until(page, spokenFigure(figure('rules'), 'zh'));
    await page.locator('.topbar .switch a').click(); // the reader's tap pauses the voice; the page turns English
    await expect.poll(() => page.locator('[data-listen-status]').textContent()).toBe('Paused at part 3 of 29');
    const before = (await heard(page)).said.length;

    await page.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => listenState(page)).toBe('playing');
    const now = (await heard(page)).said.slice(before);
    expect(now[0].lang).toBe('en-US');
    expect(now[0].text).not.toMatch(/[\u4e00-\u9fff]/); // the part's English words, from its start
    await until(page, spokenFigure(figure('rules'), 'en'));
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });

  it('says so when the device has no voice for the page’s language', async () => {
    const { page, trouble } = await openStory(browser, '/en/?lang=en', listening([{ name: 'Tingting', lang: 'zh-CN' }]));
    await page.getByRole('button', { name: 'Listen' }).click();
    const message = page.locator('[data-listen-message]:visible'); // the one by the button pressed
    await expect.poll(() => message.isVisible()).toBe(true);
    expect(await message.textContent()).toContain('no English voice');
    expect(await listenState(page)).toBe('idle');
    expect((await heard(page)).said).toEqual([]);
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });

  it('reads English with words for numbers, and is not offered in an embed', async () => {
    const { page } = await openStory(browser, '/en/?lang=en', listening(ZH_AND_EN));
    await page.getByRole('button', { name: 'Listen' }).click();
    const sentence = await until(page, 'two hundred seventeen');
    expect(sentence).not.toMatch(/\d/);
    expect((await heard(page)).said[0].lang).toBe('en-US');
    await page.context().close();

    const embed = await openStory(browser, '/?mode=embed&lang=zh&section=guidance', listening(ZH_AND_EN));
    expect(await embed.page.locator('[data-listen-control]').count()).toBe(0);
    await embed.page.context().close();
  });

  it('reads the lobby loop aloud, each slide’s words and then the next slide (?autoplay=voice)', async () => {
    const { page, trouble } = await openStory(browser, '/?mode=present&lang=zh&step=1&autoplay=voice', listening(ZH_AND_EN));
    const slide = () => page.locator('.deck [data-slide]').first().getAttribute('data-slide');
    const first = await slide();
    await expect.poll(async () => (await heard(page)).text).not.toBeNull();
    while ((await heard(page)).text !== null) await voice(page, 'end'); // the title slide's sentences, said to the end
    expect((await heard(page)).said.map((s) => s.text).join('')).toBe('北京市工会第十四次代表大会报告解读。数说首都工会五年。');
    await expect.poll(slide, { timeout: 5000 }).not.toBe(first); // then the next slide
    await expect.poll(async () => (await heard(page)).text).not.toBeNull();
    const said = (await heard(page)).said.map((s) => s.text).join('');
    expect(said).not.toMatch(/\d/);
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });

  it('reads the speaker’s notes aloud only when asked, and each new slide’s as it comes', async () => {
    const { page, trouble } = await openStory(browser, '/?mode=presenter&lang=en&step=3', listening(ZH_AND_EN));
    const notes = async () => (await page.locator('[data-notes]').textContent())!;
    expect((await heard(page)).said).toEqual([]); // off by default
    await page.getByRole('button', { name: 'Read the notes aloud' }).click();
    await expect.poll(async () => (await heard(page)).said.length).toBeGreaterThan(0);
    const first = (await heard(page)).said[0].text;
    expect((await notes()).startsWith(first.slice(0, 20))).toBe(true); // the notes' words
    await page.keyboard.press('PageDown');
    await expect.poll(async () => (await heard(page)).said.at(-1)!.text.slice(0, 20)).toBe((await notes()).slice(0, 20));
    await page.getByRole('button', { name: 'Read the notes aloud' }).click();
    await expect.poll(async () => (await heard(page)).text).toBeNull();
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });
});
