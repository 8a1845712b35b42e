// Helpers for the browser tests: one headless Chromium, a context per
// person, signing in by the labels a person reads, console watching, axe.

import { mkdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const BASE = process.env.DIALOOG_E2E_URL ?? 'http://127.0.0.1:8080';
export const STORE = process.env.DIALOOG_E2E_STORE ?? 'sqlite';
export const SHOTS = join(here, 'screenshots');
mkdirSync(SHOTS, { recursive: true });

export const DEMO_PASSWORD = 'dialoog-demo';
export const users = {
  admin: 'admin@demo.dialoog.nl',
  officer: 'officer@demo.dialoog.nl',
  director: 'director@demo.dialoog.nl',
  partner: 'partner@demo.dialoog.nl',
};

export const desktop = { width: 1280, height: 900 };
export const phone = { width: 375, height: 740 };

export async function launch() {
  return chromium.launch({
    executablePath: process.env.DIALOOG_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A fresh browser profile for one person: its pages record console errors
 * and failed scripts, which each test checks at its end.
 */
export async function person(browser, { locale = 'en-GB', viewport = desktop } = {}) {
  const context = await browser.newContext({ baseURL: BASE, locale, viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return {
    context,
    page,
    problems,
    /** Fails on any console error not matching one of the expected patterns. */
    assertCleanConsole(expected = []) {
      const left = problems.filter((p) => !expected.some((re) => re.test(p)));
      assert.deepEqual(left, [], `the console stays clean:\n${left.join('\n')}`);
    },
    close: () => context.close(),
  };
}

/**
 * Signs in by the sign-in page's labels. The account's own language then
 * applies (the demo accounts keep Dutch); with lang given, the test switches
 * to it the way a person would, which the account then keeps.
 */
export async function signIn(page, email, password = DEMO_PASSWORD, { lang } = {}) {
  await page.goto('/');
  await page.getByLabel(/^(Email|E-mail)$/).fill(email);
  await page.getByLabel(/^(Password|Wachtwoord)$/).fill(password);
  await page.getByRole('button', { name: /^(Sign in|Aanmelden)$/ }).click();
  // the header (banner) is there once signed in; on a phone its menu is folded away
  await page.getByRole('banner').waitFor();
  if (lang && (await page.evaluate(() => document.documentElement.lang)) !== lang) {
    const menu = page.getByRole('button', { name: 'Menu' });
    if (await menu.isVisible()) await menu.click();
    await page.getByLabel(/^(Language|Taal)$/).selectOption(lang);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    if (await menu.isVisible()) await menu.click();
  }
}

export async function shot(page, name, { fullPage = true } = {}) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

/** axe-core on the page as it is: no serious or critical violation. */
export async function assertAccessible(page, what) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    // @ts-ignore axe is injected above
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `${what}: axe finds no serious violation:\n${JSON.stringify(bad, null, 2)}`);
}

/** Nothing scrolls sideways: the page is no wider than the window. */
export async function assertNoSidewaysScroll(page, what) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(scroll <= client, `${what}: the page is ${scroll}px wide in a ${client}px window`);
}

/** The JavaScript and CSS a page loads, gzipped, in bytes. */
export function watchAssets(page) {
  const seen = [];
  page.on('response', async (res) => {
    const type = res.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    try {
      seen.push({ url: res.url(), gz: gzipSync(await res.body(), { level: 9 }).length });
    } catch {
      /* a body that went away with a navigation */
    }
  });
  return seen;
}

/** Signs in through the API, for arranging what a test needs (not for what it tests). */
export async function apiAs(playwrightRequest, email, password = DEMO_PASSWORD) {
  const ctx = await playwrightRequest.newContext({ baseURL: BASE });
  const res = await ctx.post('/api/v1/auth/login', { data: { email, password } });
  assert.equal(res.status(), 200, `API sign-in as ${email}`);
  const { csrf_token: csrf } = await res.json();
  const call = async (method, path, data, headers = {}) => {
    const r = await ctx.fetch(`/api/v1${path}`, { method, data, headers: { 'X-CSRF-Token': csrf, ...headers } });
    const body = r.status() === 204 ? null : await r.json().catch(() => null);
    return { status: r.status(), body };
  };
  return { ctx, call, dispose: () => ctx.dispose() };
}
