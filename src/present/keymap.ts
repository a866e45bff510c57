/** What a key (or a clicker, which sends keys) asks the deck to do. */
export type Command =
  | { do: 'next' }
  | { do: 'prev' }
  | { do: 'first' }
  | { do: 'last' }
  | { do: 'goto'; slide: number }
  | { do: 'fullscreen' }
  | { do: 'black' }
  | { do: 'type'; digits: string }
  | { do: 'none' };

/**
 * The deck's keys, as clickers and reveal.js users expect. `typed` is the number typed so far:
 * digits then Enter jump to that slide (1-based); Enter alone, like Space, goes on.
 */
export function command(key: string, typed: string): Command {
  if (/^[0-9]$/.test(key)) return typed.length < 4 ? { do: 'type', digits: typed + key } : { do: 'none' };
  if (key === 'Enter' && typed) return { do: 'goto', slide: Number(typed) };
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case ' ':
    case 'Enter':
      return { do: 'next' };
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
    case 'Backspace':
      return { do: 'prev' };
    case 'Home':
      return { do: 'first' };
    case 'End':
      return { do: 'last' };
    case 'f':
    case 'F':
      return { do: 'fullscreen' };
    case 'b':
    case 'B':
    case '.':
      return { do: 'black' };
    default:
      return { do: 'none' };
  }
}
