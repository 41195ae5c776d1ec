// What the stories of elements shown in a table of states share: the controls that pick the state's data and
// the store's language; and for the elements that show cached data (product card, shop entry, search tile),
// the one stale client the stories of a file share and the Stale story's check.
import type { ArgTypes } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import type { XiaodianClient } from '@xiaodian/client';
import type { Product, Shop } from '@xiaodian/model';
import { eventually } from './play.js';
import { staleClient } from './story-clients.js';

export type StoryLang = 'zh-CN' | 'en-US';

/** The story's own controls: which state's data it shows (`data`, described as given) and its language. */
export function stateControls(states: object, description: string): ArgTypes {
  return {
    data: { description, control: 'select', options: Object.keys(states), table: { category: 'story' } },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en-US'], table: { category: 'story' } },
  };
}

/**
 * One cached, stale copy of these products and shops, shared by the stories of a file (its refresh never
 * answers): made by the first loader that asks, then the same client for every story.
 */
export function sharedStaleClient(products: readonly Product[], shops: readonly Shop[] = []) {
  let stale: Promise<XiaodianClient> | undefined;
  return (): Promise<XiaodianClient> => (stale ??= staleClient(products, shops));
}

/** The Stale story's play function: the element `tag` shows its cached data, `state="stale"`. */
export const showsStale =
  (tag: string) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> => {
    await eventually(() => expect(canvasElement.querySelector(tag)?.getAttribute('state')).toBe('stale'));
  };
