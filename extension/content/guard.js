// SagiGuard content script, part 4 of 4: the form guard (classic script, every
// frame, document_start). It reports the page's fields to the background,
// keeps the answer so that every handler decides synchronously, and on a
// suspicious page stops sensitive data before it leaves: at the first
// keystroke or paste into a sensitive field, and at every way of sending a
// form (button, Enter, requestSubmit(), a script's form.submit() via the
// main-world hook in hook.js), with the form's `formdata` event as the
// backstop for ways the other guards cannot see (a submit() borrowed from
// another frame, a script building FormData). Typed values never leave this
// script.
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const SG = globalThis.__sagiguardContent;
  if (!SG || SG.started) return;
  SG.started = true;
  const { values, warn, createExtractor, timed } = SG;

  /** The event hook.js dispatches on a form when a page script calls form.submit(). */
  const SCRIPT_SUBMIT = 'sagiguard-form-submit';
  /**
   * Kinds the guard protects, in the engine's order: its list, which comes
   * with every answer (see `isSensitive`).
   */
  let sensitiveKinds = null;
  /** Below this confidence a card or gift-card classification needs the typed value to agree. */
  const UNSURE = 0.5;
  /**
   * Sends `form` with this world's own submit: never the page's (possibly
   * wrapped) one, nor a field named "submit". Looked up when needed: page
   * scripts cannot reach this world's prototypes, and a page that never
   * submits from a script spares us setting up the interface.
   */
  function nativeSubmit(form) {
    HTMLFormElement.prototype.submit.call(form);
  }

  let answer = null; // the background's last answer for this frame
  let classes = new WeakMap(); // field -> {kind, confidence, group}
  let groups = new Map(); // group id -> fields
  let reportSeq = 0;
  let trusted = false; // the person trusts this site
  let typingAllowed = false; // the person chose to type anyway
  const typedFields = new Set(); // sensitive fields the person typed into
  let pending = null; // the submission waiting for the person's choice
  const heldForAnswer = []; // submissions seen before the first answer
  let passing = null; // the form we are re-submitting ourselves
  const approved = new WeakSet(); // forms the person chose to send from

  function guarding() {
    return !trusted && !answer?.trusted && answer?.warn === true;
  }

  function text(key, ...subs) {
    const s = answer?.strings?.[key] ?? key;
    return subs.reduce((acc, sub, i) => acc.replaceAll(`$${i + 1}`, String(sub)), s);
  }

  function kindName(kind) {
    return text(`kind_${kind.replaceAll('-', '_')}`);
  }

  /** "card number and card security code", "A, B and C" (ja: "A、BとC"). */
  function kindList(kinds) {
    const names = kinds.map(kindName);
    const last = names.pop();
    return names.length ? `${names.join(text('kindListSeparator'))}${text('kindListLast')}${last}` : (last ?? '');
  }

  function isTextual(el) {
    return el.localName === 'textarea' || el.localName === 'input';
  }

  /** The value a check may look at: a split field's boxes joined. Stays here. */
  function valueOf(el) {
    const c = classes.get(el);
    const boxes = c?.group != null ? groups.get(c.group) : null;
    if (boxes && boxes.length > 1) return boxes.filter(isTextual).map((b) => b.value).join('');
    return isTextual(el) ? el.value : '';
  }

  /**
   * What a field asks for. With `useValue`, an unsure card or gift-card
   * classification must be confirmed by the typed value, and any field whose
   * value is a plausible card number or recovery phrase counts as one.
   */
  function kindOf(el, useValue) {
    const c = classes.get(el);
    const kind = c?.kind ?? (el.type === 'password' ? 'password' : 'other');
    const unsure = c ? c.confidence < UNSURE : false;
    if (!useValue) return unsure && (kind === 'card-number' || kind === 'gift-card-code') ? 'other' : kind;
    const v = valueOf(el);
    if (!v) return kind;
    if (kind === 'card-number' && unsure) return values.looksLikeCardNumber(v) ? kind : 'other';
    if (kind === 'gift-card-code' && unsure) return values.looksLikeGiftCardCode(v) ? kind : 'other';
    if (isSensitive(kind)) return kind;
    if (values.looksLikeCardNumber(v)) return 'card-number';
    if (values.looksLikeRecoveryPhrase(v)) return 'recovery-phrase';
    return kind;
  }

  function fieldOf(e) {
    const t = e.composedPath?.()[0] ?? e.target;
    return t?.nodeType === 1 && extractor.isField(t) ? t : null;
  }

  /**
   * Whether the guard protects `kind`. Before the first answer a field reads
   * only as 'password' (its type), a value's shape ('card-number',
   * 'recovery-phrase') or 'other' (see `kindOf`), so all but 'other' count.
   */
  function isSensitive(kind) {
    return sensitiveKinds ? sensitiveKinds.includes(kind) : kind !== 'other';
  }

  function ordered(kinds) {
    const order = sensitiveKinds ?? [];
    return [...kinds].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  }

  /** The sensitive kinds a submission of `form` would send (read locally). */
  function sendingKinds(form) {
    const kinds = new Set();
    const selects = [];
    for (const el of form.elements) {
      if (!extractor.isField(el)) continue;
      if (!isTextual(el)) {
        selects.push(el);
        continue;
      }
      if (!el.value) continue;
      const k = kindOf(el, true);
      if (isSensitive(k)) kinds.add(k);
    }
    if (kinds.size) {
      for (const el of selects) if (isSensitive(kindOf(el, false))) kinds.add(kindOf(el, false));
    } else {
      // A script may have copied what was typed into another form.
      for (const el of typedFields) if (el.value && isSensitive(kindOf(el, true))) kinds.add(kindOf(el, true));
    }
    return ordered(kinds);
  }

  // ---- the person's choices -------------------------------------------------

  function site() {
    return answer?.site || answer?.verdict?.host || location.hostname;
  }

  function trustSite() {
    trusted = true;
    api.runtime.sendMessage({ type: 'trust-site', site: site() }).catch(() => {});
    document.documentElement.dataset.sagiguardGuard = 'trusted';
  }

  function resume({ form, submitter, via }) {
    if (!form.isConnected) return;
    passing = form;
    try {
      if (via === 'script') nativeSubmit(form);
      else if (submitter?.isConnected && submitter.form === form) form.requestSubmit(submitter);
      else form.requestSubmit();
    } finally {
      passing = null;
    }
  }

  function reasonTexts() {
    return (answer?.verdict?.reasons ?? []).slice(0, 4).map((r) => r.text);
  }

  function openSubmitDialog(submission) {
    pending = submission;
    const kinds = submission.kinds;
    warn.openDialog({
      mode: 'submit',
      level: answer.verdict.level,
      kinds,
      texts: {
        title: text('guardSubmitTitle'),
        what: text('guardSubmitWhat', kindList(kinds), answer.verdict.host),
        why: text('guardWhy'),
        reasons: reasonTexts(),
        buttons: [['dont-send', text('guardDontSend')], ['send', text('guardSendAnyway')], ['trust', text('guardTrust')]],
      },
      onChoice(choice) {
        const s = pending;
        pending = null;
        if (choice === 'send') {
          approved.add(s.form);
          resume(s);
          api.runtime.sendMessage({ type: 'record-incident', kinds: s.kinds, site: site(), time: Date.now() }).catch(() => {});
        } else if (choice === 'trust') {
          trustSite();
          resume(s);
        } else {
          const back = s.submitter?.isConnected ? s.submitter : s.field;
          back?.focus?.();
        }
      },
    });
  }

  function openTypingWarning(field, kind) {
    warn.openDialog({
      mode: 'typing',
      level: answer.verdict.level,
      kinds: [kind],
      anchor: field,
      texts: {
        title: text('guardTypingTitle', kindName(kind)),
        what: text('guardTypingWhat', answer.verdict.host),
        why: text('guardWhy'),
        reasons: reasonTexts(),
        buttons: [['stop', text('guardTypingStop')], ['type', text('guardTypingContinue')], ['trust', text('guardTrust')]],
      },
      onChoice(choice) {
        if (choice === 'stop') {
          field.blur();
          return;
        }
        if (choice === 'trust') trustSite();
        else typingAllowed = true;
        field.focus();
      },
    });
  }

  // ---- deciding on a submission ----------------------------------------------

  /** Decides now; returns true when the submission must wait for the person. */
  function holdSubmission(form, submitter, via) {
    if (pending) return true; // one choice at a time; this attempt waits behind it
    if (!answer) {
      const kinds = sendingKinds(form);
      if (!kinds.length) return false;
      const held = { form, submitter, via };
      heldForAnswer.push(held);
      // No answer at all (background gone): the page keeps working.
      setTimeout(timed(() => {
        const i = heldForAnswer.indexOf(held);
        if (i >= 0 && !answer) {
          heldForAnswer.splice(i, 1);
          resume(held);
        }
      }), 5000);
      return true;
    }
    if (!guarding()) return false;
    const kinds = sendingKinds(form);
    if (!kinds.length) return false;
    openSubmitDialog({ form, submitter, via, kinds, field: form.elements[0] });
    return true;
  }

  function isForm(node) {
    return node?.nodeType === 1 && node.localName === 'form' && 'requestSubmit' in node;
  }

  function onSubmit(e) {
    const form = e.composedPath?.()[0] ?? e.target;
    if (!isForm(form) || form === passing) return;
    if (holdSubmission(form, e.submitter ?? null, 'event')) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }

  function onScriptSubmit(e) {
    const form = e.composedPath?.()[0] ?? e.target;
    if (!isForm(form) || !form.isConnected) return;
    // We take the submission over: sent below, or after the person's choice.
    e.preventDefault();
    e.stopImmediatePropagation();
    if (!holdSubmission(form, null, 'script')) nativeSubmit(form);
  }

  /**
   * The backstop: every way of sending a form's fields builds its entry list
   * and fires `formdata` first, including a submit() taken from another
   * frame's prototype and `new FormData(form)` in a page script, which no
   * other guard sees. Unless the submission is ours or the person already
   * chose to send, the sensitive entries are emptied, and the form is taken
   * out of the document for a moment: a form that is not connected once its
   * `formdata` event is over is not submitted (HTML's form submission
   * algorithm checks again). Then the person is asked as for any submission.
   */
  function onFormData(e) {
    const form = e.target;
    if (!isForm(form) || form === passing || approved.has(form) || !guarding()) return;
    const kinds = sendingKinds(form);
    if (!kinds.length) return;
    const names = new Set();
    for (const el of form.elements) {
      if (extractor.isField(el) && el.name && (!isTextual(el) || el.value) && isSensitive(kindOf(el, isTextual(el)))) names.add(el.name);
    }
    for (const name of names) {
      const n = e.formData.getAll(name).length;
      e.formData.delete(name);
      for (let i = 0; i < n; i++) e.formData.append(name, '');
    }
    if (form.isConnected) {
      const marker = document.createComment('');
      form.replaceWith(marker);
      setTimeout(timed(() => marker.replaceWith(form)), 0);
    }
    if (!pending) setTimeout(timed(() => openSubmitDialog({ form, submitter: null, via: 'script', kinds, field: form.elements[0] })), 0);
  }

  // ---- typing ----------------------------------------------------------------------

  function sensitiveNow(field) {
    return isSensitive(kindOf(field, false));
  }

  function guardTyping(e, field) {
    if (!guarding() || typingAllowed || warn.isOpen() || !sensitiveNow(field)) return false;
    if (e.cancelable) e.preventDefault();
    e.stopImmediatePropagation();
    openTypingWarning(field, kindOf(field, false));
    return true;
  }

  function onKeydown(e) {
    if (warn.handleEvent(e)) {
      e.preventDefault();
      e.stopImmediatePropagation();
      return;
    }
    const field = fieldOf(e);
    if (!field || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key.length === 1 || e.key === 'Process' || e.key === 'Unidentified') guardTyping(e, field);
  }

  function onBeforeInput(e) {
    const field = fieldOf(e);
    if (field && String(e.inputType).startsWith('insert')) guardTyping(e, field);
  }

  function onPasteOrDrop(e) {
    const field = fieldOf(e);
    if (field) guardTyping(e, field);
  }

  // After a value changed: remember sensitive fields typed into, and warn when
  // a value shows what the words did not (a card number in a "tel" field).
  function onInput(e) {
    const field = fieldOf(e);
    if (!field || !isTextual(field)) return;
    const kind = kindOf(field, true);
    if (!isSensitive(kind)) return;
    typedFields.add(field);
    if (guarding() && !typingAllowed && !warn.isOpen() && !sensitiveNow(field)) openTypingWarning(field, kind);
  }

  function onPointer(e) {
    if (warn.handleEvent(e)) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }

  function onFocusIn(e) {
    const field = fieldOf(e);
    if (field && !classes.has(field)) extractor.refresh();
  }

  // Capture phase on window, registered at document_start: before any page
  // listener, so a page cannot stop these events from reaching us.
  const capture = { capture: true };
  const submitListener = timed(onSubmit);
  const formDataListener = timed(onFormData);
  const pasteOrDropListener = timed(onPasteOrDrop);
  const pointerListener = timed(onPointer);
  addEventListener('submit', submitListener, capture);
  addEventListener(SCRIPT_SUBMIT, timed(onScriptSubmit), capture);
  addEventListener('formdata', formDataListener, capture);
  addEventListener('keydown', timed(onKeydown), capture);
  addEventListener('beforeinput', timed(onBeforeInput), capture);
  addEventListener('paste', pasteOrDropListener, capture);
  addEventListener('drop', pasteOrDropListener, capture);
  addEventListener('input', timed(onInput), capture);
  addEventListener('focusin', timed(onFocusIn), capture);
  for (const type of ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup']) addEventListener(type, pointerListener, capture);

  // ---- reporting to the background ----------------------------------------------

  function apply(report, reply) {
    answer = reply;
    if (Array.isArray(reply.sensitiveKinds)) sensitiveKinds = reply.sensitiveKinds;
    classes = new WeakMap();
    groups = new Map();
    report.elements.forEach((el, i) => {
      const c = reply.fields?.[i];
      if (!c) return;
      classes.set(el, c);
      if (c.group != null) {
        if (!groups.has(c.group)) groups.set(c.group, []);
        groups.get(c.group).push(el);
      }
    });
    const root = document.documentElement;
    // Lets tests (and nothing of value to a page) know the answer is in.
    if (reply.verdict?.level) root.dataset.sagiguard = reply.verdict.level;
    root.dataset.sagiguardFields = String(report.fields.length);
    root.dataset.sagiguardGuard = guarding() ? 'on' : reply.trusted ? 'trusted' : 'off';
    if (guarding() && reply.sensitive) {
      warn.showBanner({
        level: reply.verdict.level,
        title: text('bannerTitle', reply.verdict.host),
        reasons: reasonTexts(),
        closeLabel: text('bannerDismiss'),
      });
    }
    for (const held of heldForAnswer.splice(0)) {
      if (!holdSubmission(held.form, held.submitter, held.via)) resume(held);
    }
  }

  function send(report) {
    if (!report.fields.length && !answer) return;
    const seq = ++reportSeq;
    let sent;
    try {
      sent = api.runtime.sendMessage({ type: 'page-report', url: location.href, fields: report.fields, forms: report.forms, facts: report.facts });
    } catch {
      return; // extension reloaded or background unavailable: the page keeps working
    }
    sent.then(timed((reply) => {
      if (seq !== reportSeq || !reply || reply.error) return;
      apply(report, reply);
    }), () => {}); // as above
  }

  function onRoot(root) {
    // Submit and formdata events do not leave a shadow root: listen inside each one too.
    if (root !== document) {
      root.addEventListener('submit', submitListener, capture);
      root.addEventListener('formdata', formDataListener, capture);
    }
  }

  const extractor = createExtractor({ onReport: send, onRoot, isOurs: warn.isOurs });

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', extractor.start, { once: true });
  } else {
    extractor.start();
  }
})();
