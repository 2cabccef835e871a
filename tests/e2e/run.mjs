// Browser tests for the Meldingssjekk page. Started by scripts/e2e, which serves the repository
// with `meldingssjekk serve` and passes BASE_URL. Uses the system Chromium through playwright-core
// (no browser download). Prints "N passed, N failed" and exits 1 on any failure.
//
//   BASE_URL=http://127.0.0.1:8080/ node tests/e2e/run.mjs [name-filter]
import { chromium } from 'playwright-core';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import * as contract from './fixtures/contract.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const BASE = (process.env.BASE_URL || 'http://127.0.0.1:8080/').replace(/\/?$/, '/');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const filter = process.argv[2] || '';
const SHOTS = process.env.SHOTS_DIR || '';

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

class AssertionError extends Error {}
function assert(cond, msg) {
  if (!cond) throw new AssertionError(msg);
}
function eq(actual, expected, msg) {
  if (actual !== expected) throw new AssertionError(`${msg}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** A fresh context and page that records console errors, page errors and every request. */
async function open(path = '', opts = {}) {
  const context = await browser.newContext({
    viewport: { width: opts.width || 1280, height: 900 },
    bypassCSP: !!opts.bypassCSP,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const log = { errors: [], requests: [] };
  page.on('console', (m) => { if (m.type() === 'error') log.errors.push(m.text()); });
  page.on('pageerror', (e) => log.errors.push('pageerror: ' + e.message));
  page.on('request', (r) => log.requests.push(r.url()));
  page.log = log;
  page.ctx = context;
  if (path !== null) {
    await page.goto(path.startsWith('file:') ? path : BASE + path);
  }
  return page;
}

async function ready(page) {
  await page.waitForSelector('.meldingssjekk .ms-example', { timeout: 15000 });
}

function clean(page) {
  eq(page.log.errors.length, 0, `console errors: ${page.log.errors.join(' | ')}`);
}

/** Lines as the engine counts them: \n, \r\n and lone \r end a line. */
function countLines(text) {
  if (text.length === 0) return 0;
  const parts = text.split(/\r\n|\r|\n/);
  return /(\r\n|\r|\n)$/.test(text) ? parts.length - 1 : parts.length;
}

/** Opens the blank host page and mounts the app with the hand-made contract document. */
async function withContract(opts = {}) {
  const page = await open('tests/e2e/fixtures/blank.html', opts);
  await page.evaluate(async ({ report, text, lang }) => {
    const m = await import('/pkg/meldingssjekk.js');
    await m.default();
    m.mount(document.getElementById('app'), { lang, documents: [{ report, text }] });
  }, { report: contract.report, text: contract.text, lang: opts.lang || 'nb' });
  await page.waitForSelector('.ms-results');
  return page;
}

async function axe(page, label) {
  const src = readFileSync(join(here, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await page.addScriptTag({ content: src });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  eq(result.length, 0, `${label}: axe violations: ${result.join(' | ')}`);
}

// ---------------------------------------------------------------------------------------------

test('page loads without console errors and shows intake', async () => {
  const page = await open('');
  await ready(page);
  assert(await page.locator('.ms-drop input[type=file][multiple]').count() === 1, 'file input');
  assert(await page.getByLabel('Eller lim inn tekst').count() === 1, 'paste box is labelled');
  eq(await page.locator('.ms-example').count(), 5, 'example buttons');
  eq(await page.locator('html').getAttribute('lang'), 'nb', 'page language');
  clean(page);
  await page.ctx.close();
});

test('an example loads and shows its document card', async () => {
  const page = await open('');
  await ready(page);
  await page.click('[data-example="000_2a6fda8bf9662336.txt"]');
  const card = page.locator('.ms-card[data-doc="000_2a6fda8bf9662336.txt"]');
  await card.waitFor();
  const text = readFileSync(join(repo, 'examples', '000_2a6fda8bf9662336.txt'), 'utf8');
  eq(await card.locator('[data-fact=lines]').textContent(), String(countLines(text)), 'lines');
  eq(await card.locator('[data-fact=encoding]').textContent(), 'UTF-8', 'encoding');
  await page.locator('.ms-results').waitFor();
  assert((await page.locator('.ms-sr[role=status]').textContent()).includes('000_2a6fda8bf9662336.txt'), 'live region announces the result');
  clean(page);
  await page.ctx.close();
});

test('a file chosen through the input shows its card', async () => {
  const page = await open('');
  await ready(page);
  const file = join(repo, 'examples', '001_a15ca66fe45fcd5e.txt');
  await page.setInputFiles('.ms-drop input[type=file]', file);
  const card = page.locator('.ms-card[data-doc="001_a15ca66fe45fcd5e.txt"]');
  await card.waitFor();
  eq(await card.locator('[data-fact=lines]').textContent(), String(countLines(readFileSync(file, 'utf8'))), 'lines');
  clean(page);
  await page.ctx.close();
});

test('empty and binary files are refused clearly and the page keeps working', async () => {
  const page = await open('');
  await ready(page);
  await page.setInputFiles('.ms-drop input[type=file]', [
    { name: 'tom.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    { name: 'rapport.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n', 'latin1') },
  ]);
  const empty = page.locator('.ms-refusal[data-refused="tom.txt"]');
  const pdf = page.locator('.ms-refusal[data-refused="rapport.pdf"]');
  await empty.waitFor();
  await pdf.waitFor();
  assert((await empty.textContent()).includes('tom'), 'empty file message says the file is empty');
  assert((await pdf.textContent()).includes('PDF'), 'PDF message names the format');
  eq(await page.locator('.ms-card').count(), 0, 'no card for refused files');
  await page.click('[data-example="004_6a014670dbcf36ad.txt"]');
  await page.locator('.ms-card[data-doc="004_6a014670dbcf36ad.txt"]').waitFor();
  await pdf.getByRole('button').click();
  eq(await pdf.count(), 0, 'refusal can be dismissed');
  clean(page);
  await page.ctx.close();
});

test('a file dropped on the drop zone is read; the file input is reachable by keyboard', async () => {
  const page = await open('');
  await ready(page);
  let reached = false;
  for (let i = 0; i < 8 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement && document.activeElement.type === 'file');
  }
  assert(reached, 'Tab reaches the file input');
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['Årlig melding\nMålet er nådd.\n'], 'sluppet.txt', { type: 'text/plain' }));
    const zone = document.querySelector('.ms-drop');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  const card = page.locator('.ms-card[data-doc="sluppet.txt"]');
  await card.waitFor();
  eq(await card.locator('[data-fact=lines]').textContent(), '2', 'lines');
  eq(await page.locator('.ms-card').count(), 1, 'a drop on the zone is read once');
  // A drop elsewhere on the app is read too, instead of the browser opening the file.
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['Andre linje\n'], 'utenfor.txt', { type: 'text/plain' }));
    document.querySelector('.ms-header').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.locator('.ms-card[data-doc="utenfor.txt"]').waitFor();
  clean(page);
  await page.ctx.close();
});

test('a CSV file shows its table', async () => {
  const page = await open('');
  await ready(page);
  const csv = 'Foretak;Sykefravær 2023;Sykefravær 2024\nHelse Alfa;6,1;5,9\nHelse Beta;7,0;7,4\n';
  await page.setInputFiles('.ms-drop input[type=file]', { name: 'fravaer.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.locator('.ms-card[data-doc="fravaer.csv"]').waitFor();
  await page.locator('.ms-tables summary').click();
  const table = page.locator('.ms-tables table');
  eq(await table.locator('thead th').count(), 3, 'header cells');
  eq(await table.locator('tbody tr').count(), 2, 'rows');
  assert((await table.textContent()).includes('Helse Beta'), 'cell text');
  clean(page);
  await page.ctx.close();
});

test('print stylesheet hides the controls and keeps the results', async () => {
  const page = await withContract();
  await page.emulateMedia({ media: 'print' });
  eq(await page.locator('.ms-intake').isVisible(), false, 'intake hidden in print');
  eq(await page.locator('.ms-filters').isVisible(), false, 'filters hidden in print');
  eq(await page.locator('.ms-target').first().isVisible(), true, 'targets printed');
  await page.ctx.close();
});

test('a UTF-16LE file is read', async () => {
  const page = await open('');
  await ready(page);
  const body = 'Årlig melding 2024\r\nMålet er nådd for pasientavtaler.\r\nSykefravær: 6,5 pst.\r\n';
  const buffer = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]);
  await page.setInputFiles('.ms-drop input[type=file]', { name: 'utf16.txt', mimeType: 'text/plain', buffer });
  const card = page.locator('.ms-card[data-doc="utf16.txt"]');
  await card.waitFor();
  eq(await card.locator('[data-fact=encoding]').textContent(), 'UTF-16LE', 'encoding');
  eq(await card.locator('[data-fact=lines]').textContent(), '3', 'lines');
  clean(page);
  await page.ctx.close();
});

test('markup in a report shows as text and never runs', async () => {
  const page = await open('');
  await ready(page);
  const evil = '<script>window.__x=1</script><img src=x onerror=window.__y=1>';
  await page.getByLabel('Eller lim inn tekst').fill(`Årlig melding\n${evil}\nMålet er nådd.\n`);
  await page.getByRole('button', { name: 'Analyser' }).click();
  await page.locator('.ms-card').first().waitFor();
  await page.waitForTimeout(300);
  const ran = await page.evaluate(() => [window.__x, window.__y]);
  eq(ran[0], undefined, 'script did not run');
  eq(ran[1], undefined, 'onerror did not run');
  eq(await page.locator('.meldingssjekk img').count(), 0, 'no img element from the report');
  clean(page);
  await page.ctx.close();

  const c = await withContract();
  const row = c.locator('[data-indicator-line="11"]');
  assert((await row.locator('.ms-quote').textContent()).includes('<script>window.__x=1</script>'), 'target text shown literally');
  assert((await row.textContent()).includes('<b>tiltak</b>'), 'measure shown literally');
  await row.getByRole('button', { name: 'Vis i teksten' }).click();
  await c.locator('.ms-source [data-line="11"]').waitFor();
  assert((await c.locator('.ms-source [data-line="11"] .ms-lt').textContent()).includes('<img src=x'), 'source line shown literally');
  const ran2 = await c.evaluate(() => [window.__x, window.__y]);
  eq(ran2[0], undefined, 'script did not run (contract)');
  eq(ran2[1], undefined, 'onerror did not run (contract)');
  eq(await c.locator('.meldingssjekk img, .meldingssjekk b, .meldingssjekk script').count(), 0, 'no elements from report text');
  await c.ctx.close();
});

test('no request leaves 127.0.0.1', async () => {
  const page = await open('');
  await ready(page);
  await page.click('[data-example="002_473fd4dd3fe50d6d.txt"]');
  await page.locator('.ms-card').first().waitFor();
  await page.setInputFiles('.ms-drop input[type=file]', join(repo, 'examples', '003_1aa3c3bfad0b64da.txt'));
  await page.locator('.ms-card[data-doc="003_1aa3c3bfad0b64da.txt"]').waitFor();
  const outside = page.log.requests.filter((u) => {
    const url = new URL(u);
    return !(url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1');
  });
  eq(outside.length, 0, `requests outside 127.0.0.1: ${outside.join(', ')}`);
  assert(page.log.requests.some((u) => u.endsWith('.wasm')), 'the wasm was fetched locally');
  await page.ctx.close();
});

test('results: targets, verdicts, claim, findings, filters, matrix, detail and source', async () => {
  const page = await withContract();
  eq(await page.locator('.ms-target').count(), 3, 'target rows');
  const t1 = page.locator('.ms-target[data-indicator-line="3"]');
  eq(await t1.getAttribute('data-status'), 'partial', 'status attribute');
  assert((await t1.locator('.ms-status').textContent()).includes('Delvis oppnådd'), 'status as text');
  assert((await t1.locator('.ms-status').textContent()).includes('◐'), 'status as icon');
  assert((await t1.locator('.ms-claim').textContent()).includes('oppnådd'), 'claim shown');
  assert((await t1.locator('.ms-spec').textContent()).includes('minst 95'), 'target read as');
  eq(await t1.locator('.ms-verdict').count(), 2, 'entity verdicts');
  assert((await t1.locator('.ms-verdict[data-entity="Helse Alfa"]').textContent()).includes('96,1'), 'verdict value with decimal comma');
  eq(await page.locator('[data-count-status=not_met] strong').textContent(), '1', 'overview: not met count');
  eq(await page.locator('[data-count-severity=error] strong').textContent(), '2', 'overview: error count');
  eq(await page.locator('.ms-finding').count(), 3, 'finding rows');
  eq(await page.locator('.ms-finding[data-finding-kind=arithmetic]').count(), 1, 'finding kind attribute');
  const ar = await page.locator('.ms-finding[data-finding-kind=arithmetic] .ms-explain').textContent();
  assert(ar.includes('210') && ar.includes('200') && ar.includes('mellom 199,5 og 200,5'), `stated vs computed in words: ${ar}`);

  await page.getByLabel('Status', { exact: true }).selectOption('not_met');
  eq(await page.locator('.ms-target').count(), 1, 'status filter');
  eq(await page.locator('.ms-target').getAttribute('data-indicator-line'), '4', 'status filter keeps the right row');
  await page.getByLabel('Status', { exact: true }).selectOption('');
  await page.getByLabel('Virksomhet', { exact: true }).selectOption('Helse Beta');
  eq(await page.locator('.ms-target').count(), 2, 'entity filter');
  await page.getByLabel('Virksomhet', { exact: true }).selectOption('');
  await page.getByLabel('Type funn').selectOption('placeholder');
  eq(await page.locator('.ms-finding').count(), 1, 'finding kind filter');
  await page.getByLabel('Type funn').selectOption('');
  await page.getByLabel('Søk').fill('ventetid');
  eq(await page.locator('.ms-target').count(), 1, 'search');
  await page.getByLabel('Søk').fill('');

  await page.getByRole('button', { name: 'Matrise' }).click();
  const matrix = page.locator('table.ms-matrix');
  await matrix.waitFor();
  eq(await matrix.locator('thead th').count(), 4, 'matrix columns: target, overall, 2 entities');
  const cell = matrix.locator('tr[data-indicator-line="4"] .ms-cell[data-entity="Helse Alfa"]');
  eq(await cell.getAttribute('data-status'), 'not_met', 'matrix cell status');
  assert((await cell.textContent()).includes('52 dager'), 'matrix cell value');
  await page.getByRole('button', { name: 'Liste' }).click();

  await t1.getByRole('button', { name: 'Vis i teksten' }).click();
  const detail = page.locator('.ms-detail');
  await detail.locator('[data-detail-indicator="3"]').waitFor();
  eq(await page.evaluate(() => document.activeElement && document.activeElement.tagName), 'H3', 'focus moves to the detail panel');
  assert(await detail.locator('.ms-source [data-line="3"].ms-hl-target').count() === 1, 'target line highlighted');
  assert(await detail.locator('.ms-source [data-line="8"].ms-hl-claim').count() === 1, 'claim line highlighted');
  assert(await detail.locator('.ms-source [data-line="6"].ms-hl-figure').count() === 1, 'figure line highlighted');
  assert((await detail.textContent()).includes('96,1 pst.'), 'figures used listed');

  await page.locator('.ms-finding[data-finding-kind=arithmetic]').getByRole('button', { name: 'Vis i teksten' }).click();
  await detail.locator('[data-detail-finding="9"]').waitFor();
  assert(await detail.locator('.ms-source [data-line="9"].ms-hl-finding').count() === 1, 'finding line highlighted');
  clean(page);
  await page.ctx.close();
});

test('exports: verdicts CSV, findings CSV and contract JSON', async () => {
  const page = await withContract();
  const get = async (what) => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export=${what}]`)]);
    return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) };
  };
  const v = await get('verdicts');
  eq(v.name, 'testregionen-maal.csv', 'verdicts file name');
  eq(v.bytes.subarray(0, 3).toString('hex'), 'efbbbf', 'UTF-8 BOM');
  const vt = v.bytes.toString('utf8');
  assert(vt.split('\r\n')[0].includes('måltekst;'), 'header with ; separator');
  assert(vt.includes(';96,1;'), 'decimal comma');
  eq(vt.trim().split('\r\n').length, 1 + 2 + 2 + 1, 'one row per verdict, one for a target without');
  const f = await get('findings');
  const ft = f.bytes.toString('utf8');
  assert(ft.includes('arithmetic;error;9;9;Summen 120 + 80 er 200, ikke 210.;210;200;199,5;200,5'), `findings row: ${ft}`);
  const j = await get('json');
  const parsed = JSON.parse(j.bytes.toString('utf8'));
  eq(parsed.schema_version, 1, 'JSON schema version');
  eq(parsed.documents[0].indicators.length, 3, 'JSON indicators');
  clean(page);
  await page.ctx.close();
});

