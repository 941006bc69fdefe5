#!/usr/bin/env node
// Size and speed of @stowage/wasm (wasm/pkg, built by scripts/build-wasm.sh). Prints numbers
// against the budgets; asserts nothing.
//
//   node scripts/bench-wasm.mjs [--quick]
//
// 1. .wasm size, raw and gzip -9 (budget: <= 300 KB gzipped)
// 2. instantiation in Node: initSync(bytes) in fresh processes (budget: <= 30 ms)
// 3. median time to lint a typical 50-line Dockerfile (budget: <= 0.2 ms)
// 4. side by side in this process with npm `dockerfile-utils` (the validator inside Microsoft's
//    Docker extension) over ../shared/corpus/dockerfiles/real: mean time per file, findings.
// 5. (not with --quick) 4 again in a child Node with V8's WebAssembly inlining turned on, as
//    Chromium has it by default, for information.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = path.join(root, 'wasm', 'pkg');
const wasmFile = path.join(pkg, 'stowage_wasm_bg.wasm');
const corpus = path.resolve(root, '../shared/corpus/dockerfiles/real');
const quick = process.argv.includes('--quick');

if (!fs.existsSync(wasmFile)) {
  console.error(`${wasmFile} is missing: run scripts/build-wasm.sh first`);
  process.exit(2);
}

const KB = 1024;
const fmtKB = (n) => `${(n / KB).toFixed(1)} KB`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const verdict = (ok) => (ok ? 'OK' : 'OVER BUDGET');
const row = (label, value, budget) => console.log(`${label.padEnd(44)} ${value.padStart(14)}${budget ? `   ${budget}` : ''}`);

// 1. Size.
const bytes = fs.readFileSync(wasmFile);
const gz = zlib.gzipSync(bytes, { level: 9 }).length;
console.log('## @stowage/wasm size and speed\n');
row('.wasm raw', `${fmtKB(bytes.length)}`, `(${bytes.length} B)`);
row('.wasm gzip -9', `${fmtKB(gz)}`, `budget <= 300 KB: ${verdict(gz <= 300 * KB)} (${gz} B)`);
const js = ['index.js', 'stowage_wasm.js'].reduce((n, f) => n + fs.statSync(path.join(pkg, f)).size, 0);
row('JS (wrapper + glue) raw', fmtKB(js));
const docsJs = fs.readFileSync(path.join(pkg, 'rule-docs.js'));
row('JS rule docs (rule-docs.js) raw / gzip -9', `${fmtKB(docsJs.length)} / ${fmtKB(zlib.gzipSync(docsJs, { level: 9 }).length)}`);

// 2. Instantiation in fresh processes (compile + instantiate + start), and in this one.
const child = `
  import fs from 'node:fs';
  const { initSync, version } = await import(${JSON.stringify(pathToFileURL(path.join(pkg, 'index.js')).href)});
  const bytes = fs.readFileSync(${JSON.stringify(wasmFile)});
  const t0 = performance.now();
  initSync(bytes);
  const t1 = performance.now();
  version();
  console.log(JSON.stringify({ init: t1 - t0 }));
`;
const inits = [];
for (let i = 0; i < (quick ? 3 : 9); i++) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', child], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  inits.push(JSON.parse(r.stdout).init);
}
const api = await import(pathToFileURL(path.join(pkg, 'index.js')).href);
const t0 = performance.now();
api.initSync(bytes);
const inProcess = performance.now() - t0;
row('instantiate (initSync), fresh process, median', `${median(inits).toFixed(2)} ms`, `budget <= 30 ms: ${verdict(median(inits) <= 30)} (min ${Math.min(...inits).toFixed(2)}, max ${Math.max(...inits).toFixed(2)}, n=${inits.length})`);
row('instantiate (initSync), this process', `${inProcess.toFixed(2)} ms`);

// 3. A typical 50-line Dockerfile: multi-stage Node app.
const TYPICAL = `# syntax=docker/dockerfile:1
ARG NODE_VERSION=20.11.1
FROM node:\${NODE_VERSION}-bookworm-slim AS base
LABEL org.opencontainers.image.source="https://github.com/example/shop" \\
      org.opencontainers.image.description="Example web shop"
ENV NODE_ENV=production \\
    PORT=8080
WORKDIR /app

FROM base AS deps
RUN apt-get update && apt-get install -y \\
      build-essential \\
      python3 \\
      curl \\
    && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev

FROM deps AS build
ENV NODE_ENV=development
RUN --mount=type=cache,target=/root/.npm npm ci
COPY tsconfig.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

FROM base AS runtime
RUN groupadd --system app && useradd --system --gid app --home /app app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build --chown=app:app /app/dist ./dist
COPY --chown=app:app package.json ./
ADD https://example.com/certs/ca.pem /usr/local/share/ca-certificates/ca.crt
RUN update-ca-certificates
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --retries=3 \\
  CMD curl -fsS http://localhost:8080/healthz || exit 1
USER app
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "dist/server.js"]
CMD ["--port", "8080"]

FROM runtime AS debug
USER root
RUN apt-get update && apt-get install -y --no-install-recommends \\
      procps \\
      strace \\
    && rm -rf /var/lib/apt/lists/*
ENV DEBUG=shop:*
MAINTAINER ops@example.com
USER app
CMD node --inspect=0.0.0.0:9229 dist/server.js
`;
const lines = TYPICAL.split('\n').length - 1;
const linter = new api.Linter();
const all = new api.Linter({ select: ['all'] });
function perCall(fn, rounds, batch) {
  for (let i = 0; i < 200; i++) fn(); // warm up
  const ts = [];
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    for (let i = 0; i < batch; i++) fn();
    ts.push((performance.now() - t) / batch);
  }
  return ts;
}
const rounds = quick ? 100 : 500;
const lintTs = perCall(() => linter.lintDockerfile(TYPICAL), rounds, 10);
const lintAllTs = perCall(() => all.lintDockerfile(TYPICAL), rounds, 10);
const nFindings = linter.lintDockerfile(TYPICAL).diagnostics.length;
const nAll = all.lintDockerfile(TYPICAL).diagnostics.length;
row(`lint ${lines}-line Dockerfile, median (defaults)`, `${median(lintTs).toFixed(4)} ms`, `budget <= 0.2 ms: ${verdict(median(lintTs) <= 0.2)} (${nFindings} findings)`);
row(`lint ${lines}-line Dockerfile, median (select all)`, `${median(lintAllTs).toFixed(4)} ms`, `(${nAll} findings)`);
const parseTs = perCall(() => linter.parse(TYPICAL), quick ? 50 : 200, 10);
row(`parse ${lines}-line Dockerfile, median`, `${median(parseTs).toFixed(4)} ms`);
const fixTs = perCall(() => linter.fix(TYPICAL), quick ? 50 : 200, 5);
row(`fix ${lines}-line Dockerfile, median`, `${median(fixTs).toFixed(4)} ms`);

