// The looks WeChat lets a page change on its product card (`<store-product custom-style>`), and nothing
// else: each one is a product-card token on the web and a key of `custom-style` in the mini program.

export interface ColourLook {
  name: string;
  kind: 'colour';
  token: `--xd-product-card-${string}`;
  /** Where it goes in `custom-style`: the part, then the style property. */
  wechat: readonly [part: string, property: string];
  /** What the picker shows before the creator picks (the light card's own colour). */
  start: string;
}

export interface SizeLook {
  name: string;
  kind: 'size';
  token: `--xd-product-card-${string}`;
  wechat: readonly [part: string, property: string];
  start: number;
  min: number;
  max: number;
}

export type Look = ColourLook | SizeLook;

export const looks = [
  {
    name: 'background',
    kind: 'colour',
    token: '--xd-product-card-background',
    wechat: ['card', 'backgroundColor'],
    start: '#ffffff',
  },
  {
    name: 'titleColor',
    kind: 'colour',
    token: '--xd-product-card-title-color',
    wechat: ['title', 'color'],
    start: '#1a1a1a',
  },
  {
    name: 'priceColor',
    kind: 'colour',
    token: '--xd-product-card-price-color',
    wechat: ['price', 'color'],
    start: '#d9281e',
  },
  {
    name: 'buttonWidth',
    kind: 'size',
    token: '--xd-product-card-button-width',
    wechat: ['button', 'width'],
    start: 64,
    min: 48,
    max: 160,
  },
  {
    name: 'buttonRadius',
    kind: 'size',
    token: '--xd-product-card-button-radius',
    wechat: ['button', 'borderRadius'],
    start: 16,
    min: 0,
    max: 24,
  },
  {
    name: 'buttonColor',
    kind: 'colour',
    token: '--xd-product-card-button-color',
    wechat: ['button', 'color'],
    start: '#ffffff',
  },
  {
    name: 'buttonBackground',
    kind: 'colour',
    token: '--xd-product-card-button-background',
    wechat: ['button', 'backgroundColor'],
    start: '#d9281e',
  },
  {
    name: 'disabledButtonColor',
    kind: 'colour',
    token: '--xd-product-card-button-disabled-color',
    wechat: ['disabledButton', 'color'],
    start: '#737373',
  },
  {
    name: 'disabledButtonBackground',
    kind: 'colour',
    token: '--xd-product-card-button-disabled-background',
    wechat: ['disabledButton', 'backgroundColor'],
    start: '#ededed',
  },
] as const satisfies readonly Look[];

export type LookName = (typeof looks)[number]['name'];

/** What the creator changed: only changed looks are written anywhere; the rest stay WeChat's defaults. */
export type LookValues = Partial<Record<LookName, string | number>>;

const hexColour = /^#[0-9a-f]{6}$/i;

/** A picked value, checked: a colour `#rrggbb`, or a whole number of px within the look's range. */
export function readLook(look: Look, raw: string): string | number | undefined {
  if (look.kind === 'colour') return hexColour.test(raw) ? raw.toLowerCase() : undefined;
  const px = Number(raw);
  return Number.isInteger(px) && px >= look.min && px <= look.max ? px : undefined;
}

function cssValue(look: Look, value: string | number): string {
  return look.kind === 'size' ? `${value}px` : String(value);
}

/** The changed looks as CSS custom properties, in the order of `looks`: `[token, value]`. */
export function cssDeclarations(values: LookValues): Array<[string, string]> {
  return looks.flatMap((look) => {
    const value = values[look.name];
    return value === undefined ? [] : [[look.token, cssValue(look, value)] as [string, string]];
  });
}

/** The changed looks as WeChat's `custom-style` object: `{card: {backgroundColor}, button: {width}, …}`. */
export function customStyle(values: LookValues): Record<string, Record<string, string>> {
  const style: Record<string, Record<string, string>> = {};
  for (const look of looks) {
    const value = values[look.name];
    if (value === undefined) continue;
    const [part, property] = look.wechat;
    (style[part] ??= {})[property] = cssValue(look, value);
  }
  return style;
}
