// Fuzzes every way in, longer than `npm test` does:
//   1. the core's near-valid inputs (tests/properties.rs
//      `no_panic_on_near_valid_input`) for PROPTEST_CASES cases (20,000);
//   2. the page (tests/e2e/fuzz.test.mjs) for TANDEM_FUZZ_CASES cases
//      (1,000): links, the plan property, plan and roster files, typing;
//   3. `cargo fuzz` on raw bytes → plan JSON → validation, calculation and
//      a sweep (fuzz/fuzz_targets/plan.rs), and → scenario files, facts,
//      edits, rosters, solve and simulate options (ways_in.rs), each for
//      SECONDS (default 60). It needs cargo-fuzz (installed here when
//      missing) and runs on the machine's own toolchain (RUSTC_BOOTSTRAP=1
//      lets it take cargo fuzz's nightly flags). New inputs go to
//      fuzz/corpus/TARGET, crashes to fuzz/artifacts/TARGET; the committed
//      seeds are fuzz/seeds.
// Usage: npm run fuzz -- SECONDS
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { must, output } from './shell.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const seconds = Number(process.argv[2] ?? 60);
if (!Number.isInteger(seconds) || seconds < 1) {
  console.error('Usage: npm run fuzz -- SECONDS');
  process.exit(2);
}
const started = Date.now();
const since = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
must('cargo', ['test', '--release', '--test', 'properties', 'no_panic_on_near_valid_input'], {
  cwd: root,
  env: { ...process.env, PROPTEST_CASES: process.env.PROPTEST_CASES ?? '20000' },
});
console.log(`✓ the core's near-valid inputs (${since()})`);
must('node', ['scripts/build.mjs'], { cwd: root });
must('node', ['--test', '--test-reporter=spec', 'tests/e2e/fuzz.test.mjs'], {
  cwd: root,
  env: { ...process.env, TANDEM_FUZZ_CASES: process.env.TANDEM_FUZZ_CASES ?? '1000' },
});
console.log(`✓ the page's ways in (${since()})`);
if (output('cargo', ['fuzz', '--version']) === null) must('cargo', ['install', 'cargo-fuzz']);
// cargo fuzz asks for nightly-only flags (the sanitizer); the machine's own
// toolchain takes them when told it may (no nightly to fetch).
const fuzzEnv = { ...process.env, RUSTC_BOOTSTRAP: '1' };
// Each target for SECONDS, from the committed seeds (example plans).
for (const target of ['plan', 'ways_in']) {
  mkdirSync(`${root}fuzz/corpus/${target}`, { recursive: true });
  must(
    'cargo',
    ['fuzz', 'run', target, `fuzz/corpus/${target}`, 'fuzz/seeds', '--', `-max_total_time=${seconds}`, '-dict=fuzz/plan.dict'],
    { cwd: root, env: fuzzEnv },
  );
  console.log(`✓ cargo fuzz ${target} (${since()})`);
}
