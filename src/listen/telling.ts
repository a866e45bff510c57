/** What a voice reads for one part of the story, and where in it each figure is named. */
export interface Telling {
  /** The words to say, each figure as it is said (`data-say`) */
  text: string;
  /** Where each revealed figure starts in `text` (`data-of`), in order */
  figures: { at: number; id: string }[];
}

/** A heading ends with a pause the voice can hear: a full stop in the page's language. */
const stop = (lang: string) => (lang.startsWith('zh') ? '。' : '. ');

/**
 * The telling of one part, read off the page as the build wrote it: its headings (a theme's title
 * before its first step, a section's heading), then its words with each figure's value replaced by
 * how it is said. The article's quotes, buttons and hidden text are not read.
 */
export function tellingOf(part: HTMLElement, lang: string): Telling {
  let text = '';
  const figures: Telling['figures'] = [];
  // Spaces collapsed as they are added, so that each figure's place stays where it was counted.
  const say = (words: string) => {
    text += words.replace(/\s+/g, ' ');
    if (text === ' ') text = '';
  };
  const add = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) say(node.textContent ?? '');
    else if (node instanceof HTMLElement && node.dataset.say !== undefined) {
      if (node.dataset.of) figures.push({ at: text.length, id: node.dataset.of });
      say(node.dataset.say);
    } else node.childNodes.forEach(add);
  };
  const theme = part.closest('section[data-theme]');
  if (theme && theme.querySelector('[data-step]') === part) {
    const title = theme.querySelector('h2')?.textContent?.trim();
    if (title) say(title + stop(lang));
  }
  for (const el of part.querySelectorAll<HTMLElement>('h1, h3, .dek, .step-text')) {
    const before = text.length;
    add(el);
    if (/^H\d$/.test(el.tagName) && text.length > before) say(stop(lang));
  }
  return { text: text.trimEnd(), figures };
}
