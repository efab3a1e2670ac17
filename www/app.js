// The public check page: the same wasm engine as the extension, run in this
// page. Nothing typed here leaves the browser.
import init, { Engine } from './pkg/sagiguard.js';

await init({ module_or_path: new URL('./pkg/sagiguard_bg.wasm', import.meta.url) });
const engine = new Engine();
const lang = navigator.language;

document.getElementById('check').addEventListener('submit', (e) => {
  e.preventDefault();
  const v = engine.checkUrl(document.getElementById('url').value, lang);
  const level = document.getElementById('level');
  document.getElementById('result').hidden = false;
  if (v.error) {
    level.className = 'level level-unknown';
    level.textContent = v.error;
    document.getElementById('host').textContent = '';
    document.getElementById('reasons').replaceChildren();
    return;
  }
  level.className = `level level-${v.level}`;
  level.textContent = v.summary;
  level.dataset.level = v.level;
  document.getElementById('host').textContent = v.site ? `${v.host} (${v.site})` : v.host;
  document.getElementById('reasons').replaceChildren(...v.reasons.map((r) => {
    const li = document.createElement('li');
    li.textContent = r.text;
    li.dataset.code = r.code;
    return li;
  }));
});
document.body.dataset.ready = '1';
