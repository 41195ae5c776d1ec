import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Reads a WeChat-shaped sample payload from `../shared/fixtures/wechat/`. */
export function wechatFixture(name: string): Record<string, unknown> {
  const url = new URL(`../../shared/fixtures/wechat/${name}`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as Record<string, unknown>;
}
