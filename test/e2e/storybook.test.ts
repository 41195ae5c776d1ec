// Storybook, as a designer opens it: built here (`storybook build`, offline, its output read for warnings),
// served on 127.0.0.1 by the demo gateway, and every story and docs page opened in Chromium. Each story
// reports its outcome on Storybook's channel (`storyFinished`: the render, the play function and the a11y
// checks), so no page is judged by waiting a while and seeing nothing go wrong. `npm test` runs this file on
// its own (scripts/test.mjs), with a longer limit than the other end-to-end files.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ConsoleMessage, Page } from 'playwright-core';
import { startSite, type Site } from './harness.js';

const root = new URL('../../', import.meta.url).pathname;
const manifestFile = join(root, 'packages/elements/custom-elements.json');
/** `storybook build` takes about 20 s on a quiet machine; the bound is for one that hangs. */
const buildLimitMs = 8 * 60_000;
/** One story or docs page, from opening it to its end event; minutes, because the machine may be busy. */
const entryLimitMs = 120_000;

interface IndexEntry {
  id: string;
  type: 'story' | 'docs';
  title: string;
  name: string;
  importPath: string;
  tags?: string[];
}

interface ManifestDeclaration {
  tagName?: string;
  cssProperties?: Array<{ name: string }>;
}

/** What a page said while it rendered one entry: channel events and console errors. */
interface Outcome {
  events: Array<{ event: string; payload: unknown }>;
  errors: string[];
}

/** Events that mean something went wrong, whatever the end event says. */
const failureEvents = [
  'storyErrored',
  'storyThrewException',
  'storyMissing',
  'playFunctionThrewException',
  'unhandledErrorsWhilePlaying',
];
/** Events after which the entry renders no further: its story could not be found or prepared. */
const abortEvents = ['storyErrored', 'storyMissing'];
const watchedEvents = ['storyFinished', 'docsRendered', ...failureEvents];

/** What the page must have said for an entry to have ended: its id, and for a docs page the stories it shows. */
interface Ending {
  id: string;
  type: IndexEntry['type'];
  /** The stories a docs page renders: every story of its file with the `autodocs` tag. */
  stories: string[];
  abortEvents: string[];
}

/**
 * Whether the entry has ended (runs in the page, on the events since it opened): a story when its own
 * `storyFinished` is in (rendered, played, checked); a docs page when `docsRendered` is in and so is the
 * `storyFinished` of every story it shows, which render after it. Or when Storybook gave up on the entry.
 */
function hasEnded({ id, type, stories, abortEvents }: Ending): boolean {
  const log = (window as unknown as { __channelEvents?: Array<{ type: string; args: unknown[] }> }).__channelEvents;
  if (!log || log.some((e) => abortEvents.includes(e.type))) return Boolean(log);
  const finished = new Set(
    log.filter((e) => e.type === 'storyFinished').map((e) => (e.args[0] as { storyId?: string } | null)?.storyId),
  );
  if (type === 'story') return finished.has(id);
  return log.some((e) => e.type === 'docsRendered') && stories.every((story) => finished.has(story));
}

function build(outDir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(root, 'node_modules/.bin/storybook'), ['build', '--quiet', '--output-dir', outDir], {
      cwd: root,
      // Offline: no telemetry, no version check, no colour codes in the output read for warnings.
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', STORYBOOK_DISABLE_TELEMETRY: '1', CI: '1' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    const limit = setTimeout(() => child.kill('SIGKILL'), buildLimitMs);
    child.once('error', (error) => {
      clearTimeout(limit);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(limit);
      resolve({ code, output: signal ? `${output}\nkilled (${signal}) after ${buildLimitMs} ms` : output });
    });
  });
}

/**
 * Runs in every page before Storybook's scripts: keeps every event the channel handles, in order, in
 * `window.__channelEvents`. The channel itself keeps only each event's last payload, and a docs page renders
 * many stories, each ending with its own `storyFinished`. (Methods and inline arrows only: a named function
 * inside would call a helper the compiler adds, which the page does not have.)
 */
