import { isAppid, isFinderUserName, isId } from '@xiaodian/model';

/*
 * What the elements need only when something is wrong: what they tell a developer in the console, and the
 * page's live region for announcing errors (live-announcer.ts). A page whose elements are configured right
 * and load never downloads it; attribute-check.ts and pending-view.ts load it on first need.
 */

export { announce } from './live-announcer.js';

const warned = new WeakMap<Element, Set<string>>();

/** Warns once per element for each distinct message (a re-render does not repeat it). */
export function warnOnce(host: Element, message: string): void {
  let messages = warned.get(host);
  if (!messages) warned.set(host, (messages = new Set()));
  if (messages.has(message)) return;
  messages.add(message);
  console.warn(message);
}

const formats: Record<string, [string, (value: string) => boolean]> = {
  appid: ['"wx" followed by 16 lowercase hex characters', isAppid],
  'product-id': ['a product id (decimal digits, at most a uint64)', isId],
  'finder-user-name': ['a 视频号 finder user name ("sph" and 3 to 40 letters, digits, "_" or "-")', isFinderUserName],
};

/** Names the attribute, the format it needs and, for a value that is almost right, why it is not. */
export function refProblem(tag: string, attribute: string, value: string | undefined): string {
  const [format, valid] = formats[attribute] ?? ['a valid value', () => false];
  if (value === undefined || value === '') return `<${tag}> needs the ${attribute} attribute: ${format}.`;
  const hint =
    value !== value.trim()
      ? ' (remove the spaces around it)'
      : value !== value.toLowerCase() && valid(value.toLowerCase())
        ? ' (it must be lowercase)'
        : /^[0-9]+$/.test(value)
          ? ' (it is too long or starts with 0)'
          : '';
  return `<${tag}> ${attribute}="${value}" is invalid: expected ${format}${hint}.`;
}

export function optionProblem(tag: string, attribute: string, value: string, allowed: readonly string[]): string {
  const options = allowed.map((option) => `"${option}"`).join(', ');
  return `<${tag}> ${attribute}="${value}" is not one of ${options}: showing "${allowed[0]}", the default.`;
}

const reportedGateways = new Set<string>();

/** Where the element's data comes from, as the page configured it. */
function gatewayOf(host: Element): string {
  const store = host.closest('xd-store');
  if (store) return store.getAttribute('gateway') ?? 'the client set on <xd-store>';
  return document.querySelector<HTMLMetaElement>('meta[name="xiaodian-gateway"]')?.content || location.origin;
}

/** One console error per gateway per page, however many elements use it. */
export function reportMisconfigured(host: Element, detail: string): void {
  const gateway = gatewayOf(host);
  if (reportedGateways.has(gateway)) return;
  reportedGateways.add(gateway);
  console.error(
    `Xiaodian: the gateway "${gateway}" does not speak the Xiaodian API (${detail}). ` +
      'Point <xd-store gateway> or <meta name="xiaodian-gateway"> at a Xiaodian gateway.',
  );
}
