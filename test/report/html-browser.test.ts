/// <reference lib="dom" />
// The HTML report in a real browser (Debian's chromium driven by playwright-core): it opens with no console error
// and no request beyond its own file, sorts and filters by clicking, has a dark scheme, prints everything, shows
// every finding with JavaScript off, runs nothing from the audit's strings, and fits the viewport at desktop and
// phone widths. Screenshots go to test-output/ (gitignored) for a person to look at.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditOutput } from '../../src/report/audit-output.js';
import { renderHtml } from '../../src/report/html/index.js';
import { CANARY, exampleAudit, hostileAudit, HOSTILE_USER } from './audits.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
// In CI the browser tests must run (.ci/run installs chromium); elsewhere they skip, saying why.
const skip = !available && !process.env.CI;
const OUTPUT = join(import.meta.dirname, '../../test-output/html-report');

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let dir: string;
let context: BrowserContext;
let leaky: AuditOutput;
const files: Record<string, string> = {};

function launch(options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<BrowserContext> {
  // A fresh --user-data-dir per context: launchPersistentContext is how playwright takes one.
  return chromium.launchPersistentContext(mkdtempSync(join(dir, 'profile-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
  });
}

interface Watched {
  page: Page;
  errors: string[];
  requests: string[];
  dialogs: string[];
}

async function open(ctx: BrowserContext, file: string): Promise<Watched> {
  const page = await ctx.newPage();
  const watched: Watched = { page, errors: [], requests: [], dialogs: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') watched.errors.push(m.text());
  });
  page.on('pageerror', (e) => watched.errors.push(e.message));
  page.on('request', (r) => watched.requests.push(r.url()));
  page.on('dialog', (d) => {
    watched.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(pathToFileURL(file).href);
  return watched;
}

/** The rows a person sees: not hidden (by the filter or by display:none). */
const visibleRows = (page: Page) =>
  page.$$eval('#findings tbody tr', (rows) => rows.filter((r) => (r as HTMLElement).offsetParent !== null).map((r) => (r as HTMLElement).dataset));

// A browser on a shared 2-core machine: generous per-test time (nothing here measures speed).
describe.skipIf(skip)(`the HTML report in headless chromium${skip ? ` (skipped: ${CHROMIUM} is not installed; apt-get install chromium)` : ''}`, { timeout: 90_000 }, () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rampart-html-'));
    mkdirSync(OUTPUT, { recursive: true });
    leaky = await exampleAudit('leaky-account');
    const audits: Record<string, AuditOutput> = { leaky, clean: await exampleAudit('clean-account'), hostile: hostileAudit() };
    for (const [name, audit] of Object.entries(audits)) writeFileSync((files[name] = join(dir, `${name}.html`)), renderHtml(audit));
    context = await launch();
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens with no console error and no request but its own file', async () => {
    for (const name of ['leaky', 'clean', 'hostile']) {
      const w = await open(context, files[name]!);
      expect(w.errors, name).toEqual([]);
      expect(w.requests, name).toEqual([pathToFileURL(files[name]!).href]);
      await w.page.close();
    }
  });

  it('shows the account, the date, the score, the area chart and the manual steps', async () => {
    const { page } = await open(context, files.leaky!);
    await expect(page.textContent('h1')).resolves.toContain(leaky.account.id);
    await expect(page.textContent('header')).resolves.toContain('2026-06-15 12:00 UTC');
    await expect(page.textContent('#score')).resolves.toContain(String(leaky.score));
    const bars = await page.$$eval('#area-chart rect.bar', (r) => r.length);
    expect(bars).toBe(Object.keys(leaky.areas ?? {}).length);
    const manual = await page.textContent('#manual');
    expect(manual).toContain('root-mfa');
    expect(manual).toContain('Assign MFA device');
    await page.close();
  });

  it('sorts by a column when its header is clicked, both ways', async () => {
    const { page } = await open(context, files.leaky!);
    const order = ['critical', 'high', 'medium', 'low', 'info'];
    const severities = async () => (await visibleRows(page)).map((d) => order.indexOf(d.severity!));
    await page.click('th:nth-child(2) button');
    const up = await severities();
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(up[0]).toBe(0);
    await page.click('th:nth-child(2) button');
    const down = await severities();
    expect(down).toEqual([...down].sort((a, b) => b - a));
    expect(await page.getAttribute('th:nth-child(2)', 'aria-sort')).toBe('descending');
    await page.close();
  });

  it('filters by severity, area and status', async () => {
    const { page } = await open(context, files.leaky!);
    expect(await visibleRows(page)).toHaveLength(leaky.results.length);
    await page.selectOption('#filter-severity', 'critical');
    let rows = await visibleRows(page);
    expect(rows.length).toBe(leaky.results.filter((r) => r.severity === 'critical').length);
    expect(rows.every((d) => d.severity === 'critical')).toBe(true);
    await page.selectOption('#filter-severity', '');
    await page.selectOption('#filter-area', 'identity');
    await page.selectOption('#filter-status', 'FAIL');
    rows = await visibleRows(page);
    expect(rows.length).toBe(leaky.results.filter((r) => r.area === 'identity' && r.status === 'FAIL').length);
    expect(rows.length).toBeGreaterThan(0);
    await expect(page.textContent('#shown')).resolves.toBe(`${rows.length} of ${leaky.results.length} shown`);
    await page.close();
  });

  it('shows a fix when asked', async () => {
    const { page } = await open(context, files.leaky!);
    const first = page.locator('#findings tbody tr').first();
    await expect(first.locator('.fix').isVisible()).resolves.toBe(false);
    await first.locator('button.toggle').click();
    await expect(first.locator('.fix').isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('has a dark scheme for prefers-color-scheme: dark', async () => {
    const { page } = await open(context, files.leaky!);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await background()).toBe('rgb(255, 255, 255)');
    await page.emulateMedia({ colorScheme: 'dark' });
    const [r, g, b] = (await background()).match(/\d+/g)!.map(Number);
    expect(r! + g! + b!).toBeLessThan(100);
    await page.screenshot({ path: join(OUTPUT, 'dark-1280.png'), fullPage: false });
    await page.close();
  });

  it('prints every finding with its fix and no controls, even when filtered on screen', async () => {
    const { page } = await open(context, files.leaky!);
    await page.selectOption('#filter-status', 'PASS');
    await page.emulateMedia({ media: 'print' });
    expect(await visibleRows(page)).toHaveLength(leaky.results.length);
    const fixes = await page.$$eval('#findings .fix', (els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length);
    expect(fixes).toBe(leaky.results.length);
    await expect(page.isVisible('#controls')).resolves.toBe(false);
    await expect(page.isVisible('button.toggle >> nth=0')).resolves.toBe(false);
    await page.close();
  });

  it('shows every finding and its fix with JavaScript off', async () => {
    const noJs = await launch({ javaScriptEnabled: false });
    try {
      const { page, errors } = await open(noJs, files.leaky!);
      const rows = await visibleRows(page);
      expect(rows).toHaveLength(leaky.results.length);
      const text = (await page.textContent('#findings'))!;
      for (const r of leaky.results) expect(text).toContain(r.resource);
      const fixes = await page.$$eval('#findings .fix', (els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length);
      expect(fixes).toBe(leaky.results.length);
      await expect(page.isVisible('#controls')).resolves.toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await noJs.close();
    }
  });

  it('shows hostile strings as text: nothing from the audit runs', async () => {
    const w = await open(context, files.hostile!);
    expect(w.dialogs).toEqual([]);
    expect(w.errors).toEqual([]);
    expect(await w.page.$$eval('script', (s) => s.length)).toBe(1);
    expect(await w.page.$$eval('#findings img', (s) => s.length)).toBe(0);
    expect(await w.page.textContent('#findings')).toContain(HOSTILE_USER);
    expect(await w.page.content()).not.toContain(CANARY);
    await w.page.close();
  });

  for (const width of [1280, 375]) {
    it(`fits a ${width} px wide viewport: nothing overflows, the chart is visible`, async () => {
      const ctx = await launch({ width });
      try {
        const { page } = await open(ctx, files.leaky!);
        const layout = await page.evaluate(() => {
          const vw = document.documentElement.clientWidth;
          const over = [...document.querySelectorAll('body *')]
            .filter((e) => (e as HTMLElement).offsetParent !== null || e.tagName === 'svg' || e.closest('svg'))
            .map((e) => ({ tag: e.tagName, id: e.id, cls: String(e.className), right: e.getBoundingClientRect().right }))
            .filter((e) => e.right > vw + 1);
          const chart = document.getElementById('area-chart')!.getBoundingClientRect();
          return { vw, scroll: document.documentElement.scrollWidth, over: over.slice(0, 5), chart: { w: chart.width, h: chart.height, right: chart.right } };
        });
        expect(layout.over).toEqual([]);
        expect(layout.scroll).toBeLessThanOrEqual(layout.vw);
        expect(layout.chart.w).toBeGreaterThan(200);
        expect(layout.chart.h).toBeGreaterThan(50);
        await page.screenshot({ path: join(OUTPUT, `leaky-${width}.png`), fullPage: true });
      } finally {
        await ctx.close();
      }
    });
  }
});
