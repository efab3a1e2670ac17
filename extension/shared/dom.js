// Building elements without innerHTML: the one DOM helper every surface shares,
// the extension's pages and the public check page (www/) alike, so it imports
// nothing (build.sh copies it into www/shared/).

/**
 * Creates `<tag>` with attributes (`class`, `text`, `data-*`, any other
 * attribute; `false`/`null` values are left out) and children (nodes or strings).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'text') el.textContent = value;
    else if (name === 'class') el.className = value;
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  el.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}