test('language: bokmål by default, English on request, remembered only after a pick', async () => {
  const page = await open('');
  await ready(page);
  eq(await page.evaluate(() => localStorage.getItem('meldingssjekk.lang')), null, 'nothing stored before a pick');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByText('Try an example').waitFor();
  eq(await page.evaluate(() => localStorage.getItem('meldingssjekk.lang')), 'en', 'pick stored');
  await page.reload();
  await ready(page);
  await page.getByText('Try an example').waitFor();
  eq(await page.locator('.meldingssjekk').getAttribute('lang'), 'en', 'app language attribute');
  clean(page);
  await page.ctx.close();
});

test('accessibility: axe finds no violations on main and results views', async () => {
  const page = await open('', { bypassCSP: true });
  await ready(page);
  await axe(page, 'main view');
  await page.click('[data-example="000_2a6fda8bf9662336.txt"]');
  await page.locator('.ms-results').waitFor();
  await axe(page, 'results view (example)');
  await page.ctx.close();

  const c = await withContract({ bypassCSP: true });
  await c.locator('.ms-target[data-indicator-line="3"]').getByRole('button', { name: 'Vis i teksten' }).click();
  await c.locator('[data-detail-indicator="3"]').waitFor();
  await axe(c, 'results view (contract, detail open)');
  await c.getByRole('button', { name: 'Matrise' }).click();
  await c.locator('table.ms-matrix').waitFor();
  await axe(c, 'results view (matrix)');
  await c.ctx.close();
});