// 4. Side by side with dockerfile-utils over the real corpus.
const require = createRequire(path.join(root, 'wasm', 'package.json'));
let dfu = null;
try {
  dfu = require('dockerfile-utils');
} catch {
  console.log('\ndockerfile-utils is not installed (npm ci in wasm/): side-by-side skipped');
}
const files = fs.existsSync(corpus)
  ? fs.readdirSync(corpus).filter((f) => !f.endsWith('.dockerignore')).sort().map((f) => fs.readFileSync(path.join(corpus, f), 'utf8'))
  : [];
if (files.length === 0) console.log(`\ncorpus not found at ${corpus}: side-by-side skipped`);
if (dfu && files.length) {
  const reps = quick ? 3 : 10;
  const contenders = [
    ['@stowage/wasm (CLI defaults)', (f) => linter.lintDockerfile(f).diagnostics],
    ['@stowage/wasm (select all)', (f) => all.lintDockerfile(f).diagnostics],
    [`dockerfile-utils ${require('dockerfile-utils/package.json').version} validate()`, (f) => dfu.validate(f)],
  ];
  // Warm up and count, then interleave the passes so machine noise hits all alike.
  const results = contenders.map(([name, fn]) => ({ name, findings: files.reduce((n, f) => n + fn(f).length, 0), passes: [] }));
  for (let r = 0; r < reps; r++) {
    contenders.forEach(([, fn], i) => {
      const t = performance.now();
      for (const f of files) fn(f);
      results[i].passes.push((performance.now() - t) / files.length);
    });
  }
  for (const x of results) {
    x.mean = x.passes.reduce((a, b) => a + b, 0) / x.passes.length;
    x.best = Math.min(...x.passes);
  }
  const [s, sa, d] = results;
  const bytesTotal = files.reduce((n, f) => n + Buffer.byteLength(f), 0);
  const linesTotal = files.reduce((n, f) => n + f.split('\n').length, 0);
  console.log(`\n## side by side over the real corpus: ${files.length} files, ${linesTotal} lines, ${fmtKB(bytesTotal)}; ${reps} passes\n`);
  console.log(`${''.padEnd(40)} ${'mean/file'.padStart(14)} ${'best pass/file'.padStart(15)} ${'findings'.padStart(9)}`);
  for (const m of results) {
    console.log(`${m.name.padEnd(40)} ${`${(m.mean * 1000).toFixed(1)} µs`.padStart(14)} ${`${(m.best * 1000).toFixed(1)} µs`.padStart(15)} ${String(m.findings).padStart(9)}`);
  }
  console.log(`\nspeed-up per file (mean): ${(d.mean / s.mean).toFixed(1)}x (defaults), ${(d.mean / sa.mean).toFixed(1)}x (select all); best pass: ${(d.best / s.best).toFixed(1)}x`);
  console.log(`findings: ${(s.findings / Math.max(1, d.findings)).toFixed(1)}x as many (defaults), ${(sa.findings / Math.max(1, d.findings)).toFixed(1)}x (select all)`);
}

// 5. The same side by side with V8's WebAssembly inlining, which Node 20 (V8 11.3) leaves off
//    and Chromium (the playground, vscode.dev, VS Code's Electron) has on by default. Reported
//    for information; the figures above are Node's defaults.
if (!quick && dfu && files.length && !process.execArgv.includes('--experimental-wasm-inlining')) {
  const r = spawnSync(process.execPath, ['--experimental-wasm-inlining', fileURLToPath(import.meta.url), '--quick'], { encoding: 'utf8' });
  const line = r.status === 0 && r.stdout.split('\n').find((l) => l.startsWith('speed-up per file'));
  console.log(`\nwith V8's WebAssembly inlining (node --experimental-wasm-inlining, 3 passes): ${line || `not measured (${r.stderr.trim().split('\n')[0]})`}`);
}
