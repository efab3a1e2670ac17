// SagiGuard content script, part 2 of 4: field, form and page-fact extraction.
// Follows src/forms/extract_rules.md exactly (the CLI `sagiguard forms` follows
// the same rules on saved HTML, and a test compares the two). Values are never
// read here. The work is split into slices of a few milliseconds and cached per
// element, so a page with thousands of inputs never sees a long task.
(() => {
  const SG = (globalThis.__sagiguardContent ??= {});
  if (SG.createExtractor) return;

  const FIELD_SELECTOR = 'input, select, textarea';
  const NOT_FIELDS = new Set(['hidden', 'submit', 'button', 'image', 'reset', 'checkbox', 'radio', 'file', 'range', 'color']);
  const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'select', 'option', 'datalist', 'textarea']);
  // Unicode White_Space and U+FEFF, as the rules define whitespace.
  const SPACES = /[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]+/g;
  const ASCII_SPACES = /[\t\n\f\r ]+/;
  /** Attributes whose change can alter a descriptor. */
  const WATCHED_ATTRIBUTES = ['type', 'name', 'id', 'autocomplete', 'inputmode', 'placeholder', 'aria-label',
    'aria-labelledby', 'maxlength', 'pattern', 'for', 'form', 'action', 'method', 'multiple'];
  const SLICE_MS = 8;
  // NodeFilter.SHOW_ELEMENT and SHOW_TEXT, spelled out: reading them would set
  // up the NodeFilter interface in this world on every page.
  const SHOW_ELEMENT = 0x1;
  const SHOW_TEXT = 0x4;

  // On pages marked data-sagiguard-bench (scripts/bench-content.mjs) every
  // stretch of the guard's main-thread work after its scripts have run is a
  // `sagiguard:slice` performance measure: `SG.timed(fn)` wraps an entry point
  // (listener, timer, observer, the background's reply); an entry reached
  // from inside another counts once. Elsewhere it returns `fn` itself.
  let timedDepth = 0;
  const bench = document.documentElement?.hasAttribute('data-sagiguard-bench');
  SG.timed = !bench ? (fn) => fn : (fn) => function (...args) {
    if (timedDepth) return fn.apply(this, args);
    timedDepth++;
    const start = performance.now();
    try {
      return fn.apply(this, args);
    } finally {
      timedDepth--;
      performance.measure('sagiguard:slice', { start, duration: performance.now() - start });
    }
  };
  const { timed } = SG;

  function collapse(s) {
    return s.replace(SPACES, ' ').trim();
  }

  function isHigh(code) { return code >= 0xd800 && code <= 0xdbff; }
  function isLow(code) { return code >= 0xdc00 && code <= 0xdfff; }

  /** The first `n` UTF-16 code units, never splitting a character. */
  function head(s, n) {
    if (s.length <= n) return s;
    return isHigh(s.charCodeAt(n - 1)) ? s.slice(0, n - 1) : s.slice(0, n);
  }

  /** The last `n` UTF-16 code units, never splitting a character. */
  function tail(s, n) {
    if (s.length <= n) return s;
    const t = s.slice(s.length - n);
    return isLow(t.charCodeAt(0)) ? t.slice(1) : t;
  }

  function attr(el, name) {
    return el.getAttribute(name) ?? '';
  }

  /** Attribute `name` as reported: at most its first `n` code units (rules: the top). */
  function reported(el, name, n = 200) {
    return head(attr(el, name), n);
  }

  function isField(el) {
    const tag = el.localName;
    if (tag === 'select' || tag === 'textarea') return true;
    return tag === 'input' && !NOT_FIELDS.has(el.type);
  }

  function stopsWalk(el) {
    const tag = el.localName;
    return tag === 'select' || tag === 'textarea' || (tag === 'input' && el.type !== 'hidden');
  }

  function inSkipped(node) {
    for (let a = node.parentNode; a; a = a.parentNode) {
      if (a.nodeType === 1 && SKIPPED.has(a.localName)) return true;
    }
    return false;
  }

  /**
   * The text of an element (rules: "Text of an element"), at most `limit`
   * code units: its text nodes in tree order, below elements other than the
   * skipped ones. Walked by hand rather than by a TreeWalker with a filter,
   * which would call back into this script for every element.
   */
  function textOf(el, limit = Infinity) {
    let raw = '';
    let n = el.firstChild;
    while (n) {
      const type = n.nodeType;
      if (type === 3) {
        raw += n.data;
        if (raw.length > limit && collapse(raw).length > limit) break;
      } else if (type === 1 && !SKIPPED.has(n.localName)) {
        const child = n.firstChild;
        if (child) {
          n = child;
          continue;
        }
      }
      while (n !== el && !n.nextSibling) n = n.parentNode;
      n = n === el ? null : n.nextSibling;
    }
    return head(collapse(raw), limit);
  }

  /** The field's label (rules: "Label"); records the elements it read in `deps`. */
  function labelOf(el, root, labelFor, deps) {
    const id = el.getAttribute('id');
    if (id) {
      const l = labelFor.get(id);
      if (l) {
        deps.push(l);
        const t = textOf(l);
        if (t) return t;
      }
    }
    for (let a = el.parentElement; a; a = a.parentElement) {
      if (a.localName === 'label' && !a.hasAttribute('for')) {
        deps.push(a);
        const t = textOf(a);
        if (t) return t;
        break;
      }
    }
    const ids = attr(el, 'aria-labelledby').split(ASCII_SPACES).filter(Boolean);
    const texts = [];
    for (const ref of ids) {
      const target = root.getElementById(ref);
      if (!target) continue;
      deps.push(target);
      const t = textOf(target);
      if (t) texts.push(t);
    }
    return texts.join(' ');
  }

  /** Text just before the field (rules: "Nearby text"); records its scope in `deps`. */
  function nearbyOf(el, deps) {
    let scope = null;
    let step = 0;
    for (let a = el.parentNode; a; a = a.parentNode, step++) {
      scope = a;
      if (step === 2 || a.localName === 'form' || a.localName === 'body') break;
    }
    if (!scope) return '';
    deps.push(scope);
    const walker = document.createTreeWalker(scope, SHOW_ELEMENT | SHOW_TEXT);
    walker.currentNode = el;
    const pieces = [];
    let gathered = 0;
    for (let n = walker.previousNode(); n; n = walker.previousNode()) {
      if (n.nodeType === 1) {
        if (stopsWalk(n)) break;
        continue;
      }
      if (inSkipped(n)) continue;
      pieces.push(n.data);
      gathered += n.data.length;
      if (gathered >= 60) break;
    }
    return tail(collapse(pieces.reverse().join('')), 60);
  }

  /** A field's descriptor without `formIndex` (which depends on the whole page). */
  function describe(el, root, labelFor, deps) {
    const tag = el.localName;
    return {
      tag,
      type: el.type,
      name: reported(el, 'name'),
      id: reported(el, 'id'),
      autocomplete: reported(el, 'autocomplete'),
      inputmode: reported(el, 'inputmode'),
      placeholder: reported(el, 'placeholder'),
      ariaLabel: collapse(reported(el, 'aria-label')),
      label: head(labelOf(el, root, labelFor, deps), 100),
      maxLength: tag === 'select' ? -1 : el.maxLength,
      pattern: reported(el, 'pattern'),
      nearbyText: nearbyOf(el, deps),
    };
  }

  function resolveUrl(value) {
    try {
      return new URL(value, document.baseURI).href;
    } catch {
      return null;
    }
  }

  function describeForm(form, index) {
    const action = reported(form, 'action', 2000);
    const method = form.hasAttribute('method') ? reported(form, 'method') : null;
    return {
      index,
      action: resolveUrl(action) ?? action,
      method: method === null ? 'get' : method.trim().toLowerCase(),
      id: reported(form, 'id'),
      name: reported(form, 'name'),
    };
  }

  /** What the page claims to be (rules: "Page facts"). */
  function pageFacts() {
    const titleEl = document.querySelector('title');
    const headings = [];
    for (const h of document.querySelectorAll('h1, h2')) {
      const t = textOf(h, 100);
      if (t) headings.push(t);
      if (headings.length === 10) break;
    }
    const body = document.querySelector('body');
    const logoAlts = [];
    for (const img of document.getElementsByTagName('img')) {
      const alt = collapse(attr(img, 'alt'));
      if (!alt) continue;
      if (['alt', 'src', 'id', 'class'].some((a) => attr(img, a).toLowerCase().includes('logo'))) logoAlts.push(alt);
      if (logoAlts.length === 10) break;
    }
    let faviconHost = '';
    for (const link of document.getElementsByTagName('link')) {
      if (!attr(link, 'rel').split(ASCII_SPACES).some((r) => r.toLowerCase() === 'icon')) continue;
      const url = resolveUrl(attr(link, 'href'));
      faviconHost = url ? new URL(url).hostname : '';
      break;
    }
    return {
      title: titleEl ? textOf(titleEl, 200) : '',
      headings,
      textSample: body ? textOf(body, 300) : '',
      logoAlts,
      faviconHost,
    };
  }

  /**
   * Follows the page's fields. `onReport({fields, forms, facts, elements})` is
   * called after the first pass and after every pass that changed something;
   * `elements[i]` is the element of `fields[i]`. `isOurs(node)` tells our own
   * warning elements apart, whose changes are ignored.
   */
  SG.createExtractor = function createExtractor({ onReport, onRoot, isOurs }) {
    let cache = new WeakMap(); // element -> descriptor without formIndex
    let dependents = new WeakMap(); // element read for a descriptor -> Set of fields
    let usesLabelledby = false;
    const observedRoots = new WeakSet();
    let last = null; // {elements, formIndexes, pageKey}
    let reportedFields = false; // a pass has reported fields
    let running = null;
    let again = false;
    let timer = 0;
    let firstPending = 0;

    function invalidateAll() {
      cache = new WeakMap();
      dependents = new WeakMap();
    }

    function forget(field) {
      cache.delete(field);
    }

    /** Drops the cached descriptors that read `node` or anything around it. */
    function touched(node) {
      for (let n = node; n; n = n.parentNode) {
        const fields = dependents.get(n);
        if (fields) {
          for (const f of fields) forget(f);
          dependents.delete(n);
        }
      }
    }

    function addedOrRemoved(node) {
      if (node.nodeType !== 1) return;
      if (isField(node)) forget(node);
      else for (const f of node.querySelectorAll(FIELD_SELECTOR)) forget(f);
      if (node.matches('label[for]') || node.querySelector('label[for]')) invalidateAll();
      else if (usesLabelledby && (node.id || node.querySelector('[id]'))) invalidateAll();
    }

    function onMutations(records) {
      let relevant = false;
      for (const r of records) {
        if (isOurs(r.target)) continue;
        if (r.type === 'attributes') {
          if (r.attributeName === 'id' || r.attributeName === 'for') invalidateAll();
          else if (isField(r.target)) forget(r.target);
          relevant = true;
          continue;
        }
        const nodes = [...r.addedNodes, ...r.removedNodes].filter((n) => !isOurs(n));
        if (r.type === 'childList' && nodes.length === 0) continue;
        relevant = true;
        touched(r.target);
        for (const n of nodes) addedOrRemoved(n);
      }
      if (relevant) schedule();
    }

    const observer = new MutationObserver(timed(onMutations));
    const OBSERVE = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: WATCHED_ATTRIBUTES };

    function observe(root) {
      if (observedRoots.has(root)) return;
      observedRoots.add(root);
      observer.observe(root, OBSERVE);
      onRoot(root);
    }

    /** Debounced: a pass 150 ms after the last change, at least once a second while changes go on. */
    function schedule() {
      const now = performance.now();
      if (!firstPending) firstPending = now;
      clearTimeout(timer);
      const wait = Math.max(0, Math.min(150, firstPending + 1000 - now));
      timer = setTimeout(run, wait);
    }

    const run = timed(() => {
      firstPending = 0;
      if (running) {
        again = true;
        return;
      }
      running = pass();
      step();
    });

    const step = timed(() => {
      const start = performance.now();
      let r;
      do r = running.next();
      while (!r.done && performance.now() - start < SLICE_MS);
      if (!r.done) {
        setTimeout(step, 0);
        return;
      }
      running = null;
      if (r.value) {
        // Sending copies the report: for a big page that is a slice of its
        // own, so this one stays within its budget.
        const report = r.value;
        if (performance.now() - start < SLICE_MS / 2) onReport(report);
        else setTimeout(timed(() => onReport(report)), 0);
      }
      if (again) {
        again = false;
        run();
      }
    });

    /** The open shadow roots below `root`, found a few hundred elements at a time. */
    function* shadowRoots(root, found) {
      const walker = document.createTreeWalker(root, SHOW_ELEMENT);
      let i = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.shadowRoot && !isOurs(n)) {
          found.push(n.shadowRoot);
          yield* shadowRoots(n.shadowRoot, found);
        }
        if (++i % 64 === 0) yield;
      }
    }

    /** One extraction pass; returns a report, or null when nothing changed. */
    function* pass() {
      const roots = [document];
      yield* shadowRoots(document, roots);
      const fields = [];
      const elements = [];
      const formElements = [];
      const formIndexes = [];
      let changed = false;
      for (const root of roots) {
        observe(root);
        const rootForms = root === document ? [...document.forms] : [...root.querySelectorAll('form')];
        const offset = formElements.length;
        const formIndex = new Map(rootForms.map((f, i) => [f, offset + i]));
        formElements.push(...rootForms);
        const labelFor = new Map();
        let n = 0;
        for (const l of root.querySelectorAll('label[for]')) {
          const id = l.getAttribute('for');
          if (!labelFor.has(id)) labelFor.set(id, l);
          if (++n % 512 === 0) yield;
        }
        n = 0;
        for (const el of root.querySelectorAll(FIELD_SELECTOR)) {
          if (!isField(el)) continue;
          let d = cache.get(el);
          if (!d) {
            const deps = [];
            d = describe(el, root, labelFor, deps);
            if (el.hasAttribute('aria-labelledby')) usesLabelledby = true;
            for (const dep of deps) {
              let set = dependents.get(dep);
              if (!set) dependents.set(dep, (set = new Set()));
              set.add(el);
            }
            cache.set(el, d);
            changed = true;
          }
          const fi = el.form ? formIndex.get(el.form) ?? -1 : -1;
          fields.push({ ...d, formIndex: fi });
          elements.push(el);
          formIndexes.push(fi);
          if (++n % 8 === 0) yield;
        }
      }
      // Until a report with fields has gone out, the guard has no answer and
      // drops a report without fields unread (guard.js `send`): no need to
      // describe the forms and the page for one.
      if (!fields.length && !reportedFields) return null;
      const forms = formElements.map(describeForm);
      const facts = pageFacts();
      const pageKey = JSON.stringify([forms, facts]);
      if (!changed && last && last.pageKey === pageKey && last.elements.length === elements.length
        && elements.every((el, i) => el === last.elements[i] && formIndexes[i] === last.formIndexes[i])) {
        return null;
      }
      last = { elements, formIndexes, pageKey };
      if (fields.length) reportedFields = true;
      return { fields, forms, facts, elements };
    }

    return {
      /** Runs the first pass now (sliced) and follows changes from then on. */
      start: run,
      /** Asks for a pass soon (e.g. a field got focus before any pass saw it). */
      refresh: schedule,
      isField,
    };
  };
})();
