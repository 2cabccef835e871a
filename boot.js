// Starts Meldingssjekk in index.html. (A separate file so the page's CSP needs no inline script.)
import init, { mount } from './pkg/meldingssjekk.js';

const root = document.getElementById('app');
try {
  await init();
  mount(root, {});
} catch (e) {
  console.error(e);
  root.textContent = 'Meldingssjekk kunne ikke starte i denne nettleseren: ' + e;
}
