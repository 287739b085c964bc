// npm run bench [-- <word>] [-- --quick] runs every test/bench/*.bench.ts (or those whose name
// contains the word); --quick uses small sizes (figures printed, not asserted). Each bench exports `default async function (report)`; report prints one JSON line per
// figure on stdout; progress goes to stderr.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Figure } from './figure.js';

const dir = import.meta.dirname;
// flags (--quick) are read by the benches themselves
const word = process.argv.slice(2).find((a) => !a.startsWith('--'));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !word || f.includes(word))
  .sort();

if (files.length === 0) {
  process.stderr.write(`no benchmark matches "${word}"\n`);
  process.exit(1);
}

const report = (figure: Figure) => {
  process.stdout.write(`${JSON.stringify(figure)}\n`);
};

let failed = false;
for (const file of files) {
  process.stderr.write(`# ${file}\n`);
  try {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default: (r: typeof report) => Promise<void> };
    await mod.default(report);
  } catch (err) {
    failed = true;
    process.stderr.write(`${file} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
}
process.exit(failed ? 1 : 0);
