// Writes style/ds.css: Digdir's Designsystemet (npm @digdir/designsystemet-css, MIT, see
// style/ds/LICENSE) cut down to what the page uses and scoped to the app, so a host page that
// embeds Meldingssjekk (embed.html) keeps its own look:
//   - the theme's tokens (`:root`, `[data-color-scheme=light]`, `body`) are set on .meldingssjekk;
//     `[data-size]`/`[data-color]` only inside it; the dark and auto colour schemes, the secondary
//     typography and the unused brand colours are left out;
//   - every component selector is prefixed with `:where(.meldingssjekk) `, which keeps the
//     package's own specificity but matches nothing outside the app;
//   - the theme's Inter is replaced by the system font stack (the page's CSP loads no font);
//   - the cascade layers of the package (ds.theme, ds.base, ds.components) are kept, so the
//     app's own style/app.css (unlayered) adjusts them without !important.
// Run after a version bump:  cd style/ds && npm ci && node make.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const pkgDir = join(here, 'node_modules', '@digdir', 'designsystemet-css');
const version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
const ROOT = '.meldingssjekk';
const SCOPE = ':where(.meldingssjekk) ';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

// The components the page's markup uses (src/web: class="ds-…").
const COMPONENTS = ['button', 'alert', 'tag', 'table', 'card', 'field', 'input', 'label', 'details', 'skip-link', 'link', 'validation-message'];
const UNUSED_COLORS = ['brand1', 'brand2', 'brand3'];

/** Splits CSS text into top-level items: { at, prelude, body } for blocks, { text } otherwise. */
function parse(css) {
  const items = [];
  let i = 0;
  const n = css.length;
  while (i < n) {
    while (i < n && /\s/.test(css[i])) i++;
    if (i >= n) break;
    if (css.startsWith('/*', i)) { i = css.indexOf('*/', i + 2) + 2; continue; }
    let start = i, depth = 0;
    // The prelude runs to the first '{' or ';' outside strings and parentheses.
    while (i < n) {
      const c = css[i];
      if (c === '"' || c === "'") { i = skipString(css, i); continue; }
      if (c === '(') depth++;
      else if (c === ')') depth--;
      else if (depth === 0 && (c === '{' || c === ';')) break;
      i++;
    }
    const prelude = css.slice(start, i).trim();
    if (i >= n || css[i] === ';') { items.push({ text: prelude + ';' }); i++; continue; }
    const open = i;
    i = matchBrace(css, open);
    items.push({ prelude, body: css.slice(open + 1, i) });
    i++;
  }
  return items;
}
function skipString(css, i) {
  const q = css[i++];
  while (i < css.length && css[i] !== q) i += css[i] === '\\' ? 2 : 1;
  return i + 1;
}
function matchBrace(css, open) {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    const c = css[i];
    if (c === '"' || c === "'") { i = skipString(css, i) - 1; continue; }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  throw new Error('unbalanced braces');
}
/** Splits a selector list at top-level commas. */
function splitList(sel) {
  const out = [];
  let depth = 0, cur = '';
  for (let i = 0; i < sel.length; i++) {
    const c = sel[i];
    if (c === '"' || c === "'") { const j = skipString(sel, i); cur += sel.slice(i, j); i = j - 1; continue; }
    if (c === '(' || c === '[') depth++;
    if (c === ')' || c === ']') depth--;
    if (c === ',' && depth === 0) { out.push(cur.trim()); cur = ''; } else cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** One selector of the package, scoped to the app; null drops it. */
function scopeSelector(s) {
  if (s === ':root' || s === 'body' || s === '[data-color-scheme]' || s === '[data-color-scheme=light]') return [ROOT];
  if (/^\[data-color-scheme=(dark|auto)\]/.test(s) || s.startsWith('[data-typography=secondary]')) return null;
  if (s.startsWith('[data-color-scheme][data-color')) return null; // same as the [data-color=…] next to it
  if (UNUSED_COLORS.some((c) => s.includes(`[data-color=${c}]`))) return null;
  if (s.startsWith(':root')) return [ROOT + s.slice(5)];
  // A bare data attribute: on the app's root itself, or on an element inside it.
  if (/^\[data-(size|color|color-scheme|typography)[^\]]*\]$/.test(s)) return [ROOT + s, ROOT + ' ' + s];
  if (/^\[data-typography=primary\]$/.test(s)) return [ROOT + s];
  return [SCOPE + s];
}

function rewriteRules(css) {
  return parse(css).map((item) => {
    if (item.text !== undefined) return item.text; // @layer a, b;  @charset …
    const p = item.prelude;
    if (p.startsWith('@keyframes')) return `${p}{${item.body}}`;
    if (p.startsWith('@')) {
      const inner = rewriteRules(item.body);
      return inner ? `${p}{${inner}}` : '';
    }
    const sels = [];
    for (const s of splitList(p)) {
      const scoped = scopeSelector(s);
      if (scoped) for (const x of scoped) if (!sels.includes(x)) sels.push(x);
    }
    if (!sels.length) return '';
    let body = item.body.replace(/--ds-font-family:[^;}]*/g, `--ds-font-family:${FONT}`);
    // The unused brand colours' tokens of the light scheme.
    body = body.replace(new RegExp(`--ds-color-(${UNUSED_COLORS.join('|')})-[a-z-]+:[^;}]*;?`, 'g'), '');
    return `${sels.join(',')}{${body}}`;
  }).join('');
}

const read = (p) => readFileSync(join(pkgDir, 'dist', p), 'utf8');
const theme = rewriteRules(read('theme/designsystemet.css'));
const base = rewriteRules(read('src/base.css'));
const components = COMPONENTS.map((c) => rewriteRules(read(`src/${c}.css`))).join('\n');

for (const [what, css] of [['theme', theme], ['base', base], ['components', components]]) {
  if (/@import|@font-face/.test(css)) throw new Error(`${what}: @import or @font-face left`);
  const urls = [...css.matchAll(/url\(\s*['"]?([^'")]+)/g)].map((m) => m[1]).filter((u) => !u.startsWith('data:'));
  if (urls.length) throw new Error(`${what}: a url() that is not data: ${urls[0]}`);
  if (/(^|[},])\s*(:root|body|html)\b/.test(css)) throw new Error(`${what}: an unscoped :root/body/html selector is left`);
}

const out = `/* Designsystemet ${version} (Digdir, https://designsystemet.no), MIT licence: style/ds/LICENSE.
   Made by style/ds/make.mjs from npm @digdir/designsystemet-css@${version}: the default theme's tokens
   and the components ${COMPONENTS.join(', ')}, scoped to .meldingssjekk (a host page is not
   touched) and with the system font instead of Inter. Do not edit; run make.mjs. */
@layer ds.theme, ds.base, ds.components;
${theme}
@layer ds.base{${base}}
@layer ds.components{${components}}
`;
writeFileSync(join(here, '..', 'ds.css'), out);
console.log(`style/ds.css: ${out.length} bytes`);
