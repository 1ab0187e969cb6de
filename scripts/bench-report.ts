/**
 * `--write` for the bench scripts and `npm run size`: each replaces its own marked block of
 * docs/performance.md (between `<!-- name -->` and `<!-- /name -->`) with its table and where
 * it ran, so that no figure in the docs is copied by hand.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// npm runs every script from the package's root.
export const PERFORMANCE_DOC = path.resolve('docs', 'performance.md');

/** Whether the script was asked to write its block (`npm run <script> -- --write`). */
export const wantsWrite = (argv: readonly string[] = process.argv): boolean => argv.includes('--write');

export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

export interface RunInfo {
  /** YYYY-MM-DD, UTC. */
  readonly date: string;
  readonly commit: string;
  /** Whether the working tree differed from that commit. */
  readonly dirty: boolean;
  readonly cores: number;
  readonly cpu: string;
  /**
   * The browser a page was measured in, for the scripts that use one: a new Chromium moves every
   * figure of a page (bench:form's first paint 1.2 → 0.76 s from one to the next, same commit).
   */
  readonly browser?: string;
}

export function describeRun(info: RunInfo): string {
  const commit = info.dirty ? `${info.commit} with uncommitted changes` : info.commit;
  const browser = info.browser ? `, in ${info.browser}` : '';
  return `Measured ${info.date} at commit ${commit}, on ${info.cores} cores (${info.cpu})${browser}.`;
}

/**
 * The document with the block `name` replaced by `body`. Throws when the markers are missing or
 * repeated: a script must never append a second table or write into the wrong place.
 */
export function replaceBlock(document: string, name: string, body: string): string {
  const open = `<!-- ${name} -->`;
  const close = `<!-- /${name} -->`;
  const start = document.indexOf(open);
  const end = document.indexOf(close);
  if (start < 0 || end < start) throw new Error(`No block "${open}" … "${close}" to replace.`);
  if (document.indexOf(open, start + open.length) >= 0) throw new Error(`The block "${open}" appears more than once.`);
  return `${document.slice(0, start + open.length)}\n${body.trim()}\n${document.slice(end)}`;
}

function git(...args: string[]): string {
  return execFileSync('git', args, { encoding: 'utf8' }).trim();
}

export function currentRun(now = new Date()): RunInfo {
  const cpus = os.cpus();
  return {
    date: now.toISOString().slice(0, 10),
    commit: git('rev-parse', '--short', 'HEAD'),
    // The tables a script before it wrote in the same run are not a change to what is measured.
    dirty: git('status', '--porcelain', '--untracked-files=no', '--', '.', `:!${path.relative(process.cwd(), PERFORMANCE_DOC)}`) !== '',
    cores: cpus.length,
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
  };
}

/**
 * Replaces the block `name` of docs/performance.md with `body` and the run's description (with
 * the browser the script measured in, if any).
 */
export function writeBlock(name: string, body: string, { browser, file = PERFORMANCE_DOC }: { browser?: string; file?: string } = {}): void {
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, replaceBlock(text, name, `${body.trim()}\n\n${describeRun({ ...currentRun(), browser })}`));
  console.log(`\nWrote the "${name}" block of ${path.relative(process.cwd(), file)}.`);
}
