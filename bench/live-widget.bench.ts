/**
 * The live widget under load, in Chromium (the project's launcher): `<xd-live-widget>` against a
 * hand-written baseline that re-renders on every event, side by side in one run, at bursts of 1,000 events
 * a second (every 9 ms, 9 events): DOM commits a second and the time from an event's arrival to the first
 * DOM commit that shows it (target p95: one frame, 16.7 ms), beside the floor of any one-commit-per-frame
 * approach (a writer that sets one text node per frame: what the widget adds above it is its rendering), and
 * how long each contender's commits take. Then the subscription the widget uses through
 * 20 forced reconnects, each mid-burst: events lost and duplicated (target 0 and 0).
 *
 * `npm run bench -- live-widget`. The page side is live-widget.page.ts, bundled here with esbuild.
 */
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/lib/chromium.mjs';
import type { BurstResult, ReconnectResult } from './live-widget.page.js';

const rate = 1_000;
const seconds = 3;
const rounds = 3;

const bundle = await esbuild.build({
  entryPoints: [fileURLToPath(new URL('./live-widget.page.ts', import.meta.url))],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  write: false,
  minify: true,
  logLevel: 'silent',
  // Lit's production build, as a page would ship it.
  conditions: ['production'],
});

/** A step of the page that does not finish in time fails the bench instead of hanging it. */
function bounded<T>(step: Promise<T>, what: string, ms = 120_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([step, late]).finally(() => clearTimeout(timer));
}

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, timeout: 30_000 });
try {
  const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.setContent('<!doctype html><html lang="zh-CN"><body></body></html>');
  await page.addScriptTag({ type: 'module', content: bundle.outputFiles[0]!.text });
  await page.waitForFunction(() => 'liveBench' in window);

  // Alternate the contenders so that neither always runs on a warmer (or busier) machine.
  const results: BurstResult[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const approach of ['widget', 'floor', 'baseline'] as const) {
      results.push(
        await bounded(
          page.evaluate(([a, r, s]) => window.liveBench.burst(a, r, s), [approach, rate, seconds] as const),
          `The ${approach} burst`,
        ),
      );
    }
  }
  // The median round of each, by p95.
  const median = (approach: string) => {
    const runs = results.filter((result) => result.approach === approach);
    return runs.sort((a, b) => a['p95 arrival→DOM ms'] - b['p95 arrival→DOM ms'])[Math.floor(runs.length / 2)]!;
  };
  const approaches = [...new Set(results.map((result) => result.approach))];
  console.log(`\n${rate} events/s for ${seconds} s, median of ${rounds} rounds (target p95 ≤ 16.7 ms, one frame):`);
  console.table(approaches.map(median));

  const reconnect: ReconnectResult = await bounded(
    page.evaluate(() => window.liveBench.reconnects(20)),
    'The forced reconnects',
  );
  console.log('\n20 forced reconnects, each mid-burst (target: 0 lost, 0 duplicated):');
  console.table([reconnect]);
  if (reconnect['events lost'] !== 0 || reconnect['events duplicated'] !== 0 || !reconnect['final room correct']) {
    process.exitCode = 1;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  // Closing the browser ends the bench; should it not close, the bench ends anyway.
  const stop = setTimeout(() => process.exit(process.exitCode ?? 1), 10_000);
  await browser.close().catch(() => {});
  clearTimeout(stop);
}
