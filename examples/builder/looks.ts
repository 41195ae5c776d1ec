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

/** A colour look: the token, where it goes in `custom-style`, and the light card's own colour. */
const colour = <const Name extends string>(
  name: Name,
  token: ColourLook['token'],
  wechat: ColourLook['wechat'],
  start: string,
) => ({ name, kind: 'colour', token, wechat, start }) as const satisfies ColourLook;

/** A size look in px: the token, where it goes in `custom-style`, its start and the range a creator may pick. */
const size = <const Name extends string>(
  name: Name,
  token: SizeLook['token'],
  wechat: SizeLook['wechat'],
  { start, min, max }: Pick<SizeLook, 'start' | 'min' | 'max'>,
) => ({ name, kind: 'size', token, wechat, start, min, max }) as const satisfies SizeLook;

export const looks = [
  colour('background', '--xd-product-card-background', ['card', 'backgroundColor'], '#ffffff'),
  colour('titleColor', '--xd-product-card-title-color', ['title', 'color'], '#1a1a1a'),
  colour('priceColor', '--xd-product-card-price-color', ['price', 'color'], '#d9281e'),
  size('buttonWidth', '--xd-product-card-button-width', ['button', 'width'], { start: 64, min: 48, max: 160 }),
  size('buttonRadius', '--xd-product-card-button-radius', ['button', 'borderRadius'], { start: 16, min: 0, max: 24 }),
  colour('buttonColor', '--xd-product-card-button-color', ['button', 'color'], '#ffffff'),
  colour('buttonBackground', '--xd-product-card-button-background', ['button', 'backgroundColor'], '#d9281e'),
  colour('disabledButtonColor', '--xd-product-card-button-disabled-color', ['disabledButton', 'color'], '#737373'),
  colour(
    'disabledButtonBackground',
    '--xd-product-card-button-disabled-background',
    ['disabledButton', 'backgroundColor'],
    '#ededed',
  ),
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
