/**
 * A picture URL from data, or undefined: only http(s) (relative URLs resolve against the page) and
 * `data:image/…`. Data is not trusted, so `javascript:` or a `data:text/html` document never reaches an
 * attribute, even one where today's browsers would not run it.
 */
export function pictureUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  if (/^data:image\//i.test(url)) return url;
  try {
    const base = typeof document === 'undefined' ? 'https://localhost/' : document.baseURI;
    const { protocol } = new URL(url, base);
    return protocol === 'https:' || protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}
