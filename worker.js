// Meldingssjekk's analysis worker (a module worker started by the page: mount(…, { worker })).
// Loads its own wasm once (pkg/meldingssjekk_worker*: the engine and the DOCX/XLSX/ODS readers,
// no view; from a JS module, nothing is fetched) and answers each { id, name, bytes } with
// { id, json } (analyze_for_worker's JSON: {"ok": {report, text, origins}} or {"err": message}),
// or { id, error } when the engine or a reader crashed: a trap leaves the wasm unusable, so the
// worker then closes itself and the page starts a fresh one. The page terminates the worker to
// cancel. A { id, letter } message (a follow-up letter as JSON, from the page's letter panel) is
// answered with { id, docx } (the .docx bytes; empty when it could not be written).
import init, { analyze_for_worker, letter_docx } from './pkg/meldingssjekk_worker.js';
import wasm from './pkg/meldingssjekk_worker_wasm.js';

const ready = init({ module_or_path: wasm });

self.onmessage = async (e) => {
  const { id, name, bytes, letter } = e.data;
  try {
    await ready;
    if (typeof letter === 'string') {
      self.postMessage({ id, docx: letter_docx(letter) });
      return;
    }
    self.postMessage({ id, json: analyze_for_worker(name, bytes) });
  } catch (err) {
    self.postMessage({ id, error: String(err) });
    self.close();
  }
};
