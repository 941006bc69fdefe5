// Parity: for every Dockerfile of the real corpus, the WASM diagnostics equal the CLI's
// `stowage lint --format json --select all` output (same rules, messages, fixes and positions,
// after converting 0-based UTF-16 positions to the CLI's 1-based Unicode-scalar columns).
//
// The CLI is `$STOWAGE_CLI` when set (a path to the binary), else
// `cargo run -q --release -p stowage --` from the repository root. The test skips with a message
// when the corpus is absent or the CLI has no `lint` subcommand yet.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { load, repoRoot, lineStarts } from './helpers.mjs';

const corpus = path.resolve(repoRoot, '../shared/corpus/dockerfiles/real');
const BATCH = 150;

function cliCommand() {
  if (process.env.STOWAGE_CLI) return [process.env.STOWAGE_CLI, []];
  return ['cargo', ['run', '-q', '--release', '-p', 'stowage', '--']];
}

function runCli(args) {
  const [cmd, pre] = cliCommand();
  return spawnSync(cmd, [...pre, ...args], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 30 });
}

/** Why the CLI cannot be used, or null. */
function cliProblem() {
  const r = runCli(['lint', '--help']);
  if (r.error) return `cannot run the CLI: ${r.error.message}`;
  const help = `${r.stdout}${r.stderr}`;
  if (r.status !== 0 || !help.includes('--format')) {
    return `the CLI has no \`lint\` subcommand yet (\`stowage lint --help\` exited ${r.status}: ${help.trim().slice(0, 200) || 'no output'})`;
  }
  return null;
}

function corpusFiles() {
  if (!fs.existsSync(corpus)) return null;
  return fs
    .readdirSync(corpus)
    .filter((f) => !f.endsWith('.dockerignore') && fs.statSync(path.join(corpus, f)).isFile())
    .sort()
    .map((f) => path.join(corpus, f));
}

/** What the CLI reads as the build context's .dockerignore (cli/src/discover.rs). */
function dockerignoreFor(file) {
  const dir = path.dirname(file);
  for (const c of [path.join(dir, `${path.basename(file)}.dockerignore`), path.join(dir, '.dockerignore')]) {
    try {
      return fs.readFileSync(c, 'utf8');
    } catch {}
  }
  return null;
}

/** 0-based UTF-16 (line, character) → 1-based (line, column in Unicode scalars). */
function toCli(source, starts, pos) {
  const lineStart = starts[pos.line] ?? source.length;
  const prefix = source.slice(lineStart, lineStart + pos.character);
  let scalars = 0;
  for (const _ of prefix) scalars++;
  return [pos.line + 1, scalars + 1];
}

function fromWasm(source, d) {
  const starts = lineStarts(source);
  const [line, column] = toCli(source, starts, d.range.start);
  const [end_line, end_column] = toCli(source, starts, d.range.end);
  return {
    rule: d.rule,
    name: d.name,
    severity: d.severity,
    message: d.message,
    line,
    column,
    end_line,
    end_column,
    offset: d.offsets[0],
    end_offset: d.offsets[1],
    fix: d.fix && {
      title: d.fix.title,
      applicability: d.fix.applicability,
      edits: d.fix.edits.map((e) => {
        const [l, c] = toCli(source, starts, e.range.start);
        const [el, ec] = toCli(source, starts, e.range.end);
        return { line: l, column: c, end_line: el, end_column: ec, offset: e.offsets[0], end_offset: e.offsets[1], content: e.newText };
      }),
    },
  };
}

function fromCli(d) {
  const out = {
    rule: d.rule,
    name: d.name,
    severity: d.severity,
    message: d.message,
    line: d.line,
    column: d.column,
    end_line: d.end_line,
    end_column: d.end_column,
    offset: d.offset,
    end_offset: d.end_offset,
    fix: d.fix
      ? {
          title: d.fix.title,
          applicability: d.fix.applicability,
          edits: d.fix.edits.map((e) => ({
            line: e.line,
            column: e.column,
            end_line: e.end_line,
            end_column: e.end_column,
            offset: e.offset,
            end_offset: e.end_offset,
            content: e.content,
          })),
        }
      : null,
  };
  // Older CLI builds may lack byte offsets: compare what there is.
  if (d.offset === undefined) {
    delete out.offset;
    delete out.end_offset;
  }
  return out;
}

const files = corpusFiles();
const problem = files === null ? `corpus not found at ${corpus}` : files.length === 0 ? `no files in ${corpus}` : cliProblem();
if (problem) console.log(`# parity skipped: ${problem}`);

test('WASM diagnostics equal `stowage lint --format json --select all` on the real corpus', { skip: problem || false, timeout: 30 * 60 * 1000 }, async () => {
  const { Linter } = await load();
  const linter = new Linter({ select: ['all'] });
  const cli = new Map(files.map((f) => [f, []]));
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = files.slice(i, i + BATCH);
    const r = runCli(['lint', '--format', 'json', '--select', 'all', '--isolated', ...batch]);
    let findings;
    try {
      findings = JSON.parse(r.stdout);
    } catch {
      assert.fail(`CLI output is not JSON (exit ${r.status}):\n${r.stdout.slice(0, 500)}\n${r.stderr.slice(0, 2000)}`);
    }
    assert.ok(Array.isArray(findings), 'the CLI prints an array');
    for (const d of findings) {
      const file = path.resolve(repoRoot, d.file);
      assert.ok(cli.has(file), `CLI reported an unexpected file ${d.file}`);
      cli.get(file).push(fromCli(d));
    }
  }
  const mismatches = [];
  let compared = 0;
  let total = 0;
  const skipped = [];
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    const source = bytes.toString('utf8');
    if (!Buffer.from(source, 'utf8').equals(bytes)) {
      // Not UTF-8: the CLI lints the bytes (reporting invalid-utf8); JS strings cannot carry them.
      skipped.push(path.basename(file));
      continue;
    }
    const ours = linter
      .lintDockerfile(source, { dockerignore: dockerignoreFor(file) })
      .diagnostics.map((d) => fromWasm(source, d));
    const theirs = cli.get(file);
    if (theirs.length && theirs[0].offset === undefined) for (const d of ours) { delete d.offset; delete d.end_offset; }
    compared++;
    total += ours.length;
    try {
      assert.deepEqual(ours, theirs);
    } catch (e) {
      mismatches.push(`${path.basename(file)}:\n${e.message.slice(0, 1500)}`);
    }
  }
  console.log(`# parity: ${compared} files, ${total} diagnostics compared${skipped.length ? `; skipped (not UTF-8): ${skipped.join(', ')}` : ''}`);
  assert.equal(mismatches.length, 0, `${mismatches.length} of ${compared} files differ; first ones:\n${mismatches.slice(0, 3).join('\n\n')}`);
});