test('JS API: analyze returns the contract object', async () => {
  const page = await open('');
  await ready(page);
  const r = await page.evaluate(async () => {
    const m = await import('/pkg/meldingssjekk.js');
    const a = m.analyze('Årlig melding\nMålet er minst 95 pst.\n', { name: 'notat.txt' });
    const b = m.analyze(new TextEncoder().encode('Linje 1\nLinje 2\nLinje 3'), { name: 'b.txt' });
    const c = m.analyze(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]), { name: 'x.pdf' });
    let typeError = null;
    try { m.analyze(42); } catch (e) { typeError = String(e); }
    return { a, b, c, typeError, plain: Object.getPrototypeOf(a) === Object.prototype };
  });
  eq(r.a.schema_version, 1, 'schema_version');
  eq(r.a.documents[0].name, 'notat.txt', 'name option');
  eq(r.a.documents[0].lines, 2, 'lines');
  assert(Array.isArray(r.a.documents[0].indicators), 'indicators array');
  assert(r.plain, 'plain JS object');
  eq(r.b.documents[0].lines, 3, 'Uint8Array input');
  eq(r.c.documents.length, 0, 'refused input has no document');
  assert(r.c.errors[0].message.includes('PDF'), 'refused input explained in errors');
  assert(r.typeError && r.typeError.includes('TypeError'), 'bad input type throws a TypeError');
  clean(page);
  await page.ctx.close();
});

