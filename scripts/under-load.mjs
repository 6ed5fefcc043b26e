// The end-to-end step of `npm test`, RUNS times in a row (3), each while a
// CPU-heavy process runs on every core beside it: a suite that waits on
// what the page states passes under load as it does on a quiet machine.
// Usage: node scripts/under-load.mjs [RUNS]   (after `npm run build`)
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { browserPaths } from './bootstrap.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2] ?? 3);
const e2e = readdirSync(`${root}tests/e2e`).filter((f) => f.endsWith('.test.mjs')).map((f) => `tests/e2e/${f}`);
// One busy loop per core, for as long as the runs last.
const burners = Array.from({ length: availableParallelism() }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
let failed = 0;
try {
  for (let i = 1; i <= runs; i += 1) {
    const started = Date.now();
    const run = spawnSync('node', ['--test', '--test-reporter=spec', ...e2e], {
      cwd: root,
      env: { ...process.env, CHROME_PATH: browserPaths().chrome },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const count = (word) => Number(run.stdout.match(new RegExp(`^ℹ ${word} (\\d+)$`, 'm'))?.[1] ?? 0);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    console.log(`run ${i} of ${runs} under load on ${burners.length} cores: ${count('pass')} passed, ${count('fail')} failed, ${seconds} s`);
    if (run.status !== 0) {
      failed += 1;
      console.log(run.stdout.split('\n').filter((l) => l.includes('✖')).join('\n'));
    }
  }
} finally {
  for (const burner of burners) burner.kill();
}
process.exit(failed ? 1 : 0);
