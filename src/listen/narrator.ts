import { setReveal, tellFigure } from '../charts/reveal';
import { RATES } from './rates';
import { sentenceStarts } from './sentences';
import { tellingOf, type Telling } from './telling';
import { voiceFor } from './voices';

/*
 * 语音阅读 / Listen: the story read aloud by the device's own voice, part by part (the title and dek,
 * then each step), the page scrolled to each part and each figure revealed as its number is said.
 *
 * - A part is spoken a sentence at a time (one utterance each: some browsers stop a long one after
 *   about 15 s), so that pause, resume and a change of speed go back to the start of a sentence.
 * - A figure is revealed when the voice's word boundary reaches it; a voice that reports no word
 *   boundaries has each figure revealed at the time its place in the sentence suggests (PACE).
 * - The reader's own scroll, tap or key pauses it; the screen stays on while it plays (Wake Lock).
 * - A switch of the page's language (in place: the same parts, new words) takes the voice of the new
 *   language, and the part is read again from its start, in its new words.
 * - Its controls are on the page as the build wrote them (`data-listen-control`, listen/start.ts
 *   routes their clicks here); what it is doing is on `<html data-listen="playing|paused">`.
 */

/** Characters a voice says a second at rate 1: where a figure falls in time when no boundary says so. */
const PACE = { zh: 4.5, en: 14 };
/** The breath between two parts. */
const BETWEEN_MS = 600;
/** Events that are the reader's own doing: any of them pauses the reading. */
const READER = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;

type State = 'idle' | 'playing' | 'paused';

/** Scrolls this page so that a part's top stands just above the trigger line (60 %), below a phone's panel. */
function scrollToPart(part: HTMLElement): void {
  const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const top = part.getBoundingClientRect().top + scrollY - innerHeight * 0.52;
  scrollTo({ top: Math.max(0, top), behavior: reduce ? 'auto' : 'smooth' });
}

export class Narrator {
  private readonly parts: HTMLElement[];
  private state: State = 'idle';
  private index = 0;
  private sentence = 0;
  private rate = 1;
  private voice: SpeechSynthesisVoice | null = null;
  private telling: Telling = { text: '', figures: [] };
  private starts: number[] = [0];
  private told = new Set<string>();
  private timers: number[] = [];
  private utterance: SpeechSynthesisUtterance | null = null;
  private lock: WakeLockSentinel | null = null;
  private readonly langWatch = new MutationObserver(() => void this.onLang());

  /**
   * `scroll` brings a part into view: by default this page scrolls to put its top just above the
   * trigger line; an embed asks its host page to scroll.
   */
  constructor(
    private readonly doc: Document,
    private readonly scroll: (part: HTMLElement) => void = scrollToPart,
  ) {
    const intro = doc.querySelector<HTMLElement>('#app header.intro');
    this.parts = [...(intro ? [intro] : []), ...doc.querySelectorAll<HTMLElement>('#app section[data-theme] [data-step]')];
  }

  /** The page's language now: it can switch while the story is read. */
  private get lang(): 'zh' | 'en' {
    return this.doc.documentElement.lang.startsWith('zh') ? 'zh' : 'en';
  }

  /** What a control asks (`data-listen-control`): toggle, pause, prev, next, stop. */
  async command(name: string): Promise<void> {
    if (name === 'toggle') return this.state === 'idle' ? this.start() : this.stop();
    if (this.state === 'idle') return;
    if (name === 'pause') return this.state === 'playing' ? this.pause() : this.resume();
    if (name === 'prev' || name === 'next') return this.go(this.index + (name === 'next' ? 1 : -1));
    if (name === 'stop') return this.stop();
  }

  /** The voice's speed; a sentence being said starts again at it. */
  setRate(rate: number): void {
    if (!RATES.includes(rate as (typeof RATES)[number])) return;
    this.rate = rate;
    if (this.state === 'playing') this.speak();
  }

