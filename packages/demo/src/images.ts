/**
 * The demo's pictures, drawn as small SVGs so no page ever needs an external host. The gateway serves
 * them under `/demo-images/`; stories and browser tests can inline them as data URIs instead.
 */
export interface DemoImage {
  body: string;
  contentType: 'image/svg+xml';
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function dataUri(svg: string): string {
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** A square product picture: a soft gradient in the product's hue with its short name on it. */
export function productSvg(label: string, hue: number, variant = 0): string {
  // The first word of the short title, at most 8 characters, fits the picture at this size.
  const text = escapeXml(
    Array.from(label.split(/\s+/)[0] ?? label)
      .slice(0, 8)
      .join(''),
  );
  const shape =
    variant === 0
      ? `<circle cx="200" cy="175" r="70" fill="hsl(${hue},55%,96%)" opacity=".75"/>`
      : `<rect x="130" y="105" width="140" height="140" rx="28" fill="hsl(${hue},55%,96%)" opacity=".75"/>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">` +
    `<stop offset="0" stop-color="hsl(${hue},70%,86%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},60%,66%)"/>` +
    `</linearGradient></defs><rect width="400" height="400" fill="url(#g)"/>${shape}` +
    `<text x="200" y="285" font-family="system-ui,sans-serif" font-size="34" text-anchor="middle" fill="hsl(${hue},40%,25%)">${text}</text>` +
    `</svg>`
  );
}

/** A round logo or avatar with the first character of the name. */
export function avatarSvg(name: string, hue: number): string {
  const initial = escapeXml(Array.from(name)[0] ?? '店');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96">` +
    `<circle cx="48" cy="48" r="48" fill="hsl(${hue},62%,42%)"/>` +
    `<text x="48" y="62" font-family="system-ui,sans-serif" font-size="44" text-anchor="middle" fill="#fff">${initial}</text>` +
    `</svg>`
  );
}
