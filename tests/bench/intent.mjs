// Browser benchmark of the intent model: kefu's own build (kefu-intent, wasm) and onnxruntime-web
// running the same ONNX file, side by side in one page in headless Chromium, over every
// message of kefu's evaluation and holdout sets (> 1,000). The page is cross-origin
// isolated (COOP/COEP) so performance.now() has microsecond resolution.
// Run by `cargo xtask bench`; prints one JSON object.
import { createServer } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(root, 'dist/widget');
const ort = join(root, 'tests/bench/node_modules/onnxruntime-web/dist');
const dataDir = join(root, 'widget/model/data');
const messages = readdirSync(dataDir)
  .filter((f) => /^(eval|holdout)_.*\.tsv$/.test(f))
  .flatMap((f) => readFileSync(join(dataDir, f), 'utf8').split('\n'))
  .map((l) => l.split('\t')[1])
  .filter(Boolean);

const page = `<!doctype html><meta charset="utf-8"><title>kefu intent benchmark</title>
<script type="module">
import init, { IntentModel } from '/pkg/kefu_intent_web.js';
import * as ort from '/ort/ort.wasm.min.mjs';
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, p50_ms: q(0.5), p99_ms: q(0.99), mean_ms: s.reduce((a, b) => a + b, 0) / s.length };
};
try {
  const messages = await (await fetch('/messages.json')).json();
  const bytes = new Uint8Array(await (await fetch('/intent.onnx')).arrayBuffer());
  let t = performance.now();
  await init({ module_or_path: '/pkg/kefu_intent_web_bg.wasm' });
  const model = new IntentModel(bytes);
  const kefuLoad = performance.now() - t;
  ort.env.wasm.wasmPaths = '/ort/';
  ort.env.wasm.numThreads = 1;
  t = performance.now();
  const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
  const ortLoad = performance.now() - t;
  const ortRun = async (m) => {
    const f = model.featurize(m);
    const ids = f.ids, weights = f.weights;
    const out = await session.run({
      ids: new ort.Tensor('int64', ids, [ids.length]),
      weights: new ort.Tensor('float32', weights, [1, weights.length]),
    });
    return out.probs.data;
  };
  for (const m of messages.slice(0, 100)) { model.classify(m); await ortRun(m); }
  // The first pass meets most message lengths for the first time, as a shopper's message
  // does; the second pass measures the same messages again, every shape seen before.
  const kefu = [], onnx = [], kefuAgain = [], onnxAgain = [];
  let maxDiff = 0;
  for (const [t, o] of [[kefu, onnx], [kefuAgain, onnxAgain]]) {
    for (const m of messages) {
      let t0 = performance.now();
      const p = JSON.parse(model.classify(m));
      t.push(performance.now() - t0);
      t0 = performance.now();
      const probs = await ortRun(m);
      o.push(performance.now() - t0);
      maxDiff = Math.max(maxDiff, Math.abs(Math.max(...probs) - p.top[0][1]));
    }
  }
  const again = (xs) => { const s = stats(xs); return { p50_ms: s.p50_ms, p99_ms: s.p99_ms, mean_ms: s.mean_ms }; };
  window.__results = {
    messages: messages.length,
    crossOriginIsolated: self.crossOriginIsolated,
    kefu_wasm: { load_ms: kefuLoad, ...stats(kefu), again: again(kefuAgain), what: 'featurize + infer + top-3 + JSON' },
    onnxruntime_web: { version: ort.env.versions.web, load_ms: ortLoad, ...stats(onnx), again: again(onnxAgain), what: 'featurize (same wasm) + session.run' },
    max_top1_probability_difference: maxDiff,
  };
} catch (e) { window.__results = { error: String(e.stack || e) }; }
</script>`;

const types = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.onnx': 'application/octet-stream', '.json': 'application/json' };
const server = createServer((req, res) => {
  const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
  const url = new URL(req.url, 'http://x');
  let body;
  try {
    if (url.pathname === '/') body = page, headers['Content-Type'] = 'text/html';
    else if (url.pathname === '/messages.json') body = JSON.stringify(messages), headers['Content-Type'] = 'application/json';
    else if (url.pathname === '/intent.onnx') body = readFileSync(join(dist, 'intent.onnx'));
    else if (url.pathname.startsWith('/pkg/')) body = readFileSync(join(dist, 'pkg', url.pathname.slice(5)));
    else if (url.pathname.startsWith('/ort/')) body = readFileSync(join(ort, url.pathname.slice(5)));
  } catch { body = undefined; }
  if (body === undefined) { res.writeHead(404, headers); res.end(); return; }
  headers['Content-Type'] ??= types[extname(url.pathname)] || 'application/octet-stream';
  res.writeHead(200, headers);
  res.end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const tab = await browser.newPage();
  tab.on('pageerror', (e) => console.error('page error:', e));
  await tab.goto(`http://127.0.0.1:${server.address().port}/`);
  await tab.waitForFunction(() => window.__results, null, { timeout: 300_000 });
  const results = await tab.evaluate(() => window.__results);
  results.chromium = browser.version();
  console.log(JSON.stringify(results, null, 2));
  if (results.error) process.exitCode = 1;
} finally {
  await browser.close();
  server.close();
}
