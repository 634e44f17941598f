// Sizes of the built app (npm run build first): every chunk raw and gzipped, and the initial
// JavaScript, i.e. what index.html loads before any route's code (entry + modulepreload links).
//   node scripts/bundle-size.mjs [--max-initial-kb 250]
import { readFile, readdir } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const kb = (bytes) => (bytes / 1024).toFixed(1);

const html = await readFile(join(dist, 'index.html'), 'utf8');
const initial = new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]));

const rows = [];
for (const file of await readdir(join(dist, 'assets'))) {
  if (!/\.(js|css)$/.test(file)) continue;
  const content = await readFile(join(dist, 'assets', file));
  rows.push({ file: `assets/${file}`, raw: content.length, gzip: gzipSync(content, { level: 9 }).length });
}
rows.sort((a, b) => b.gzip - a.gzip);

console.log('chunk'.padEnd(48), 'raw KB'.padStart(9), 'gzip KB'.padStart(9), ' initial');
for (const row of rows) {
  console.log(
    row.file.padEnd(48),
    kb(row.raw).padStart(9),
    kb(row.gzip).padStart(9),
    initial.has(row.file) ? ' yes' : '',
  );
}
const initialGzip = rows.filter((row) => initial.has(row.file)).reduce((sum, row) => sum + row.gzip, 0);
const totalGzip = rows.reduce((sum, row) => sum + row.gzip, 0);
console.log(`initial JavaScript: ${kb(initialGzip)} KB gzip; everything: ${kb(totalGzip)} KB gzip`);

const limitIndex = process.argv.indexOf('--max-initial-kb');
if (limitIndex > 0 && initialGzip / 1024 > Number(process.argv[limitIndex + 1])) {
  console.error(`initial JavaScript is over ${process.argv[limitIndex + 1]} KB gzip`);
  process.exit(1);
}
