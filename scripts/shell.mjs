// Running commands for the project's scripts: output passes straight
// through, and cargo's bin folder is always on PATH so that tools installed
// by `cargo install` are found in the same run.
import { spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

const cargoBin = join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'bin');
if (!(process.env.PATH ?? '').split(delimiter).includes(cargoBin)) {
  process.env.PATH = `${cargoBin}${delimiter}${process.env.PATH ?? ''}`;
}

/** Runs a command with inherited output; returns its exit status (or -1 when it cannot start). */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  return result.error ? -1 : result.status ?? 1;
}

/** Runs a command and fails the script when it fails. */
export function must(command, args, options = {}) {
  const status = run(command, args, options);
  if (status !== 0) {
    console.error(`\n✗ ${command} ${args.join(' ')} failed (exit ${status})`);
    process.exit(status > 0 ? status : 1);
  }
}

/** A command's standard output, or null when it is missing or fails. */
export function output(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}
