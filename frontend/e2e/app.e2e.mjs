// The app as people use it, in headless Chromium against a real server with
// the demo organisation. The tests run in order and build on each other: an
// officer adds a stakeholder, the admin gives it a partner account, the
// officer logs a meeting with a concern and a shared commitment, a director
// finds it on the Overview, and the partner sees that commitment, and
// nothing else.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { request } from 'playwright-core';
import {
  STORE, apiAs, assertAccessible, assertNoSidewaysScroll, desktop, launch, person, phone, shot, signIn, users, watchAssets,
} from './browser.mjs';

const run = Math.random().toString(36).slice(2, 7);
const stakeholder = `Bewonersgroep Test ${run}`;
const partnerEmail = `partner-${run}@e2e.test`;
const partnerPassword = `partner-pw-${run}`;
const meetingTitle = `Avondoverleg geluid ${run}`;
const concernTitle = `Nachtelijk geluid van de laadkuil ${run}`;
const commitmentTitle = `Geluidsmeting delen met de bewoners ${run}`;
const pad = (n) => String(n).padStart(2, '0');
const tomorrow = (() => {
  const d = new Date(Date.now() + 24 * 3600 * 1000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
})();

// a browser answers 4xx in the console when a test provokes it on purpose
const expected4xx = (code) => new RegExp(`status of ${code}`);

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

describe(`Dialoog in the browser (${STORE})`, () => {
  it('the sign-in page is labelled, accessible, small, and fits a phone', async () => {
    for (const [name, viewport] of [['desktop', desktop], ['phone', phone]]) {
      const p = await person(browser, { viewport });
      const assets = watchAssets(p.page);
      await p.page.goto('/');
      await p.page.getByRole('button', { name: 'Sign in' }).waitFor();
      await p.page.waitForLoadState('networkidle');
      await assert.doesNotReject(p.page.getByLabel('Email', { exact: true }).waitFor());
      await assert.doesNotReject(p.page.getByLabel('Password', { exact: true }).waitFor());
      const favicon = await p.page.evaluate(() => document.querySelector('link[rel=icon]')?.getAttribute('href'));
      assert.equal(favicon, '/favicon.svg');
      const icon = await p.page.request.get('/favicon.svg');
      assert.equal(icon.status(), 200);
      assert.match(icon.headers()['content-type'], /svg/);
      const total = assets.reduce((n, a) => n + a.gz, 0);
      console.log(`sign-in page (${name}): ${assets.length} JS/CSS files, ${(total / 1024).toFixed(1)} KB gzipped`);
      assert.ok(total <= 100 * 1024, `sign-in page loads ${total} bytes of JS+CSS gzipped; the budget is 100 KB`);
      await assertAccessible(p.page, `sign in (${name})`);
      await assertNoSidewaysScroll(p.page, `sign in (${name})`);
      await shot(p.page, `signin-${name}`);
      p.assertCleanConsole();
      await p.close();
    }
  });

  it('a wrong password says so, keeps the email, and signs in by keyboard alone', async () => {
    const p = await person(browser);
    await p.page.goto('/');
    const email = p.page.getByLabel('Email', { exact: true });
    await email.focus();
    await p.page.keyboard.type(users.officer);
    await p.page.keyboard.press('Tab');
    await p.page.keyboard.type('not-the-password');
    await p.page.keyboard.press('Enter');
    await p.page.getByRole('alert').filter({ hasText: 'do not match' }).waitFor();
    assert.equal(await email.inputValue(), users.officer);
    // the password field has focus again: type it and press Enter
    await p.page.keyboard.type('dialoog-demo');
    await p.page.keyboard.press('Enter');
    await p.page.getByRole('navigation').waitFor();
    await p.page.getByRole('heading', { level: 1, name: /^(Log a meeting|Gesprek vastleggen)$/ }).waitFor();
    p.assertCleanConsole([expected4xx(401)]);
    await p.close();
  });

  it('an officer adds a stakeholder, and the register shows it with the grid', async () => {
    const p = await person(browser);
    await signIn(p.page, users.officer, undefined, { lang: 'en' });
    await p.page.getByRole('link', { name: 'Stakeholders' }).click();
    await p.page.getByRole('heading', { level: 1, name: 'Stakeholders' }).waitFor();
    await p.page.getByRole('group', { name: 'Power and interest' }).waitFor();
    await p.page.locator('svg circle').first().waitFor();
    await assertAccessible(p.page, 'stakeholders');
    await shot(p.page, 'stakeholders-desktop');
    await p.page.getByRole('button', { name: 'New stakeholder' }).click();
    const form = p.page.getByRole('region', { name: 'New stakeholder' });
    await form.getByLabel('Name', { exact: true }).fill(stakeholder);
    await form.getByLabel('Category').selectOption('community');
    await form.getByLabel('Influence (1–5)').selectOption('2');
    await form.getByLabel('Interest (1–5)').selectOption('5');
    await form.getByLabel('Stance').selectOption('critical');
    await form.getByRole('button', { name: 'Add stakeholder' }).click();
    await p.page.getByRole('heading', { level: 1, name: stakeholder }).waitFor();
    // the search finds it, and its dot opens it
    await p.page.getByRole('link', { name: 'Stakeholders' }).click();
    await p.page.getByLabel('Search stakeholders').fill(run);
    await p.page.getByRole('cell', { name: stakeholder }).waitFor();
    await p.page.getByRole('link', { name: new RegExp(`^${stakeholder}: influence 2, interest 5`) }).click();
    await p.page.getByRole('heading', { level: 1, name: stakeholder }).waitFor();
    p.assertCleanConsole();
    await p.close();
  });

  it('the admin gives the stakeholder a partner account on Users', async () => {
    const p = await person(browser);
    await signIn(p.page, users.admin, undefined, { lang: 'en' });
    await p.page.getByRole('link', { name: 'Users' }).click();
    await p.page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await p.page.getByRole('button', { name: 'Add user' }).click();
    const form = p.page.getByRole('region', { name: 'Add user' });
    await form.getByLabel('Name', { exact: true }).fill(`Partner ${run}`);
    await form.getByLabel('Email', { exact: true }).fill(partnerEmail);
    await form.getByLabel('Role', { exact: true }).selectOption('partner');
    await form.getByLabel('Language').selectOption('nl');
    const pick = form.getByRole('combobox', { name: 'Speaks for stakeholder' });
    await pick.fill(run);
    await form.getByRole('option', { name: new RegExp(stakeholder) }).click();
    await form.getByLabel('Starting password').fill(partnerPassword);
    await form.getByRole('button', { name: 'Add user' }).click();
    await p.page.getByRole('status').filter({ hasText: 'can now sign in' }).waitFor();
    await p.page.getByLabel('Search users').fill(run);
    await p.page.getByRole('cell', { name: new RegExp(partnerEmail) }).waitFor();
    await assertAccessible(p.page, 'users');
    await shot(p.page, 'users-desktop');
    p.assertCleanConsole();
    await p.close();
  });

  it('an officer logs a meeting with a concern and a shared commitment: one Save, one request, nothing lost on an error', async () => {
    const p = await person(browser);
    await signIn(p.page, users.officer, undefined, { lang: 'en' });
    await p.page.getByRole('link', { name: 'Log a meeting' }).click();
    const page = p.page;
    const meeting = page.getByRole('region', { name: 'The meeting' });
    await meeting.getByLabel('Title', { exact: true }).fill(meetingTitle);
    assert.match(await page.getByLabel('Date', { exact: true }).inputValue(), /^\d{4}-\d\d-\d\dT\d\d:\d\d$/, 'the date defaults to now');
    assert.equal(await page.getByLabel('Format').inputValue(), 'meeting');
    // the type-ahead, by keyboard
    const combo = page.getByRole('combobox', { name: 'Stakeholders', exact: true });
    await combo.focus();
    await page.keyboard.type(run);
    await page.getByRole('option', { name: new RegExp(stakeholder) }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: `Remove ${stakeholder}` }).waitFor();
    await page.getByLabel('Summary').fill('Residents asked about night-time noise from the loading bay.');
    await page.getByRole('button', { name: 'Add concern' }).click();
    // the concern's title is left empty on purpose: the save must fail next to it
    await page.getByLabel('Topic', { exact: true }).fill('noise');
    await page.getByLabel('Severity').selectOption('high');
    await page.getByRole('button', { name: 'Add commitment' }).click();
    await page.locator('#commitment-0-title').fill(commitmentTitle);
    assert.match(await page.getByLabel('Answers concern').locator('option:checked').innerText(), /^Concern 1/);
    assert.ok(await page.getByLabel('Share on the stakeholder’s action list').isChecked());
    await page.getByLabel('Due date').fill(tomorrow);
    await assertAccessible(page, 'log a meeting');
    await shot(page, 'log-meeting-desktop');

    const posts = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/') && r.method() !== 'GET') posts.push(`${r.method()} ${new URL(r.url()).pathname}`);
    });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const titleField = page.locator('#concern-0-title');
    await page.locator('#concern-0-title-error').filter({ hasText: 'This is required.' }).waitFor();
    assert.equal(await titleField.getAttribute('aria-invalid'), 'true');
    assert.equal(await titleField.getAttribute('aria-describedby'), 'concern-0-title-error');
    await page.waitForFunction(() => document.activeElement?.id === 'concern-0-title');
    // nothing typed was lost
    assert.equal(await meeting.getByLabel('Title', { exact: true }).inputValue(), meetingTitle);
    assert.equal(await page.getByLabel('Topic', { exact: true }).inputValue(), 'noise');
    assert.equal(await page.locator('#commitment-0-title').inputValue(), commitmentTitle);
    await page.getByRole('button', { name: `Remove ${stakeholder}` }).waitFor();
    await shot(page, 'log-meeting-error-desktop');

    await titleField.fill(concernTitle);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('heading', { name: `Saved: ${meetingTitle}` }).waitFor();
    assert.deepEqual(posts, ['POST /api/v1/dialogues', 'POST /api/v1/dialogues'], 'each Save sends one request');
    await shot(page, 'log-meeting-saved-desktop');

    // the stakeholder's page: one timeline of the dialogue, the concern and the commitment
    await page.getByRole('link', { name: 'Open the stakeholder' }).click();
    await page.getByRole('heading', { level: 1, name: stakeholder }).waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByRole('link', { name: meetingTitle }).waitFor();
    await timeline.getByText(concernTitle).waitFor();
    await timeline.getByText(commitmentTitle).waitFor();
    await assertAccessible(page, 'stakeholder page');
    await shot(page, 'stakeholder-desktop');

    // the dialogue page lists what the meeting produced
    await timeline.getByRole('link', { name: meetingTitle }).click();
    await page.getByRole('heading', { level: 1, name: meetingTitle }).waitFor();
    await page.getByText(concernTitle).waitFor();
    await page.getByText(commitmentTitle).waitFor();
    await shot(page, 'dialogue-desktop');
    p.assertCleanConsole([expected4xx(422)]);
    await p.close();
  });

  it('dialogues and concerns list the meeting; a concern moves on in place', async () => {
    const p = await person(browser);
    await signIn(p.page, users.officer, undefined, { lang: 'en' });
    const page = p.page;
    await page.getByRole('link', { name: 'Dialogues' }).click();
    await page.getByRole('link', { name: meetingTitle }).waitFor();
    await assertAccessible(page, 'dialogues');
    await shot(page, 'dialogues-desktop');
    await page.getByRole('link', { name: 'Concerns' }).click();
    await page.getByRole('heading', { level: 1, name: 'Concerns' }).waitFor();
    await page.getByLabel('Search concerns').fill(run);
    const card = page.getByRole('article', { name: concernTitle });
    await card.waitFor();
    await card.getByLabel('Move to').selectOption('acknowledged');
    await card.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('region', { name: 'Acknowledged' }).getByRole('article', { name: concernTitle }).waitFor();
    await page.getByLabel('Search concerns').fill('');
    await page.locator('article').first().waitFor();
    await assertAccessible(page, 'concerns');
    await shot(page, 'concerns-desktop', { fullPage: false });
    p.assertCleanConsole();
    await p.close();
  });

  it('commitments: overdue marked, status changed in place, and a stale edit offers a reload that keeps it', async () => {
    const p = await person(browser);
    await signIn(p.page, users.officer, undefined, { lang: 'en' });
    const page = p.page;
    await page.getByRole('link', { name: 'Commitments' }).click();
    await page.getByRole('heading', { level: 1, name: 'Commitments' }).waitFor();
    await page.getByLabel('Overdue only').check();
    await page.locator('.badge.overdue').first().waitFor();
    await shot(page, 'commitments-overdue-desktop');
    await page.getByLabel('Overdue only').uncheck();
    await page.getByLabel('Search commitments').fill(run);
    const status = page.getByLabel(`Status of ${commitmentTitle}`);
    await status.waitFor();
    await status.selectOption('in_progress');
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    // someone else changes it meanwhile
    const other = await apiAs(request, users.admin);
    const found = await other.call('GET', `/commitments?q=${encodeURIComponent(commitmentTitle)}`);
    const id = found.body.items[0].id;
    const changed = await other.call('PATCH', `/commitments/${id}`, { description: 'Changed by someone else' });
    assert.equal(changed.status, 200);
    await other.dispose();

    await status.selectOption('done');
    await page.getByRole('alert').filter({ hasText: 'Someone else changed this record' }).waitFor();
    assert.equal(await status.inputValue(), 'done', 'the edit is kept');
    await shot(page, 'commitments-stale-desktop');
    await page.getByRole('button', { name: 'Reload and keep my edit' }).click();
    assert.equal(await status.inputValue(), 'done', 'the edit is still kept after the reload');
    await page.getByRole('button', { name: 'Save: Done' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.getByRole('button', { name: 'Details and progress notes' }).click();
    await page.getByText('Changed by someone else').waitFor();
    await page.getByLabel('Add a progress note').fill('Measurement done; report shared.');
    await page.getByRole('button', { name: 'Post note' }).click();
    await page.getByText('Measurement done; report shared.').first().waitFor();
    // a note kept inside the organisation
    await page.getByLabel('Add a progress note').fill(`Internal: budget code ${run}`);
    await page.getByLabel('The stakeholder may read this note').uncheck();
    await page.getByRole('button', { name: 'Post note' }).click();
    await page.getByText(`Internal: budget code ${run}`).first().waitFor();
    await assertAccessible(page, 'commitments');
    await shot(page, 'commitments-desktop');
    p.assertCleanConsole([expected4xx(412)]);
    await p.close();
  });

  it('a director finds the commitment on the Overview, with its charts', async () => {
    const p = await person(browser);
    await signIn(p.page, users.director, undefined, { lang: 'en' });
    const page = p.page;
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    const nav = page.getByRole('navigation');
    assert.equal(await nav.getByRole('link', { name: 'Log a meeting' }).count(), 0, 'directors do not log meetings');
    assert.equal(await nav.getByRole('link', { name: 'Users' }).count(), 0);
    await page.getByRole('region', { name: 'Open commitments by owner' }).waitFor();
    await page.getByRole('region', { name: 'Concerns by topic and severity' }).getByText('noise').first().waitFor();
    await page.getByRole('region', { name: 'Days to acknowledge and to respond' }).locator('svg circle').first().waitFor();
    await assertAccessible(page, 'overview');
    await shot(page, 'overview-desktop');
    // the logged commitment was marked done above; reopen it so it falls due next
    const officer = await apiAs(request, users.officer);
    const found = await officer.call('GET', `/commitments?q=${encodeURIComponent(commitmentTitle)}`);
    const reopen = await officer.call('PATCH', `/commitments/${found.body.items[0].id}`, { status: 'open' });
    assert.equal(reopen.status, 200);
    await officer.dispose();
    await page.reload();
    await page.getByRole('region', { name: 'Falling due in the next two weeks' }).getByText(commitmentTitle).waitFor();
    p.assertCleanConsole();
    await p.close();
  });

  it('a director reads the engagement report with the materiality chart, and downloads it as PDF', async () => {
    const p = await person(browser);
    await signIn(p.page, users.director, undefined, { lang: 'en' });
    const page = p.page;
    await page.getByRole('navigation').getByRole('link', { name: 'Report' }).click();
    await page.getByRole('heading', { level: 1, name: 'Engagement report' }).waitFor();
    await page.getByText('Dialogues held').waitFor();
    const held = Number((await page.locator('.kpis li').first().locator('.n').innerText()).replace(/\D/g, ''));
    assert.ok(held > 0, 'the demo organisation held dialogues in the last twelve months');
    await page.getByRole('region', { name: 'Concerns by topic and severity' }).getByText('noise').first().waitFor();
    const materiality = page.getByRole('region', { name: 'Materiality' });
    await materiality.getByRole('img', { name: 'Topics by stakeholder influence and severity' }).locator('circle').first().waitFor();
    await materiality.getByRole('cell', { name: 'noise' }).waitFor();
    await assertAccessible(page, 'report');
    await shot(page, 'report-desktop');

    const [pdf, download] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/v1/reports/engagement') && r.request().headers().accept === 'application/pdf'),
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download PDF' }).click(),
    ]);
    assert.equal(pdf.status(), 200);
    assert.match(pdf.headers()['content-type'], /^application\/pdf/);
    assert.match(download.suggestedFilename(), /^dialoog-engagement-.*\.pdf$/);
    const [csv] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/v1/reports/engagement') && r.request().headers().accept === 'text/csv'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    assert.match(csv.headers()['content-type'], /^text\/csv/);

    // a commitment's details show its history to a director
    await page.getByRole('navigation').getByRole('link', { name: 'Commitments' }).click();
    await page.getByLabel('Search commitments').fill(run);
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: commitmentTitle }) });
    await item.getByRole('button', { name: 'Details and progress notes' }).click();
    await item.getByRole('heading', { level: 4, name: 'History' }).waitFor();
    await item.getByText(/changed the commitment/).first().waitFor();
    await shot(page, 'commitment-history-desktop');
    p.assertCleanConsole();
    await p.close();
  });

  it('an officer dry-runs a CSV import, sees the row errors, imports it, and finds the new stakeholder', async () => {
    const p = await person(browser);
    await signIn(p.page, users.officer, undefined, { lang: 'en' });
    const page = p.page;
    await page.getByRole('navigation').getByRole('link', { name: 'Stakeholders' }).click();
    await page.getByRole('heading', { level: 1, name: 'Stakeholders' }).waitFor();
    await page.getByRole('button', { name: 'Import from a file' }).click();
    const form = page.getByRole('region', { name: 'Import stakeholders' });
    const file = (text) => ({ name: 'stakeholders.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await form.getByLabel('CSV file').setInputFiles(file(`naam;categorie;invloed;belang\nFout ${run};buurt;9;3\n`));
    await form.getByRole('button', { name: 'Check the file' }).click();
    await form.getByRole('alert').getByText(/row 2: .*influence/i).waitFor();
    const importName = `Imkervereniging ${run}`;
    await form.getByLabel('CSV file').setInputFiles(file(`naam;categorie;invloed;belang;contactpersoon;contact_email\n${importName};buurt;3;4;Anna de Bruin;anna-${run}@e2e.test\n`));
    await form.getByRole('button', { name: 'Check the file' }).click();
    await form.getByText('1 stakeholders and 1 contacts would be added.').waitFor();
    await assertAccessible(page, 'import preview');
    await shot(page, 'import-preview-desktop');
    await page.setViewportSize(phone);
    await assertNoSidewaysScroll(page, 'import preview');
    await shot(page, 'import-preview-phone');
    await page.setViewportSize(desktop);
    await form.getByRole('button', { name: 'Import', exact: true }).click();
    await form.getByRole('status').filter({ hasText: 'Imported: 1 stakeholders and 1 contacts added.' }).waitFor();
    await page.getByLabel('Search stakeholders').fill(run);
    await page.getByRole('cell', { name: importName }).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: importName }).waitFor();

    // the contact's data: exported as JSON, then erased after a warning
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export the data of Anna de Bruin' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /\.json$/);
    await page.getByRole('button', { name: 'Erase the personal data of Anna de Bruin' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase the personal data of Anna de Bruin?' });
    await dialog.getByText('This cannot be undone.', { exact: false }).waitFor();
    await shot(page, 'contact-erase-desktop', { fullPage: false });
    await dialog.getByRole('button', { name: 'Erase for good' }).click();
    await page.getByRole('status').filter({ hasText: 'The personal data was erased.' }).waitFor();
    assert.equal(await page.getByText('Anna de Bruin').count(), 0, 'the name is gone');
    p.assertCleanConsole([expected4xx(422)]);
    await p.close();
  });

  it('my settings make a calendar link to subscribe to, replace it, and stop it', async () => {
    const p = await person(browser);
    await signIn(p.page, users.officer, undefined, { lang: 'en' });
    const page = p.page;
    await page.getByRole('link', { name: 'My settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'My settings' }).waitFor();
    const stop = page.getByRole('button', { name: 'Stop the feed' });
    if (await stop.isVisible()) await stop.click();
    await page.getByRole('button', { name: 'Make a calendar link' }).click();
    const link = page.getByLabel('Your calendar link');
    assert.match(await link.inputValue(), /^https?:\/\/.+\/calendar\/.+\.ics$/);
    const ics = await page.request.get(await link.inputValue());
    assert.equal(ics.status(), 200);
    assert.match(ics.headers()['content-type'], /text\/calendar/);
    await assertAccessible(page, 'settings');
    await shot(page, 'settings-desktop');
    await page.getByRole('button', { name: 'Replace link' }).click();
    await page.getByRole('button', { name: 'Stop the feed' }).click();
    await page.getByRole('status').filter({ hasText: 'The calendar feed was stopped.' }).waitFor();
    p.assertCleanConsole();
    await p.close();
  });

  it('the partner sees that commitment and nothing else, replies, and disputes it once done (in Dutch)', async () => {
    const p = await person(browser, { locale: 'nl-NL' });
    const page = p.page;
    await page.goto('/');
    await page.getByRole('button', { name: 'Aanmelden' }).waitFor();
    await signIn(page, partnerEmail, partnerPassword);
    await page.getByRole('heading', { level: 1, name: 'Actielijst' }).waitFor();
    const nav = page.getByRole('navigation');
    assert.deepEqual((await nav.getByRole('link').allInnerTexts()).map((s) => s.trim()), ['Actielijst'], 'the action list is all a partner is offered');
    const items = page.getByRole('article');
    await items.first().waitFor();
    assert.equal(await items.count(), 1, 'exactly the one shared commitment');
    await page.getByRole('heading', { level: 2, name: commitmentTitle }).waitFor();
    await page.getByText('Measurement done; report shared.').waitFor();
    assert.equal(await page.getByText(`Internal: budget code ${run}`).count(), 0, 'internal notes stay internal');
    await page.getByLabel('Jouw reactie').fill('Dank, we kijken uit naar de meting.');
    await page.getByRole('button', { name: 'Reactie versturen' }).click();
    await page.getByRole('status').filter({ hasText: 'Reactie verstuurd' }).waitFor();
    await assertAccessible(page, 'action list');
    await shot(page, 'actions-desktop');

    // other screens are not there for a partner
    await page.goto('/stakeholders');
    await page.getByRole('heading', { level: 1, name: 'Actielijst' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/actions');

    // the officer marks it done; the partner disputes it, giving a reason
    const officer = await apiAs(request, users.officer);
    const found = await officer.call('GET', `/commitments?q=${encodeURIComponent(commitmentTitle)}`);
    const done = await officer.call('PATCH', `/commitments/${found.body.items[0].id}`, { status: 'done' });
    assert.equal(done.status, 200);
    await officer.dispose();
    await page.reload();
    await page.getByRole('button', { name: 'Accepteren' }).waitFor();
    await page.getByRole('button', { name: 'Betwisten' }).click();
    await page.getByRole('button', { name: 'Betwisting versturen' }).click();
    await page.locator('.field-error').filter({ hasText: 'Dit is verplicht.' }).waitFor();
    await page.getByLabel('Waarom betwist je dit?').fill('De meting is nog niet gedeeld.');
    await page.getByRole('button', { name: 'Betwisting versturen' }).click();
    await page.getByText('Je hebt dit betwist: De meting is nog niet gedeeld.').waitFor();
    await shot(page, 'actions-disputed-desktop');
    p.assertCleanConsole([expected4xx(422)]);
    await p.close();
  });

  it('the language switch applies at once and is kept with the account', async () => {
    const p = await person(browser, { locale: 'en-GB' });
    const page = p.page;
    await signIn(page, users.officer, undefined, { lang: 'en' });
    const lang = page.getByLabel(/^(Language|Taal)$/);
    await lang.selectOption('nl');
    await page.getByRole('link', { name: 'Gesprek vastleggen' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
    await page.getByRole('link', { name: 'Overzicht' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
    await page.waitForLoadState('networkidle');
    await shot(page, 'overview-nl-desktop');
    await p.close();
    // a new browser with an English default: the account's choice wins
    const q = await person(browser, { locale: 'en-GB' });
    await signIn(q.page, users.officer);
    assert.equal(await q.page.evaluate(() => document.documentElement.lang), 'nl');
    await q.page.getByRole('link', { name: 'Gesprek vastleggen' }).waitFor();
    await q.page.getByLabel('Taal').selectOption('en');
    await q.page.getByRole('link', { name: 'Log a meeting' }).waitFor();
    q.assertCleanConsole();
    p.assertCleanConsole();
    await q.close();
  });

  it('every main screen fits a 375 px phone without sideways scrolling', async () => {
    const screens = [
      ['officer', '/log', 'Log a meeting', 'log-meeting'],
      ['officer', '/stakeholders', 'Stakeholders', 'stakeholders'],
      ['officer', '/dialogues', 'Dialogues', 'dialogues'],
      ['officer', '/concerns', 'Concerns', 'concerns'],
      ['officer', '/commitments', 'Commitments', 'commitments'],
      ['director', '/overview', 'Overview', 'overview'],
      ['admin', '/users', 'Users', 'users'],
      ['director', '/report', 'Engagement report', 'report'],
      ['officer', '/settings', 'My settings', 'settings'],
    ];
    const byRole = {};
    for (const [role, path, heading, name] of screens) {
      if (!byRole[role]) {
        byRole[role] = await person(browser, { viewport: phone });
        await signIn(byRole[role].page, users[role], undefined, { lang: 'en' });
      }
      const page = byRole[role].page;
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.waitForLoadState('networkidle');
      await assertNoSidewaysScroll(page, heading);
      // long lists as the first screenful a person sees; forms whole
      await shot(page, `${name}-phone`, { fullPage: name === 'log-meeting' || name === 'overview' || name === 'report' });
    }
    // the menu opens on a phone
    const page = byRole.officer.page;
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Commitments' }).waitFor();
    await shot(page, 'menu-phone');
    await page.getByRole('navigation').getByRole('link', { name: 'Commitments' }).click();
    await page.getByRole('heading', { level: 1, name: 'Commitments' }).waitFor();
    for (const q of Object.values(byRole)) {
      q.assertCleanConsole();
      await q.close();
    }
    const partner = await person(browser, { viewport: phone, locale: 'nl-NL' });
    await signIn(partner.page, partnerEmail, partnerPassword);
    await partner.page.getByRole('heading', { level: 1, name: 'Actielijst' }).waitFor();
    await partner.page.waitForLoadState('networkidle');
    await assertNoSidewaysScroll(partner.page, 'action list');
    await shot(partner.page, 'actions-phone');
    partner.assertCleanConsole();
    await partner.close();
  });
});