test('embed.html: a host page calls analyze and mount', async () => {
  const page = await open('embed.html');
  await page.locator('#api-result', { hasText: 'schema_version 1' }).waitFor();
  await page.locator('#meldingssjekk .meldingssjekk .ms-example').first().click();
  await page.locator('#meldingssjekk .ms-card').waitFor();
  const hostFont = await page.evaluate(() => getComputedStyle(document.querySelector('.host-bar h1')).fontFamily);
  assert(hostFont.includes('Georgia'), `host styles untouched: ${hostFont}`);
  clean(page);
  await page.ctx.close();
});

test('dist/meldingssjekk.html works offline from file://', async () => {
  const file = join(repo, 'dist', 'meldingssjekk.html');
  assert(existsSync(file), 'dist/meldingssjekk.html exists (run scripts/build)');
  const page = await open(pathToFileURL(file).href);
  await ready(page);
  await page.click('[data-example="001_a15ca66fe45fcd5e.txt"]');
  await page.locator('.ms-card[data-doc="001_a15ca66fe45fcd5e.txt"]').waitFor();
  await page.locator('.ms-results').waitFor();
  const outside = page.log.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:'));
  eq(outside.length, 0, `network requests: ${outside.join(', ')}`);
  clean(page);
  await page.ctx.close();
});

