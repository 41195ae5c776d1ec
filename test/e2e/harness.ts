// What every end-to-end file needs: the built site behind a demo gateway, Debian's Chromium, pages that record
// what went wrong on them, and axe.
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createDemoBackend } from '@xiaodian/demo';
import { startGateway, type RunningGateway } from '@xiaodian/gateway';
import { chromiumArgs, chromiumPath } from '../../scripts/lib/chromium.mjs';

/** The built example pages (`npm run build:site`). */
export const siteDir = new URL('../../dist/site/', import.meta.url).pathname;
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface Site {
  gateway: RunningGateway;
  browser: Browser;
  backend: ReturnType<typeof createDemoBackend>;
  close(): Promise<void>;
}

/** A demo gateway on 127.0.0.1 serving `staticDir` (the built site by default) and its pictures, and Chromium. */
export async function startSite(staticDir = siteDir): Promise<Site> {
  const backend = createDemoBackend();
  const gateway = await startGateway({
    backend,
    assets: (path) => backend.renderImage(path),
    port: 0,
    host: '127.0.0.1',
    staticDir,
    log: false,
  });
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, timeout: 30_000 });
  } catch (error) {
    await gateway.close();
    throw error;
  }
  return {
    gateway,
    browser,
    backend,
    async close() {
      await browser.close();
      await gateway.close();
    },
  };
}

export interface Visit {
  page: Page;
  /** Console warnings and errors, page errors, failed requests and 4xx/5xx answers, as they happened. */
  problems: string[];
}

export interface VisitOptions {
  colorScheme?: 'light' | 'dark';
  /** Serve this markup at `url` instead of asking the server. */
  html?: string;
}

/** Opens `url` at 375 × 812 (a WeChat phone) and records everything that goes wrong on the page. */
export async function visit(browser: Browser, url: string, options: VisitOptions = {}): Promise<Visit> {
  const page = await browser.newPage({ viewport: { width: 375, height: 812 }, colorScheme: options.colorScheme });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (['warning', 'error'].includes(message.type())) problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  const { html } = options;
  if (html !== undefined) {
    await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  }
  await page.goto(url, { waitUntil: 'load', timeout: 15_000 });
  return { page, problems };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: Array<{ target: unknown; failureSummary?: string }>;
}

/** axe-core's violations on the page as it is now (the first three nodes of each). */
export async function axe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const { violations } = await (
      window as unknown as { axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> } }
    ).axe.run(document);
    return violations.map(({ id, impact, nodes }) => ({
      id,
      impact,
      nodes: nodes.slice(0, 3).map(({ target, failureSummary }) => ({ target, failureSummary })),
    }));
  });
}
