// Loads the optimized wasm exactly as a browser would (the `web` glue, given
// the bytes) and checks one URL, so a broken wasm-opt or glue mismatch stops
// the build instead of shipping. Usage: node scripts/smoke.mjs extension/pkg
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = resolve(process.argv[2] ?? 'extension/pkg');
const glue = await import(pathToFileURL(join(dir, 'sagiguard.js')).href);
glue.initSync({ module: readFileSync(join(dir, 'sagiguard_bg.wasm')) });
const engine = new glue.Engine();
const v = engine.checkUrl('http://192.0.2.7/login', 'en');
if (v.level !== 'caution' || !v.reasons.some((r) => r.code === 'ip-host')) {
  console.error('smoke test failed: unexpected verdict', v);
  process.exit(1);
}
const bad = engine.checkUrl('', 'en');
if (!bad.error) {
  console.error('smoke test failed: empty URL gave no error', bad);
  process.exit(1);
}
console.error(`smoke test ok: ${v.level} ${v.reasons.map((r) => r.code).join(',')}`);
