/**
 * 长辈模式 / Large type: the story's type for older readers (MIIT's age-friendly rules for websites):
 * three sizes, remembered on the device; `?type=large` opens the first for one visit. The page's own
 * attributes carry it (`<html data-type="large" data-type-size="1|2|3">`) and app.css does the rest,
 * so the switch works on the built page before any app has started, with no redraw.
 * src/beforePaint.ts applies the visit's size before the first paint (applyTypeOfVisit); this module is the rest.
 */

/** 0: the usual type; 1-3: large, larger, largest. */
export type TypeSize = 0 | 1 | 2 | 3;

const STORE = 'bjftu14-type';

const SIZES: Readonly<Record<string, TypeSize>> = { '1': 1, '2': 2, '3': 3 };
const asSize = (v: unknown): TypeSize => (typeof v === 'string' && Object.hasOwn(SIZES, v) ? SIZES[v] : 0);

/** The size a visit opens with: `?type=large` (the first size), else the one this device keeps. */
export function typeOfVisit(search: string, stored: string | null): TypeSize {
  const asked = new URLSearchParams(search).getAll('type');
  if (asked.length === 1 && asked[0] === 'large') return asSize(stored) || 1;
  return asSize(stored);
}

function stored(): string | null {
  try {
    return localStorage.getItem(STORE);
  } catch {
    return null; // storage refused: the usual type, or the URL's
  }
}

/** The size the page shows now. */
export const currentType = (): TypeSize => asSize(document.documentElement.dataset.typeSize);

/** Shows `size`, keeps it on the device, and says so on every switch on the page. */
export function setType(size: TypeSize, remember = true): void {
  const html = document.documentElement;
  if (size) {
    html.dataset.type = 'large';
    html.dataset.typeSize = String(size);
  } else {
    delete html.dataset.type;
    delete html.dataset.typeSize;
  }
  for (const control of document.querySelectorAll<HTMLElement>('[data-type-control]')) {
    const value = control.dataset.typeControl;
    control.setAttribute('aria-pressed', String(value === 'toggle' ? size > 0 : Number(value) === size));
  }
  if (!remember) return;
  try {
    if (size) localStorage.setItem(STORE, String(size));
    else localStorage.removeItem(STORE);
  } catch {
    // storage refused: this visit only
  }
}

/** Shows the size this visit opens with, not remembered again. */
export const applyTypeOfVisit = (): void => setType(typeOfVisit(location.search, stored()), false);

/**
 * Starts large type on a story page: applies the visit's size and answers the switches (`data-type-control`:
 * `toggle`, or a size) from the first click, before and after the app starts, with no app needed.
 * Installed before any other click listener, it keeps those clicks to itself. Returns the teardown.
 */
export function startLargeType(): () => void {
  applyTypeOfVisit();
  const onClick = (event: MouseEvent) => {
    const control = (event.target as Element | null)?.closest?.<HTMLElement>('[data-type-control]');
    if (!control) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const value = control.dataset.typeControl;
    setType(value === 'toggle' ? (currentType() ? 0 : 1) : asSize(value));
  };
  addEventListener('click', onClick, { capture: true });
  return () => removeEventListener('click', onClick, { capture: true });
}
