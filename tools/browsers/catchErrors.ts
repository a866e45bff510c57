// Runs inside the page (as a preload script where the driver has one, else right after load):
// records uncaught errors, unhandled rejections and console.error calls, which classic WebDriver
// cannot read from WebKit. Self-contained, as it is sent to the page as source text.
export function catchErrors(): void {
  const w = window as unknown as { __engineErrors?: string[] };
  if (w.__engineErrors) return;
  const errors: string[] = (w.__engineErrors = []);
  addEventListener('error', (e) => errors.push(`error: ${e.message || String(e.error)}${e.filename ? ` (${e.filename}:${e.lineno})` : ''}`));
  addEventListener('unhandledrejection', (e) => errors.push(`unhandled rejection: ${e.reason instanceof Error ? e.reason.message : String(e.reason)}`));
  const original = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    errors.push(`console.error: ${args.map(String).join(' ')}`);
    original(...args);
  };
}

/** Reads what `catchErrors` recorded; `null` when it was never installed in this document. */
export function caughtErrors(): string[] | null {
  return (window as unknown as { __engineErrors?: string[] }).__engineErrors ?? null;
}
