// The budget, checked on the built output: the first load of the sign-in
// page (index.html's scripts and stylesheets and every module they import
// statically) is at most 100 KB of JavaScript and CSS, gzipped. Screens
// loaded on demand do not count, and must stay out of that first load.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET = 100 * 1024;
const dist = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

function firstLoad() {
  assert.ok(existsSync(join(dist, 'index.html')), 'frontend/dist is not built: run `npm run build` first');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="(?:modulepreload|stylesheet)"[^>]*href="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*href="([^"]+)"[^>]*rel="(?:modulepreload|stylesheet)"/g),
  ].map((m) => m[1]);
  const seen = new Set();
  const queue = refs.map((r) => posix.normalize(r.replace(/^\//, '')));
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(dist, file), 'utf8');
    // static imports only: `import{a}from"./x.js"` and `import"./x.js"`, not import("./x.js")
    for (const m of code.matchAll(/(?:^|[;}\n])\s*import\s*(?:[\w$*{}\s,]+?from\s*)?["']([^"']+\.js)["']/g)) {
      queue.push(posix.normalize(posix.join(posix.dirname(file), m[1])));
    }
  }
  return [...seen].map((file) => ({ file, gz: gzipSync(readFileSync(join(dist, file)), { level: 9 }).length }));
}

test('the sign-in page loads at most 100 KB of JS and CSS, gzipped', () => {
  const files = firstLoad();
  const total = files.reduce((n, f) => n + f.gz, 0);
  for (const f of files) console.log(`  ${f.file}: ${(f.gz / 1024).toFixed(1)} KB gz`);
  console.log(`  first load: ${(total / 1024).toFixed(1)} KB of ${BUDGET / 1024} KB`);
  assert.ok(files.some((f) => f.file.endsWith('.js')), 'the first load has a script');
  assert.ok(files.some((f) => f.file.endsWith('.css')), 'the first load has a stylesheet');
  assert.ok(total <= BUDGET, `first load is ${total} bytes gzipped; the budget is ${BUDGET}`);
});

test('screens are loaded when opened, not with the sign-in page', () => {
  const names = firstLoad().map((f) => f.file);
  for (const screen of ['LogMeeting', 'Overview', 'Stakeholders', 'Commitments', 'ActionList', 'Users', 'Report', 'Settings']) {
    assert.ok(!names.some((n) => n.includes(screen)), `${screen} is not in the first load`);
  }
});
