// What each compiled-in table costs of the shipped wasm, gzip'd: the table's
// bytes are found in the wasm and cut out, and the gzip size drop is its share
// (so the brand and confusable tables' growth can be read beside the budget).
// Usage: node scripts/bench-size.mjs [PKG_DIR] (default extension/pkg)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const pkg = process.argv[2] ?? 'extension/pkg';
const wasm = readFileSync(join(pkg, 'sagiguard_bg.wasm'));
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** A data table as build.rs compiles it in: no blank or `#` lines, first `columns` columns. */
function compiled(name, columns) {
  const rows = readFileSync(join('data', name), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  return Buffer.from(rows.map((l) => (columns ? l.split('\t').slice(0, columns).join('\t') : l) + '\n').join(''));
}

/** The newest file `rel` (under OUT_DIR) build.rs wrote for the wasm build, if there is one. */
function built(rel) {
  const build = join(process.env.CARGO_TARGET_DIR ?? 'target', 'wasm32-unknown-unknown', 'wasm', 'build');
  let best = null;
  try {
    for (const dir of readdirSync(build).filter((d) => d.startsWith('sagiguard-'))) {
      const file = join(build, dir, 'out', rel);
      try {
        const mtime = statSync(file).mtimeMs;
        if (!best || mtime > best.mtime) best = { file, mtime };
      } catch { /* this build folder has no such file */ }
    }
  } catch { /* no wasm build folder */ }
  return best && readFileSync(best.file);
}

// Each row: a label and the compiled files it is made of (they need not be adjacent).
const psl = built('psl.bin');
// build.rs reorders hosting.tsv's rows (by lookup hash), so its own copy is the one compiled in.
const hosting = built('data/hosting.tsv') ?? compiled('hosting.tsv');
// The brand rows as build.rs writes them (ids that repeat the first token left out).
const brands = built('brands.txt');
const tables = [
  ['brands.tsv (brand table)', brands ? [brands] : []],
  ['confusables.tsv (confusable table)', [compiled('confusables.tsv', 2)]],
  ['public suffix list (psl.bin)', psl ? [psl] : []],
  // build.rs drops the Japanese tables' keys (the English ones'), so its copies are the ones compiled in.
  ['guide/{en,ja}.tsv', [compiled('guide/en.tsv'), built('data/guide/ja.tsv') ?? compiled('guide/ja.tsv')]],
  ['text/{en,ja}.tsv', [compiled('text/en.tsv'), built('data/text/ja.tsv') ?? compiled('text/ja.tsv')]],
  ['hosting, collectors, ngram, tld_risk, policy', [hosting, ...['collectors.tsv', 'ngram_bigram.tsv', 'policy.tsv'].map((n) => compiled(n)), compiled('tld_risk.tsv', 2)]],
];

const whole = gz(wasm);
/** The wasm with `parts` (each a buffer found in it) cut out; null when one is not in it. */
function without(parts) {
  const spans = [];
  for (const p of parts) {
    const at = wasm.indexOf(p);
    if (at < 0) return null;
    spans.push([at, at + p.length]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const kept = [];
  let last = 0;
  for (const [s, e] of spans) {
    kept.push(wasm.subarray(last, s));
    last = e;
  }
  kept.push(wasm.subarray(last));
  return Buffer.concat(kept);
}

console.log(`wasm gzip (node zlib -9)\tgzip_bytes=${whole}`);
for (const [label, parts] of tables) {
  const rest = parts.length ? without(parts) : null;
  const raw = parts.reduce((n, p) => n + p.length, 0);
  console.log(`wasm size of ${label}\traw_bytes=${raw}\tgzip_share_bytes=${rest ? whole - gz(rest) : 'not found'}`);
}
