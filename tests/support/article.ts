import { readFileSync } from 'node:fs';

/** The article as published (tests/fixtures/article.txt), and its body: from the lede to the masthead footer. */
export const article = readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8');
export const body = article.slice(article.indexOf('过去五年'), article.indexOf('主办:'));
