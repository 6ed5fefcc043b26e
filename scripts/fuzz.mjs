// Fuzzes the core: `npm run fuzz -- SECONDS` (default 60). Raw bytes become
// plan JSON, then validation, calculation and a sweep; see
// fuzz/fuzz_targets/plan.rs. Needs the nightly toolchain and cargo-fuzz
// (installed here when missing). New inputs go to fuzz/corpus/plan, crashes
// to fuzz/artifacts/plan; the committed seeds are fuzz/seeds.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { must, output } from './shell.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const seconds = Number(process.argv[2] ?? 60);
if (!Number.isInteger(seconds) || seconds < 1) {
  console.error('Usage: npm run fuzz -- SECONDS');
  process.exit(2);
}
if (output('cargo', ['+nightly', '--version']) === null) must('rustup', ['toolchain', 'install', 'nightly', '--profile', 'minimal']);
if (output('cargo', ['fuzz', '--version']) === null) must('cargo', ['install', 'cargo-fuzz']);
mkdirSync(`${root}fuzz/corpus/plan`, { recursive: true });
must(
  'cargo',
  ['+nightly', 'fuzz', 'run', 'plan', 'fuzz/corpus/plan', 'fuzz/seeds', '--', `-max_total_time=${seconds}`, '-dict=fuzz/plan.dict'],
  { cwd: root },
);