function recordChannelEvents() {
  const slot = { channel: undefined as unknown };
  const page = window as unknown as { __channelEvents: Array<{ type: string; args: unknown[] }> };
  page.__channelEvents = [];
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get() {
      return slot.channel;
    },
    set(next: { handleEvent(event: { type: string; args: unknown[] }): void } | undefined) {
      if (next && next !== slot.channel) {
        const handle = next.handleEvent.bind(next);
        next.handleEvent = (event) => {
          page.__channelEvents.push(event);
          handle(event);
        };
      }
      slot.channel = next;
    },
  });
}

/** The events of `events` the channel has handled since the page opened or the last story switch, in order. */
function channelEvents(events: readonly string[]): Outcome['events'] {
  const log = (window as unknown as { __channelEvents: Array<{ type: string; args: unknown[] }> }).__channelEvents;
  return log
    .filter((e) => events.includes(e.type))
    .map((e) => ({ event: e.type, payload: JSON.parse(JSON.stringify(e.args[0] ?? null)) as unknown }));
}

/** What went wrong in one entry's events: failure events, and a story that finished with an error. */
export function failuresIn(events: Outcome['events']): Outcome['events'] {
  return events.filter(
    (e) =>
      failureEvents.includes(e.event) ||
      (e.event === 'storyFinished' && (e.payload as { status?: string } | null)?.status !== 'success'),
  );
}

interface Reporter {
  type: string;
  status?: string;
  result?: { violations?: Array<{ id: string; nodes: Array<{ target: unknown }> }> };
}

/**
 * One line for a failure event of entry `id`: for a story that finished with an error, which reporter said so
 * and why (and which story, on a docs page).
 */
function describeFailure(e: Outcome['events'][number], id: string): string {
  if (e.event !== 'storyFinished') {
    // An error's message first (a failed `expect` prints the whole DOM after it: cut that).
    const message = (e.payload as { message?: string } | null)?.message;
    return `${e.event} ${(message ?? JSON.stringify(e.payload)).split('\n\nIgnored nodes')[0]!.slice(0, 500)}`;
  }
  const { storyId, reporters: all = [] } = (e.payload ?? {}) as { storyId?: string; reporters?: Reporter[] };
  const reporters = all.filter((r) => r.status === 'failed');
  const reasons = reporters.map((r) =>
    r.type === 'a11y'
      ? `a11y: ${(r.result?.violations ?? []).map((v) => `${v.id} at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`).join('; ')}`
      : `${r.type} failed`,
  );
  const story = storyId && storyId !== id ? `its story ${storyId} ` : '';
  return `${story}finished with an error${reasons.length ? `: ${reasons.join(' | ')}` : ' (the render or the play function threw)'}`;
}

/**
 * Every colour the story paints, deep through shadow roots and pseudo-elements: a colour token set to a
 * value nothing else uses shows up here exactly when it restyles something. Tab first, so the focus ring
 * is drawn too. (No named functions inside: the page has no helpers the compiler adds.)
 */
async function paintedColours(page: Page): Promise<Set<string>> {
  await page.keyboard.press('Tab');
  const colours = await page.evaluate(() => {
    const found = new Set<string>();
    const properties = [
      'color',
      'background-color',
      'border-top-color',
      'border-right-color',
      'border-bottom-color',
      'border-left-color',
      'outline-color',
      'box-shadow',
      'text-decoration-color',
      'fill',
      'stroke',
    ];
    const queue: Array<Element | ShadowRoot> = [document.querySelector('#storybook-root')!];
    while (queue.length) {
      const node = queue.shift()!;
      for (const element of node instanceof Element
        ? [node, ...node.querySelectorAll('*')]
        : node.querySelectorAll('*')) {
        for (const pseudo of [null, '::before', '::after', '::placeholder']) {
          const style = getComputedStyle(element, pseudo);
          for (const property of properties) found.add(style.getPropertyValue(property));
        }
        if (element.shadowRoot) queue.push(element.shadowRoot);
      }
    }
    return [...found];
  });
  // `box-shadow` holds its colour among lengths: keep each rgb() on its own.
  return new Set(colours.flatMap((value) => value.match(/rgba?\([^)]*\)/g) ?? []));
}

