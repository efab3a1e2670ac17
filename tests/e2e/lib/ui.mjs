// Helpers for the end-to-end tests of the pages people touch: an axe-core
// accessibility scan (Playwright page or WebDriver session), and a check that
// a page reflows without horizontal scrolling (what 200% zoom needs).
import { readFileSync } from 'node:fs';

/** axe-core's source, injected by evaluation (extension pages forbid inline scripts). */
export const AXE_SOURCE = readFileSync(new URL('../../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/** Impacts that fail a test. */
const FAILING = new Set(['serious', 'critical']);

/** The serious and critical violations of an axe run, summarised. */
function failing(violations) {
  return violations
    .filter((v) => FAILING.has(v.impact))
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

const RUN = 'axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))';

/** axe scan of a Playwright page. */
export async function axePlaywright(page) {
  await page.evaluate(AXE_SOURCE);
  return failing(await page.evaluate(RUN));
}

/** axe scan of the current page of a WebDriver session (see firefox.mjs). */
export async function axeWebDriver(session) {
  await session.exec(`${AXE_SOURCE}; return true;`);
  return failing(await session.exec(`return ${RUN}`));
}

/** Expression (page world) telling whether the page scrolls sideways. */
export const OVERFLOWS_X = 'document.documentElement.scrollWidth > document.documentElement.clientWidth + 1';
