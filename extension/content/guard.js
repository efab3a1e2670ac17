// SagiGuard content script (classic script, every frame, document_start).
// It never sees the engine: it reports the page to the background, keeps the
// answer, and draws warnings. Typed values never leave this script.
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  if (globalThis.__sagiguardGuard) return;
  globalThis.__sagiguardGuard = true;

  const SENSITIVE = 'input[type=password], input[autocomplete^="cc-"], input[autocomplete="one-time-code"]';
  let answer = null;

  function hasSensitiveField() {
    return document.querySelector(SENSITIVE) !== null;
  }

  function text(key, ...subs) {
    const s = answer?.strings?.[key] ?? key;
    return subs.reduce((acc, sub, i) => acc.replaceAll(`$${i + 1}`, String(sub)), s);
  }

  // The banner lives in a closed shadow root so the page can neither read nor
  // restyle it.
  function showBanner(verdict) {
    if (document.querySelector('sagiguard-banner')) return;
    const host = document.createElement('sagiguard-banner');
    host.dataset.level = verdict.level;
    const root = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = `
      :host { all: initial; position: fixed !important; inset: 0 0 auto 0 !important; z-index: 2147483647 !important; display: block !important; }
      .bar { font: 15px/1.5 system-ui, sans-serif; color: #fff; padding: 12px 16px; display: flex; gap: 12px; align-items: flex-start; box-shadow: 0 2px 8px rgb(0 0 0 / .35); }
      .danger { background: #b3261e; } .caution { background: #8a4b00; }
      .body { flex: 1; } strong { display: block; font-size: 16px; }
      ul { margin: 4px 0 0; padding-left: 20px; }
      button { font: inherit; color: inherit; background: rgb(255 255 255 / .15); border: 1px solid #fff; border-radius: 6px; padding: 4px 12px; cursor: pointer; }
      button:focus-visible { outline: 3px solid #fff; outline-offset: 2px; }`;
    const bar = document.createElement('div');
    bar.className = `bar ${verdict.level === 'danger' ? 'danger' : 'caution'}`;
    bar.setAttribute('role', 'alert');
    const body = document.createElement('div');
    body.className = 'body';
    const title = document.createElement('strong');
    title.textContent = text('bannerTitle', verdict.host);
    const list = document.createElement('ul');
    for (const r of verdict.reasons.slice(0, 3)) {
      const li = document.createElement('li');
      li.textContent = r.text;
      list.append(li);
    }
    body.append(title, list);
    const close = document.createElement('button');
    close.textContent = text('bannerDismiss');
    close.addEventListener('click', () => host.remove());
    bar.append(body, close);
    root.append(style, bar);
    (document.body ?? document.documentElement).append(host);
  }

  async function check() {
    if (!hasSensitiveField()) return;
    try {
      answer = await api.runtime.sendMessage({ type: 'page-verdict', url: location.href });
    } catch {
      return; // extension reloaded or background unavailable: the page keeps working
    }
    const v = answer?.verdict;
    // Tells tests (and nothing else of value to a page) that the check is done.
    if (v?.level) document.documentElement.dataset.sagiguard = v.level;
    if (v && (v.level === 'caution' || v.level === 'danger')) showBanner(v);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', check, { once: true });
  } else {
    check();
  }
})();
