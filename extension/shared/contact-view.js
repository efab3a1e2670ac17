// One contact of the recovery guide (a hotline, a consultation desk), drawn
// the same on the extension's guide page and on the public check page. Imports
// no extension API, so build.sh copies it into www/shared/ with dom.js.
import { h } from './dom.js';

/**
 * A contact's name with its number as a link to call, shown once: a name that
 * holds the number already ("Consumer hotline 188") gets the link in its place.
 */
export function contactName(c) {
  if (!c.tel) return [h('strong', { text: c.name })];
  const link = h('a', { class: 'tel', href: `tel:${encodeURIComponent(c.tel)}`, text: c.tel });
  const at = c.name.indexOf(c.tel);
  if (at < 0) return [h('strong', { text: c.name }), ' ', link];
  return [h('strong', {}, c.name.slice(0, at), link, c.name.slice(at + c.tel.length))];
}