test('screenshots (desktop and narrow)', async () => {
  if (!SHOTS) return;
  for (const [width, tag] of [[1280, 'desktop'], [390, 'narrow']]) {
    const page = await open('', { width });
    await ready(page);
    await page.screenshot({ path: join(SHOTS, `${tag}-main.png`), fullPage: true });
    await page.ctx.close();
    const c = await withContract({ width });
    await c.locator('.ms-target[data-indicator-line="3"]').getByRole('button', { name: 'Vis i teksten' }).click();
    await c.locator('[data-detail-indicator="3"]').waitFor();
    await c.screenshot({ path: join(SHOTS, `${tag}-results.png`), fullPage: true });
    await c.getByRole('button', { name: 'Matrise' }).click();
    await c.screenshot({ path: join(SHOTS, `${tag}-matrix.png`), fullPage: true });
    await c.ctx.close();
  }
});

// ---------------------------------------------------------------------------------------------

let passed = 0;
let failed = 0;
for (const t of tests) {
  if (filter && !t.name.includes(filter)) continue;
  const started = Date.now();
  try {
    await t.fn();
    passed++;
    console.log(`ok - ${t.name} (${Date.now() - started} ms)`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${t.name}\n    ${String(e && e.stack || e).split('\n').slice(0, 4).join('\n    ')}`);
  }
}
await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
