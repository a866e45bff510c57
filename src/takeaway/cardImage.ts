/**
 * A card laid out in the page (HTML and SVG, the page's own CSS) made into a picture on the device:
 * the node and the page's style rules are wrapped in an SVG <foreignObject>, then drawn to a canvas
 * and saved as PNG. Nothing leaves the device; system fonts only. Where a canvas cannot take it (no
 * canvas, or a browser that refuses to export it), the SVG itself is the picture.
 */

/** The page's CSS rules, as text (our own stylesheets: same origin, readable). */
function pageCss(): string {
  let css = '';
  for (const sheet of document.styleSheets) {
    try {
      for (const rule of sheet.cssRules) css += rule.cssText + '\n';
    } catch {
      // A sheet we may not read (none of ours): skipped.
    }
  }
  return css;
}

/** The CSS custom properties the page sets on :root, which a foreign document does not inherit. */
function rootVariables(): string {
  const style = getComputedStyle(document.documentElement);
  return [...style].filter((p) => p.startsWith('--')).map((p) => `${p}:${style.getPropertyValue(p)}`).join(';');
}

/** The card as one self-contained SVG document. */
export function cardSvg(node: HTMLElement, width: number, height: number): string {
  const html = new XMLSerializer().serializeToString(node);
  const font = getComputedStyle(document.body).fontFamily;
  const style = `${pageCss()}\n.card-root{${rootVariables()};font-family:${font};}`.replace(/]]>/g, ']]&gt;');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<foreignObject x="0" y="0" width="${width}" height="${height}">` +
    `<div xmlns="http://www.w3.org/1999/xhtml" class="card-root" lang="${document.documentElement.lang}"><style><![CDATA[${style}]]></style>${html}</div>` +
    `</foreignObject></svg>`
  );
}

/**
 * Draws an SVG document to a canvas and returns it as PNG, or null where the browser will not. From a
 * data: URL: Chromium taints a canvas drawn from a blob: SVG that holds a foreignObject, not from data:.
 */
export async function svgToPng(svg: string, width: number, height: number): Promise<Blob | null> {
  try {
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/png'));
  } catch {
    return null; // a tainted canvas (some engines refuse foreignObject) or no decoder
  }
}