  private async start(): Promise<void> {
    if (!(await this.takeVoice())) return;
    for (const type of READER) addEventListener(type, this.onReader, { capture: true, passive: true });
    this.doc.addEventListener('visibilitychange', this.onVisible);
    this.langWatch.observe(this.doc.documentElement, { attributes: true, attributeFilter: ['lang'] });
    this.go(0);
  }

  /** The device's voice for the page's language; false, and why on the page, when there is none. */
  private async takeVoice(): Promise<boolean> {
    const found = await voiceFor(this.doc.documentElement.lang || 'zh');
    if ('missing' in found) {
      this.explain(found.missing === 'cannot' ? 'cannot' : 'noVoice');
      return false;
    }
    this.voice = found.voice;
    this.explain(null);
    return true;
  }

  /** The page switched language: the part again from its start, in its new words and voice (figures told stay shown); paused stays paused. */
  private async onLang(): Promise<void> {
    if (this.state === 'idle') return;
    const playing = this.state === 'playing';
    this.pause();
    if (!(await this.takeVoice())) return this.stop();
    if (this.state !== 'paused') return; // stopped, or started again, meanwhile
    this.telling = tellingOf(this.parts[this.index], this.lang);
    this.starts = sentenceStarts(this.telling.text);
    this.sentence = 0;
    if (playing) this.resume();
    else this.show(); // the player's line, in the new words
  }

  private stop(): void {
    this.silence();
    this.state = 'idle';
    for (const type of READER) removeEventListener(type, this.onReader, { capture: true });
    this.doc.removeEventListener('visibilitychange', this.onVisible);
    this.langWatch.disconnect();
    this.tellAll();
    this.show();
  }

  private pause(): void {
    this.silence();
    this.state = 'paused';
    this.show();
  }

  private resume(): void {
    this.state = 'playing';
    this.speak();
  }

  /** Reads part `index` from its start. */
  private go(index: number): void {
    if (index >= this.parts.length) return this.stop(); // the end of the story
    if (index < 0) return;
    this.silence();
    this.index = index;
    this.sentence = 0;
    this.state = 'playing';
    const part = this.parts[index];
    this.telling = tellingOf(part, this.lang);
    this.starts = sentenceStarts(this.telling.text);
    this.told.clear();
    const graphic = this.graphic();
    if (graphic) {
      setReveal(graphic, 'wait');
      graphic.dataset.reveal = 'tell'; // nothing told yet; the story's own rule leaves a graphic being told alone
    }
    this.scroll(part);
    this.speak();
  }

  /** Says the current sentence, then the next, then the next part. */
  private speak(): void {
    this.silence();
    const [from, to] = [this.starts[this.sentence], this.starts[this.sentence + 1]];
    if (to === undefined || from >= to) return this.afterPart();
    const u = new SpeechSynthesisUtterance(this.telling.text.slice(from, to));
    if (this.voice) u.voice = this.voice;
    u.lang = this.voice?.lang ?? this.doc.documentElement.lang;
    u.rate = this.rate;
    u.onstart = () => {
      for (const f of this.telling.figures) {
        if (f.at < from || f.at >= to) continue;
        const ms = ((f.at - from) / (PACE[this.lang] * this.rate)) * 1000;
        this.timers.push(window.setTimeout(() => this.tellUpTo(f.at), ms));
      }
    };
    u.onboundary = (e) => {
      if (this.utterance !== u || e.name !== 'word') return;
      this.clearTimers(); // the voice says where it is: no guessing
      this.tellUpTo(from + e.charIndex);
    };
    u.onend = () => {
      if (this.utterance !== u) return;
      this.utterance = null;
      this.tellUpTo(to - 1);
      this.sentence += 1;
      this.speak();
    };
    u.onerror = (e) => {
      if (this.utterance !== u || e.error === 'interrupted' || e.error === 'canceled') return;
      this.pause(); // a voice that fails mid-way: the reader can resume or skip
    };
    this.utterance = u;
    speechSynthesis.speak(u);
    this.show();
  }

