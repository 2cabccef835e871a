// Meldingssjekk's analysis worker (a module worker started by the page: mount(…, { worker })).
// Loads the wasm once (from a JS module, nothing is fetched) and answers each { id, name, bytes }
// with { id, json } (analyze_for_worker's JSON: {"ok": {report, text}} or {"err": message}), or
// { id, error } when the engine failed. The page terminates the worker to cancel.
import init, { analyze_for_worker } from './pkg/meldingssjekk.js';
import wasm from './pkg/meldingssjekk_wasm.js';

const ready = init({ module_or_path: wasm });

self.onmessage = async (e) => {
  const { id, name, bytes } = e.data;
  try {
    await ready;
    self.postMessage({ id, json: analyze_for_worker(name, bytes) });
  } catch (err) {
    self.postMessage({ id, error: String(err) });
  }
};
