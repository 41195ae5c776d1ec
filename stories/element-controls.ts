// Each element's controls and docs table come from custom-elements.json through
// @wc-toolkit/storybook-helpers (attributes as text and select inputs, CSS custom properties applied to the
// element, private members hidden, events logged in the Actions panel). What this adds is what the manifest
// cannot say: which tokens are colours, and which members are set by code rather than typed in.
import { getCustomElements, type ArgTypes } from '@storybook/web-components-vite';
import { getStorybookHelpers } from '@wc-toolkit/storybook-helpers';
import type { TemplateResult } from 'lit';

/** Values an element's controls hold: attribute values, colours, lengths. */
export type ElementArgs = Record<string, string | number | boolean | undefined>;

/** Tokens that take a colour, though their name does not say `color` (the helper's rule). */
const colourToken = /color|background/;
/** `--xd-color-scheme` names a scheme, not a colour. */
const schemes = ['light dark', 'light', 'dark'];
/** Attributes the element reflects and nobody sets: listed in the docs, without a control. */
const readOnlyAttributes = ['state', 'live-status'];

interface ManifestAttribute {
  name: string;
  description?: string;
  type?: { text?: string };
}

function manifestAttributes(tagName: string): ManifestAttribute[] {
  const manifest = getCustomElements() as {
    modules: Array<{ declarations?: Array<{ tagName?: string; attributes?: ManifestAttribute[] }> }>;
  };
  const declaration = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tagName);
  return declaration?.attributes ?? [];
}

export interface ElementControls {
  /** The element's args, for `meta.args`. */
  args: ElementArgs;
  /** Its argTypes, for `meta.argTypes`: the docs table and the controls. */
  argTypes: ArgTypes;
  /** The element with the element's own args applied (story-only args are left out), and its light DOM. */
  render(args: object, content?: TemplateResult | string): TemplateResult;
}

export interface ElementControlsOptions {
  /**
   * Global tokens the element paints nothing with (the storybook end-to-end test finds them): listed in the
   * docs, without a control that would change nothing.
   */
  unpainted?: readonly string[];
}

export function elementControls(tagName: string, options: ElementControlsOptions = {}): ElementControls {
  const helpers = getStorybookHelpers<ElementArgs>(tagName);
  const argTypes: ArgTypes = { ...helpers.argTypes };
  for (const [name, argType] of Object.entries(argTypes)) {
    if (options.unpainted?.includes(name)) {
      const description = `${argType.description ?? ''} Nothing in <${tagName}> is painted with it, so it has no control here.`;
      argTypes[name] = { ...argType, description: description.trim(), control: false };
      continue;
    }
    const control = argType.control;
    const controlType = typeof control === 'object' && control ? control.type : control;
    // A CSS value is a string. (Storybook infers `void` from the manifest, and then drops the value a URL's
    // `&args=` gives, as one of the wrong type.)
    const css = name.startsWith('--') ? { type: { name: 'string' as const, required: false } } : {};
    if (name === '--xd-color-scheme') {
      argTypes[name] = { ...argType, ...css, control: { type: 'select' }, options: ['', ...schemes] };
    } else if (name.startsWith('--') && colourToken.test(name)) {
      argTypes[name] = { ...argType, ...css, control: { type: 'color' } };
    } else if (name.startsWith('--')) {
      argTypes[name] = { ...argType, ...css };
    } else if (controlType === 'object' || argType.table?.category === 'properties') {
      // A client, a product, highlight ranges, an error: properties without an attribute, objects the page's
      // code hands over (the helper offers some as text inputs), not values to type in.
      argTypes[name] = { ...argType, control: false };
    }
  }
  // The helper lists attributes that have a property; `state` and `live-status` have none.
  for (const attribute of manifestAttributes(tagName)) {
    if (!readOnlyAttributes.includes(attribute.name)) continue;
    argTypes[attribute.name] = {
      name: attribute.name,
      description: attribute.description ?? '',
      control: false,
      table: { category: 'attributes', type: { summary: attribute.type?.text ?? 'string' } },
    };
  }
  const own = new Set(Object.keys(helpers.argTypes));
  return {
    args: helpers.args,
    argTypes,
    render(args, content) {
      const mine = Object.fromEntries(Object.entries(args).filter(([name]) => own.has(name)));
      return content === undefined ? helpers.template(mine) : helpers.template(mine, content as TemplateResult);
    },
  };
}

/** The kit's global tokens: every element reads them, so a page (or a store) sets them once for all. */
const globalToken = /^--xd-(color-|radius$|font-family$)/;

export interface ThemeTokenControls {
  /** Every token, empty (the kit's light and dark defaults). */
  args: ElementArgs;
  /** Colour pickers for the colours, text inputs for the radius and the font, in a `theme tokens` table. */
  argTypes: ArgTypes;
  /** The tokens that have a value, as a style to set on a store (or any ancestor of the elements). */
  style(args: object): Record<string, string>;
}

export function themeTokenControls(): ThemeTokenControls {
  const manifest = getCustomElements() as {
    modules: Array<{ declarations?: Array<{ cssProperties?: Array<{ name: string; description?: string }> }> }>;
  };
  const tokens = new Map<string, string>();
  for (const declaration of manifest.modules.flatMap((m) => m.declarations ?? [])) {
    for (const property of declaration.cssProperties ?? []) {
      if (globalToken.test(property.name) && property.name !== '--xd-color-scheme') {
        tokens.set(property.name, property.description ?? '');
      }
    }
  }
  const argTypes: ArgTypes = {};
  for (const [name, description] of tokens) {
    argTypes[name] = {
      name,
      description,
      type: { name: 'string', required: false },
      control: colourToken.test(name) ? { type: 'color' } : { type: 'text' },
      table: { category: 'theme tokens', type: { summary: colourToken.test(name) ? 'color' : 'string' } },
    };
  }
  return {
    args: Object.fromEntries([...tokens.keys()].map((name) => [name, ''])),
    argTypes,
    style: (args) =>
      Object.fromEntries(
        Object.entries(args).filter(
          (entry): entry is [string, string] => tokens.has(entry[0]) && typeof entry[1] === 'string' && entry[1] !== '',
        ),
      ),
  };
}