  private afterPart(): void {
    this.tellAll();
    this.timers.push(window.setTimeout(() => this.go(this.index + 1), BETWEEN_MS));
  }

  /** Stops the voice and every pending reveal; the sentence being said is said again on resume. */
  private silence(): void {
    this.clearTimers();
    this.utterance = null;
    if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
  }

  private clearTimers(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers = [];
  }

  /** The current part's graphic: in its card (an embed), or in its theme's panel (the page). */
  private graphic(): HTMLElement | null {
    const part = this.parts[this.index];
    const id = part?.dataset.step;
    const theme = part?.closest('section[data-theme]');
    if (!id || !theme) return null;
    return part.querySelector<HTMLElement>('[data-graphic]') ?? theme.querySelector<HTMLElement>(`[data-slot="${CSS.escape(id)}"] [data-graphic]`);
  }

  private tellUpTo(at: number): void {
    const graphic = this.graphic();
    for (const f of this.telling.figures) {
      if (f.at > at || this.told.has(f.id)) continue;
      this.told.add(f.id);
      if (graphic) tellFigure(graphic, f.id);
    }
  }

  private tellAll(): void {
    this.tellUpTo(Infinity);
  }

  private readonly onReader = (event: Event) => {
    const target = event.target as Element | null;
    if (this.state !== 'playing' || target?.closest?.('[data-listen-player], [data-listen-control]')) return;
    if (event instanceof KeyboardEvent && ['Shift', 'Control', 'Alt', 'Meta', 'Tab'].includes(event.key)) return;
    this.pause();
  };

  private readonly onVisible = () => {
    if (this.doc.visibilityState === 'visible' && this.state === 'playing') void this.keepAwake();
  };

  /** The screen stays on while the story is read (where the browser offers it, and a host page's frame allows it). */
  private async keepAwake(): Promise<void> {
    if (this.lock && !this.lock.released) return;
    type Policy = { allowsFeature(feature: string): boolean };
    const doc = this.doc as Document & { permissionsPolicy?: Policy; featurePolicy?: Policy };
    const policy = doc.permissionsPolicy ?? doc.featurePolicy; // Chromium's name for it, the standard's
    if (policy && !policy.allowsFeature('screen-wake-lock')) return; // an embed the host did not allow it: asked, it only logs an error
    try {
      this.lock = (await navigator.wakeLock?.request('screen')) ?? null;
    } catch {
      this.lock = null; // refused (battery saver, a hidden page): the reading goes on
    }
  }

  /** Puts the state on the page: the `<html>` attribute, the switch, the player's line. */
  private show(): void {
    const html = this.doc.documentElement;
    if (this.state === 'idle') delete html.dataset.listen;
    else html.dataset.listen = this.state;
    for (const el of this.doc.querySelectorAll('[data-listen-control="toggle"]')) el.setAttribute('aria-pressed', String(this.state !== 'idle'));
    const status = this.doc.querySelector<HTMLElement>('[data-listen-status]');
    if (status && this.state !== 'idle') {
      const template = (this.state === 'playing' ? status.dataset.playing : status.dataset.paused) ?? '';
      status.textContent = template.replace('{n}', String(this.index + 1)).replace('{total}', String(this.parts.length));
    }
    if (this.state === 'playing') void this.keepAwake();
    else if (this.lock) {
      void this.lock.release().catch(() => {});
      this.lock = null;
    }
  }

  /** Shows why it cannot read (`cannot`, `noVoice`), or hides the message (null). */
  private explain(why: 'cannot' | 'noVoice' | null): void {
    for (const el of this.doc.querySelectorAll<HTMLElement>('[data-listen-message]')) {
      el.hidden = why === null;
      el.textContent = why === null ? '' : (el.dataset[why] ?? '');
    }
  }
}
