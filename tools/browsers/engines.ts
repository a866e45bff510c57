import { firefox } from './firefox';
import type { Engine } from './types';
import { webkit } from './webkit';

/** Every engine besides Chromium (which the tests drive through playwright-core). */
export const engines: readonly Engine[] = [firefox, webkit];