/** The story's colour controls, from what Storybook rendered (its argTypes, after every enhancer). */
const colourControls = (page: Page) =>
  page.evaluate(() => {
    const preview = (
      window as unknown as {
        __STORYBOOK_PREVIEW__: {
          currentRender: { story: { argTypes: Record<string, { control?: { type?: string } | false } | undefined> } };
        };
      }
    ).__STORYBOOK_PREVIEW__;
    return Object.entries(preview.currentRender.story.argTypes)
      .filter(([, argType]) => argType?.control && argType.control.type === 'color')
      .map(([name]) => name);
  });

describe('Storybook (built, served on 127.0.0.1, opened in Chromium)', () => {
  let outDir: string;
  let built: { code: number | null; output: string };
  let site: Site;
  let origin: string;
  let entries: IndexEntry[];
  let declarations: ManifestDeclaration[];

  before(async () => {
    assert.ok(existsSync(manifestFile), 'custom-elements.json is built (npm run build:packages)');
    declarations = (
      JSON.parse(readFileSync(manifestFile, 'utf8')) as { modules: Array<{ declarations?: ManifestDeclaration[] }> }
    ).modules.flatMap((m) => m.declarations ?? []);
    // Where `npm run build-storybook` writes it (ignored by git, lint and format), left for a look afterwards.
    outDir = join(root, 'storybook-static');
    built = await build(outDir);
    assert.equal(built.code, 0, `storybook build failed:\n${built.output}`);
    entries = Object.values(
      (JSON.parse(readFileSync(join(outDir, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> }).entries,
    );
    site = await startSite(outDir);
    origin = site.gateway.url;
  });

  after(async () => {
    await site?.close();
  });

  /** The stories a docs page renders (none for a story): its file's stories that carry the `autodocs` tag. */
  const storiesShownBy = (entry: IndexEntry): string[] =>
    entry.type === 'docs'
      ? entries
          .filter((e) => e.type === 'story' && e.importPath === entry.importPath && e.tags?.includes('autodocs'))
          .map((e) => e.id)
      : [];

  /**
   * Opens one entry's iframe and waits for the event that ends it (never for a time). `switch` renders a
   * story in the page's iframe as Storybook's manager does (`setCurrentStory`), without loading the page
   * again: each load evaluates every module again, demo catalog included, which costs seconds.
   */
  async function render(page: Page, entry: IndexEntry, query = '', how: 'load' | 'switch' = 'load'): Promise<Outcome> {
    const errors: string[] = [];
    const onConsole = (message: ConsoleMessage) => {
      // Chromium asks for /favicon.ico on its own; Storybook's iframe (a tool's page, not the kit's) has none.
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) errors.push(message.text());
    };
    const onPageError = (error: Error) => errors.push(`uncaught: ${error.message}`);
    // The console says only "404"; this says what was missing.
    const onResponse = (response: { status(): number; url(): string }) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    };
    page.on('console', onConsole);
    page.on('pageerror', onPageError);
    page.on('response', onResponse);
    try {
      if (how === 'switch') {
        await page.evaluate((storyId) => {
          const page = window as unknown as {
            __channelEvents: unknown[];
            __STORYBOOK_ADDONS_CHANNEL__: { emit(e: string, p: unknown): void };
          };
          page.__channelEvents = []; // what the previous story said is not this one's
          page.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId, viewMode: 'story' });
        }, entry.id);
      } else {
        await page.goto(`${origin}/iframe.html?id=${entry.id}&viewMode=${entry.type}${query}`, {
          timeout: entryLimitMs,
        });
      }
      const ending: Ending = { id: entry.id, type: entry.type, stories: storiesShownBy(entry), abortEvents };
      await page.waitForFunction(
        hasEnded,
        ending,
        // Polled on a timer: requestAnimationFrame (the default) waits on frames a busy page may not paint.
        { timeout: entryLimitMs, polling: 100 },
      );
      const events = await page.evaluate(channelEvents, watchedEvents);
      return { events, errors };
    } finally {
      page.off('console', onConsole);
      page.off('pageerror', onPageError);
      page.off('response', onResponse);
    }
  }

  const offsite: string[] = [];

  async function newPage(): Promise<Page> {
    const page = await site.browser.newPage({ viewport: { width: 375, height: 812 } });
    await page.addInitScript(recordChannelEvents);
    // Offline: the stories run on the in-process demo catalog, so any request that leaves this server is
    // a failure (watched, not intercepted: interception costs every request a round trip to this process).
    page.on('request', (request) => {
      if (new URL(request.url()).origin !== origin && !request.url().startsWith('data:')) offsite.push(request.url());
    });
    return page;
  }

  /** Renders entries on two pages at once (the machine has two cores); returns what went wrong, per entry. */
  async function renderAll(list: IndexEntry[]): Promise<string[]> {
    const problems: string[] = [];
    const report = (problem: string) => {
      problems.push(problem);
      if (process.env.STORYBOOK_TEST_LOG) appendFileSync(process.env.STORYBOOK_TEST_LOG, `${problem}\n`);
    };
    const queue = [...list];
    const worker = async () => {
      let page = await newPage();
      let loaded = false;
      for (let entry = queue.shift(); entry; entry = queue.shift()) {
        // A page whose script never yields would hang page.evaluate (it has no timeout of its own).
        let timer: NodeJS.Timeout | undefined;
        const limit = new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`did not finish rendering within ${entryLimitMs} ms`)),
            entryLimitMs,
          );
        });
        try {
          const how = loaded && entry.type === 'story' ? 'switch' : 'load';
          const { events, errors } = await Promise.race([render(page, entry, '', how), limit]);
          loaded = entry.type === 'story';
          for (const e of failuresIn(events)) report(`${entry.id}: ${describeFailure(e, entry.id)}`);
          for (const error of errors)
            report(`${entry.id}: console error: ${error.split('\n\nIgnored nodes')[0]!.slice(0, 500)}`);
        } catch (error) {
          report(`${entry.id}: ${error instanceof Error ? error.message : String(error)}`);
          await page.close();
          page = await newPage();
          loaded = false;
        } finally {
          clearTimeout(timer);
        }
      }
      await page.close();
    };
    await Promise.all([worker(), worker()]);
    // A docs page loads what its stories do not (its own blocks, pictures in descriptions): checked here too.
    for (const url of offsite.splice(0)) report(`a request left 127.0.0.1: ${url}`);
    return problems;
  }

  it('builds offline without a warning, the stories in chunks under 500 kB', () => {
    assert.doesNotMatch(built.output, /▲|\bwarn(ing)?\b/i, built.output);
    // Storybook's own prebundled modules are the only larger chunks (see .storybook/main.ts).
    const storybooks = /^(iframe|DocsRenderer|axe)-[\w-]+\.js$/;
    const large = readdirSync(join(outDir, 'assets')).filter(
      (file) => file.endsWith('.js') && !storybooks.test(file) && statSync(join(outDir, 'assets', file)).size > 500_000,
    );
    assert.deepEqual(large, []);
  });

  it('has a docs page for every element in custom-elements.json', () => {
    const tags = declarations.flatMap((d) => (d.tagName ? [d.tagName] : []));
    assert.ok(tags.length >= 7, `the manifest lists the elements (${tags.join(', ')})`);
    const documented = new Set(
      entries.filter((e) => e.type === 'docs').map((e) => e.title.toLowerCase().replace(/[^a-z]+/g, '')),
    );
    // Titles name what a designer looks for: <xd-search> is the search box.
    const titleOf = (tag: string) =>
      tag === 'xd-search' ? 'searchbox' : tag.replace(/^xd-/, '').replace(/[^a-z]+/g, '');
    for (const tag of tags) {
      assert.ok(
        [...documented].some((title) => title.endsWith(titleOf(tag))),
        `no docs page for <${tag}> (docs: ${[...documented].join(', ')})`,
      );
    }
  });

  it('renders every story with its play function passing, no a11y violation and no console error', async () => {
    const stories = entries.filter((e) => e.type === 'story');
    assert.ok(stories.length > 0);
    const problems = await renderAll(stories);
    // One line per problem (a deep-equal diff of long lists takes minutes to compute).
    assert.ok(problems.length === 0, `${problems.length} problem(s):\n${problems.join('\n')}`);
  });

  it('renders every docs page, and every story on it, without an error or a console error', async () => {
    const docs = entries.filter((e) => e.type === 'docs');
    const problems = await renderAll(docs);
    assert.ok(problems.length === 0, `${problems.length} problem(s):\n${problems.join('\n')}`);
  });

  it('restyles the price when the price-colour control is set in the URL (&args=)', async () => {
    const page = await newPage();
    try {
      const ready = entries.find((e) => e.id === 'product-card--ready');
      assert.ok(ready, 'the product card has a Ready story');
      const priceColour = async () => {
        await page.waitForFunction(() => document.querySelector('xd-product-card')?.getAttribute('state') === 'ready');
        return page.$eval(
          'xd-product-card',
          (card) => getComputedStyle(card.shadowRoot!.querySelector('[part=price]')!).color,
        );
      };
      assert.deepEqual(failuresIn((await render(page, ready)).events), []);
      const before = await priceColour();
      // A dark green: it reads on the white card (axe checks the contrast of whatever the control sets).
      const { events } = await render(page, ready, '&args=--xd-product-card-price-color:!hex(006400)');
      assert.deepEqual(failuresIn(events), []);
      assert.notEqual(before, 'rgb(0, 100, 0)');
      assert.equal(await priceColour(), 'rgb(0, 100, 0)');
    } finally {
      await page.close();
    }
  });

  it("repaints each element's theme-tokens stories with every colour control it offers", async () => {
    const marked = entries.filter((e) => e.type === 'story' && e.tags?.includes('theme-tokens'));
    const componentOf = (entry: IndexEntry) => entry.id.split('--')[0]!;
    // Every element's stories have some, and so do the store's theming stories.
    const components = new Set(entries.filter((e) => e.type === 'docs').map(componentOf));
    for (const component of components) {
      assert.ok(
        marked.some((e) => componentOf(e) === component),
        `${component} has no story tagged theme-tokens`,
      );
    }
    /** Per component, each colour control and whether one of its tagged stories painted with it. */
    const painted = new Map<string, Map<string, boolean>>();
    const page = await newPage();
    try {
      for (const story of marked) {
        assert.deepEqual(failuresIn((await render(page, story)).events), [], story.id);
        const controls = await colourControls(page);
        assert.ok(controls.length > 0, `${story.id} offers no colour control`);
        const seen = painted.get(componentOf(story)) ?? new Map<string, boolean>();
        painted.set(componentOf(story), seen);
        // An element's own tokens take precedence over the global ones they default to, so each group is
        // set on its own; within a group every token gets a colour of its own (rgb(1, 2, 100 + i)).
        const groups = [
          controls.filter((name) => name.startsWith('--xd-color-')),
          controls.filter((name) => !name.startsWith('--xd-color-')),
        ];
        for (const group of groups.filter((g) => g.length > 0)) {
          const args = group.map((name, i) => `${name}:!hex(0102${(100 + i).toString(16)})`).join(';');
          const { events, errors } = await render(page, story, `&args=${args}`);
          // Rendered and played: colours picked to be told apart, not to read well, so axe may object.
          const thrown = events.filter((e) => failureEvents.includes(e.event));
          assert.deepEqual([...thrown, ...errors], [], story.id);
          const colours = await paintedColours(page);
          group.forEach((name, i) => seen.set(name, (seen.get(name) ?? false) || colours.has(`rgb(1, 2, ${100 + i})`)));
        }
      }
    } finally {
      await page.close();
    }
    const problems = [...painted].flatMap(([component, seen]) =>
      [...seen].filter(([, used]) => !used).map(([name]) => `${component}: ${name} changes nothing it paints`),
    );
    assert.ok(problems.length === 0, `${problems.length} control(s) that restyle nothing:\n${problems.join('\n')}`);
  });
});
