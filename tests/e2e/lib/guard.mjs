// Helpers shared by the form-guard tests of both browsers: the fixture pages
// of the forms classifier served by the test server, and `sagiguard forms`
// (the CLI) on the same pages, to compare with what the content script saw.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const FIXTURES = resolve('tests/fixtures/pages');

/** The fixture page names (`login.html`, ...). */
export function fixtureNames() {
  return readdirSync(FIXTURES).filter((n) => n.endsWith('.html')).sort();
}

/** Serves every fixture page at `/fixtures/<name>` on the test server. */
export function serveFixtures(server) {
  for (const name of fixtureNames()) {
    server.routes.set(`/fixtures/${name}`, (req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(readFileSync(join(FIXTURES, name)));
    });
  }
}

/** The `sagiguard` binary of this checkout (cargo makes sure it is current). */
export function cliPath() {
  execFileSync('cargo', ['build', '--quiet', '--bin', 'sagiguard'], { stdio: 'inherit' });
  return join(process.env.CARGO_TARGET_DIR ?? 'target', 'debug', 'sagiguard');
}

/** `sagiguard forms FILE --url URL`, parsed. */
export function cliForms(name, url) {
  const out = execFileSync(cliPath(), ['forms', join(FIXTURES, name), '--url', url], { encoding: 'utf8' });
  return JSON.parse(out);
}

/** The descriptor members both sides report for a field. */
export const DESCRIPTOR_KEYS = ['tag', 'type', 'name', 'id', 'autocomplete', 'inputmode', 'placeholder', 'ariaLabel',
  'label', 'maxLength', 'pattern', 'nearbyText', 'formIndex'];

/**
 * Compares what the content script reported (`report` from the background's
 * test hook: its descriptors and the answer's kinds) with the CLI's output;
 * returns a list of differences (empty when they agree).
 */
export function differences(report, cli) {
  const diffs = [];
  if (report.fields.length !== cli.fields.length) {
    diffs.push(`field count: content script ${report.fields.length}, CLI ${cli.fields.length}`);
  }
  const n = Math.min(report.fields.length, cli.fields.length);
  for (let i = 0; i < n; i++) {
    for (const k of DESCRIPTOR_KEYS) {
      if (report.fields[i][k] !== cli.fields[i][k]) {
        diffs.push(`field ${i} ${k}: content script ${JSON.stringify(report.fields[i][k])}, CLI ${JSON.stringify(cli.fields[i][k])}`);
      }
    }
    if (report.answer.fields[i].kind !== cli.fields[i].kind) {
      diffs.push(`field ${i} kind: content script ${report.answer.fields[i].kind}, CLI ${cli.fields[i].kind}`);
    }
  }
  return diffs;
}
