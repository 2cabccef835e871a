// Writes dist/meldingssjekk.html: index.html with the CSS, the wasm-bindgen glue, the boot code
// the built-in examples and the wasm (base64) inlined, so the one file works offline and from file://.
// Its Content-Security-Policy allows exactly the inlined script and style by hash.
// Usage: node scripts/single-html.mjs  (after wasm-bindgen has written pkg/)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { DECODE, examples, wasmBase64 } from './emit-modules.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (p) => readFileSync(join(root, p));

const css = ['style/page.css', 'style/ds.css', 'style/app.css'].map((p) => read(p).toString('utf8')).join('\n');
const glue = read('pkg/meldingssjekk.js').toString('utf8');
let html = read('index.html').toString('utf8');

if (/from\s+['"]\.\/snippets\//.test(glue)) {
  throw new Error('pkg/meldingssjekk.js imports snippets; inline them before building the single file');
}

const boot = `
${DECODE}
const __examples = ${JSON.stringify(examples())};
const __root = document.getElementById('app');
try {
  await __wbg_init({ module_or_path: __msDecode("${wasmBase64()}") });
  mount(__root, { examples: __examples });
} catch (e) {
  console.error(e);
  __root.textContent = 'Meldingssjekk kunne ikke starte i denne nettleseren: ' + e;
}
`;
// A module script may not contain "</script" anywhere in its text.
const script = (glue + '\n' + boot).replace(/<\/script/gi, '<\\/script');
const sha = (s) => "'sha256-" + createHash('sha256').update(s, 'utf8').digest('base64') + "'";

const csp = [
  "default-src 'none'",
  `script-src ${sha(script)} 'wasm-unsafe-eval'`,
  `style-src ${sha(css)}`,
  "connect-src 'none'",
  "img-src data:",
  "font-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const replaceOnce = (re, by, what) => {
  if (!re.test(html)) throw new Error(`index.html: cannot find ${what}`);
  html = html.replace(re, () => by);
};
replaceOnce(/<meta http-equiv="Content-Security-Policy"[^>]*>/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`, 'the CSP meta');
replaceOnce(/<link rel="stylesheet" href="style\/page.css">\s*<link rel="stylesheet" href="style\/ds.css">\s*<link rel="stylesheet" href="style\/app.css">/, `<style>${css}</style>`, 'the stylesheet links');
replaceOnce(/<script type="module" src="boot.js"><\/script>/, `<script type="module">${script}</script>`, 'the boot script');

mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist/meldingssjekk.html'), html);
console.log(`build: dist/meldingssjekk.html: ${Math.round(html.length / 1024)} KiB`);
