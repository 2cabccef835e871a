// Meldingssjekk's PDF worker (a module worker the page starts only when a PDF arrives, never on
// page load). Loads its own wasm (pkg/meldingssjekk_pdf*: the engine and the PDF reader, no view;
// from a JS module, nothing is fetched) and answers each { id, name, bytes } like worker.js:
// { id, json } or { id, error } when the reader crashed (the worker then closes itself and the
// page starts a fresh one). While a PDF is read it posts { id, progress: [done, total] } once
// per page. The page terminates the worker to cancel.
import init, { analyze_for_worker_with_progress } from './pkg/meldingssjekk_pdf.js';
import wasm from './pkg/meldingssjekk_pdf_wasm.js';

const ready = init({ module_or_path: wasm });

self.onmessage = async (e) => {
  const { id, name, bytes } = e.data;
  try {
    await ready;
    const progress = (done, total) => self.postMessage({ id, progress: [done, total] });
    self.postMessage({ id, json: analyze_for_worker_with_progress(name, bytes, progress) });
  } catch (err) {
    self.postMessage({ id, error: String(err) });
    self.close();
  }
};
