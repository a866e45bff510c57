/** Where each sentence of a text starts, and the text's end: a voice is given one sentence at a time (some browsers stop a long utterance after about 15 s). */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/[。！？；!?;]+|[.](?=\s)/g)) {
    const end = m.index + m[0].length;
    if (end < text.length) starts.push(end);
  }
  return [...starts, text.length];
}
