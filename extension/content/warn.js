// SagiGuard content script, part 3 of 4: what the person sees. The banner on a
// suspicious page and the guard's warning dialog, each in a closed shadow root
// so the page can neither read nor restyle them. The dialog is modal (top
// layer, the rest of the page inert), comes back if the page removes or covers
// it, and takes its input only from the window-level listeners in guard.js,
// which run before any page listener and accept only trusted events.
(() => {
  const SG = (globalThis.__sagiguardContent ??= {});
  if (SG.warn) return;
  const { timed } = SG; // extract.js runs first

  const HOST_STYLE = 'all: initial !important; display: block !important; visibility: visible !important; '
    + 'position: fixed !important; inset: 0 auto auto 0 !important; width: 0 !important; height: 0 !important; '
    + 'overflow: visible !important; z-index: 2147483647 !important; opacity: 1 !important; '
    + 'transform: none !important; filter: none !important; clip-path: none !important; pointer-events: auto !important;';

  const DIALOG_CSS = `
    dialog { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans JP", sans-serif;
      color: #1f1f1f; background: #fff; border: 3px solid #b3261e; border-radius: 12px; padding: 20px 22px;
      max-width: min(520px, calc(100vw - 32px)); box-shadow: 0 12px 40px rgb(0 0 0 / .45); }
    dialog.caution { border-color: #8a4b00; }
    dialog::backdrop { background: rgb(20 0 0 / .55); }
    dialog.typing::backdrop { background: rgb(20 0 0 / .25); }
    h2 { margin: 0 0 10px; font-size: 19px; line-height: 1.35; color: #b3261e; }
    dialog.caution h2 { color: #8a4b00; }
    p { margin: 0 0 8px; }
    .what { font-weight: 600; }
    ul { margin: 4px 0 14px; padding-left: 22px; }
    .buttons { display: flex; flex-wrap: wrap; gap: 10px; justify-content: flex-end; }
    button { font: inherit; border-radius: 8px; padding: 8px 16px; cursor: pointer; border: 2px solid #5f6368; background: #fff; color: #1f1f1f; }
    button.primary { background: #1b6e3a; border-color: #1b6e3a; color: #fff; font-weight: 600; }
    button:focus-visible, button:focus { outline: 3px solid #0b57d0; outline-offset: 2px; }
    @media (prefers-color-scheme: dark) {
      dialog { background: #202124; color: #e8eaed; }
      button { background: #303134; color: #e8eaed; }
    }`;

  const BANNER_CSS = `
    .bar { font: 15px/1.5 system-ui, sans-serif; color: #fff; padding: 12px 16px; display: flex; gap: 12px; align-items: flex-start; box-shadow: 0 2px 8px rgb(0 0 0 / .35); }
    .danger { background: #b3261e; } .caution { background: #8a4b00; }
    .body { flex: 1; } strong { display: block; font-size: 16px; }
    ul { margin: 4px 0 0; padding-left: 20px; }
    button { font: inherit; color: inherit; background: rgb(255 255 255 / .15); border: 1px solid #fff; border-radius: 6px; padding: 4px 12px; cursor: pointer; }
    button:focus-visible { outline: 3px solid #fff; outline-offset: 2px; }`;

  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'text') node.textContent = v;
      else node.setAttribute(k, v);
    }
    node.append(...children);
    return node;
  }

  function style(css) {
    const s = document.createElement('style');
    s.textContent = css;
    return s;
  }

  /** The banner at the top of a suspicious page that asks for sensitive data. */
  function showBanner({ level, title, reasons, closeLabel }) {
    if (document.querySelector('sagiguard-banner')) return;
    const host = document.createElement('sagiguard-banner');
    host.dataset.level = level;
    // At the bottom, so it never hides the fields the page asks to fill.
    host.setAttribute('style', HOST_STYLE.replace('inset: 0 auto auto 0 !important; width: 0 !important; height: 0 !important;',
      'inset: auto 0 0 0 !important; width: auto !important; height: auto !important;'));
    const root = host.attachShadow({ mode: 'closed' });
    const close = el('button', { type: 'button', text: closeLabel });
    close.addEventListener('click', timed(() => host.remove()));
    const bar = el('div', { class: `bar ${level === 'danger' ? 'danger' : 'caution'}`, role: 'alert' },
      el('div', { class: 'body' }, el('strong', { text: title }), el('ul', {}, ...reasons.slice(0, 3).map((r) => el('li', { text: r })))),
      close);
    root.append(style(BANNER_CSS), bar);
    (document.body ?? document.documentElement).append(host);
  }

  let current = null; // the open dialog's state

  /**
   * Opens the guard dialog. `mode` is 'submit' or 'typing'; `texts` holds the
   * strings ({title, what, why, reasons[], buttons: [[choice, label], ...]});
   * the first button is the safe default and has focus. `anchor` (typing) is
   * the field to show it at. `onChoice(choice)` is called once.
   */
  function openDialog({ mode, level, texts, kinds, anchor, onChoice }) {
    if (current) return current.api;
    const host = document.createElement('sagiguard-dialog');
    const root = host.attachShadow({ mode: 'closed' });
    const buttons = texts.buttons.map(([choice, label], i) => {
      const b = el('button', { type: 'button', class: i === 0 ? 'primary' : '', text: label });
      b.dataset.choice = choice;
      return b;
    });
    const dialog = el('dialog', {
      role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'sg-title', 'aria-describedby': 'sg-body',
      class: `${mode} ${level === 'danger' ? 'danger' : 'caution'}`,
    },
    el('h2', { id: 'sg-title', text: texts.title }),
    el('div', { id: 'sg-body' },
      el('p', { class: 'what', text: texts.what }),
      el('p', { text: texts.why }),
      el('ul', {}, ...texts.reasons.map((r) => el('li', { text: r })))),
    el('div', { class: 'buttons' }, ...buttons));
    root.append(style(DIALOG_CSS), dialog);

    const state = { host, root, dialog, buttons, shownAt: 0, done: false, watchdog: 0, observer: null, api: null, finish: null };
    current = state;

    function place() {
      if (!anchor?.isConnected) return;
      const r = anchor.getBoundingClientRect();
      const top = Math.min(Math.max(8, r.bottom + 8), Math.max(8, innerHeight - dialog.offsetHeight - 8));
      const left = Math.min(Math.max(8, r.left), Math.max(8, innerWidth - dialog.offsetWidth - 8));
      dialog.style.cssText = `position: fixed; margin: 0; top: ${top}px; left: ${left}px;`;
    }

    /** (Re)attaches the host and shows the dialog on top of everything. */
    function show() {
      host.setAttribute('style', HOST_STYLE);
      if (!host.isConnected) (document.documentElement ?? document).append(host);
      if (dialog.open) dialog.close();
      dialog.showModal();
      place();
      state.shownAt = performance.now();
      buttons[0].focus();
    }

    function healthy() {
      if (!host.isConnected || !dialog.open || !dialog.matches(':modal')) return false;
      if (host.getAttribute('style') !== HOST_STYLE) return false;
      // Anything of the page's above us (an overlay, its own modal dialog or
      // popover in the top layer) takes the hit test at our centre.
      const r = dialog.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return hit === null || hit === host;
    }

    function check() {
      if (state.done) return;
      if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
      if (!healthy()) show();
    }

    function finish(choice) {
      if (state.done) return;
      state.done = true;
      clearInterval(state.watchdog);
      state.observer.disconnect();
      current = null;
      dialog.close();
      host.remove();
      onChoice(choice);
    }

    const checkSoon = timed(check);
    dialog.addEventListener('cancel', timed((e) => {
      e.preventDefault();
      finish(buttons[0].dataset.choice);
    }));
    dialog.addEventListener('close', timed(() => {
      if (!state.done) queueMicrotask(checkSoon);
    }));
    state.observer = new MutationObserver(timed(() => queueMicrotask(checkSoon)));
    state.observer.observe(document, { childList: true });
    state.observer.observe(document.documentElement ?? document, { childList: true, attributes: true });
    state.observer.observe(host, { attributes: true });
    state.watchdog = setInterval(checkSoon, 250);
    host.dataset.kind = mode;
    host.dataset.kinds = kinds.join(',');
    state.finish = finish;
    state.api = { close: () => finish(buttons[0].dataset.choice), host };
    show();
    return state.api;
  }

  /** A guard event the window listeners saw while the dialog is open. */
  function handleEvent(e) {
    const s = current;
    if (!s) return false;
    if (e.type === 'keydown') {
      if (!e.isTrusted) return true;
      const focused = s.root.activeElement;
      const i = s.buttons.indexOf(focused);
      if (e.key === 'Escape') {
        s.api.close();
      } else if (e.key === 'Tab') {
        const n = s.buttons.length;
        const next = i < 0 ? 0 : (i + (e.shiftKey ? n - 1 : 1)) % n;
        s.buttons[next].focus();
      } else if ((e.key === 'Enter' || e.key === ' ') && i >= 0) {
        choose(s, s.buttons[i], false);
      } else if (e.key === 'ArrowRight' || e.key === 'ArrowDown' || e.key === 'ArrowLeft' || e.key === 'ArrowUp') {
        const n = s.buttons.length;
        const back = e.key === 'ArrowLeft' || e.key === 'ArrowUp';
        s.buttons[(Math.max(i, 0) + (back ? n - 1 : 1)) % n].focus();
      }
      return true;
    }
    if (e.type === 'click' || e.type === 'mousedown' || e.type === 'pointerdown' || e.type === 'mouseup' || e.type === 'pointerup') {
      if (e.type !== 'click' || !e.isTrusted) return true;
      const hit = s.root.elementFromPoint(e.clientX, e.clientY);
      const button = hit?.closest?.('button');
      if (button && s.buttons.includes(button)) choose(s, button, true);
      return true;
    }
    return false;
  }

  function choose(s, button, pointer) {
    // A click on a non-default choice right after the dialog (re)appeared is
    // more likely a click meant for the page (or a trick) than a decision.
    if (pointer && button !== s.buttons[0] && performance.now() - s.shownAt < 400) return;
    s.finish(button.dataset.choice);
  }

  SG.warn = {
    showBanner,
    openDialog,
    handleEvent,
    isOpen: () => current !== null,
    isOurs: (node) => {
      for (let n = node; n; n = n.parentNode) {
        if (n.localName === 'sagiguard-dialog' || n.localName === 'sagiguard-banner') return true;
      }
      return false;
    },
  };
})();
