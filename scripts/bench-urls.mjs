// Writes N synthetic, real-looking URLs (one per line) for the benchmarks:
// brand lookalikes, hosting-platform pages, ordinary sites, long query strings.
// Deterministic (fixed seed) so runs compare. Usage: node scripts/bench-urls.mjs N OUT
import { writeFileSync } from 'node:fs';

const [n = '100000', out = 'target/bench-urls.txt'] = process.argv.slice(2);
let seed = 0x9e3779b9;
const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const pick = (a) => a[Math.floor(rnd() * a.length)];
const word = () => Array.from({ length: 3 + Math.floor(rnd() * 8) }, () => pick('abcdefghijklmnopqrstuvwxyz')).join('');

const brands = ['amazon', 'apple', 'paypal', 'smbc', 'rakuten', 'mercari', 'aeon', 'docomo', 'netflix', 'microsoft', 'jcb', 'mufg'];
const tlds = ['com', 'co.jp', 'net', 'org', 'jp', 'xyz', 'top', 'info', 'cn', 'shop', 'io', 'de'];
const hosts = ['pages.dev', 'workers.dev', 'vercel.app', 'github.io', 'duckdns.org', 'web.app'];
const paths = ['/', '/login', '/signin/index.php', '/account/verify', '/products/12345', '/news/2024/05/article.html', '/search'];

const lines = [];
for (let i = 0; i < Number(n); i++) {
  const scheme = rnd() < 0.7 ? 'https' : 'http';
  let host;
  switch (Math.floor(rnd() * 5)) {
    case 0: host = `${pick(brands)}-${word()}.${pick(tlds)}`; break;
    case 1: host = `${word()}.${pick(hosts)}`; break;
    case 2: host = `www.${pick(brands)}.co.jp.${word()}.${pick(tlds)}`; break;
    default: host = `${rnd() < 0.5 ? 'www.' : ''}${word()}.${pick(tlds)}`;
  }
  const query = rnd() < 0.3 ? `?id=${Math.floor(rnd() * 1e9)}&ref=${word()}` : '';
  lines.push(`${scheme}://${host}${pick(paths)}${query}`);
}
writeFileSync(out, lines.join('\n') + '\n');
