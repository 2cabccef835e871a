// Starts Meldingssjekk in index.html. (A separate file so the page's CSP needs no inline script.)
// The wasm and the examples come as JS modules, so nothing is fetched: the CSP says connect-src 'none'.
// Analyses run in worker.js (a module worker; the CSP allows it with worker-src 'self'); PDFs in
// worker-pdf.js, which the page starts only when a PDF arrives.
import init, { mount } from './pkg/meldingssjekk.js';
import wasm from './pkg/meldingssjekk_wasm.js';
import examples from './pkg/examples.js';

const root = document.getElementById('app');
try {
  await init({ module_or_path: wasm });
  mount(root, {
    examples,
    worker: new URL('./worker.js', import.meta.url),
    pdfWorker: new URL('./worker-pdf.js', import.meta.url),
  });
} catch (e) {
  console.error(e);
  root.textContent = 'Meldingssjekk kunne ikke starte i denne nettleseren: ' + e;
}
