// The demo shop answers "where is my order 1001?" through its orders plugin written in each
// language in turn: the bundled Rust one, then the TypeScript one (`plugins/orders-ts`), then
// the Python one (`plugins/orders-py`), each built from a copy of its source with `kefu plugin
// build` and deployed with `kefu plugin deploy` (the admin API). A shopper asks in the real
// panel each time and gets the order's status and tracking; the audit log names the version
// that answered. The two builds take about a minute on warm npm and pip caches.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, test } from 'node:test';
import { ask, kefuCli, launchBrowser, openChat, root, startKefu } from './harness.mjs';

const work = mkdtempSync(join(tmpdir(), 'kefu-e2e-languages-'));
const env = {};

before(async () => {
  env.kefu = await startKefu();
  env.browser = await launchBrowser();
  env.key = (await kefuCli(['merchant', 'key', '--merchant', 'demo', '--data-dir', env.kefu.dataDir])).trim();
});

after(async () => {
  await env.browser?.close();
  await env.kefu?.stop();
  rmSync(work, { recursive: true, force: true });
});

/**
 * Copies `plugins/<source>` (without what a build writes), gives it `version` so the audit
 * log tells it from the others, and builds it; resolves to its directory.
 */
async function build(source, version) {
  const dir = join(work, source);
  const skip = new Set(['node_modules', 'target', '.venv', 'typings', 'types']);
  cpSync(join(root, 'plugins', source), dir, { recursive: true, filter: (p) => !skip.has(basename(p)) });
  const manifest = join(dir, 'manifest.toml');
  const text = readFileSync(manifest, 'utf8');
  assert.match(text, /^version = "0\.1\.0"$/m);
  writeFileSync(manifest, text.replace(/^version = "0\.1\.0"$/m, `version = "${version}"`));
  await kefuCli(['plugin', 'build', dir]);
  return dir;
}

async function audit() {
  const res = await fetch(`${env.kefu.url}/v1/admin/audit?limit=20`, {
    headers: { authorization: `Bearer ${env.key}` },
  });
  assert.equal(res.status, 200);
  return (await res.json()).calls;
}

/** A new shopper asks about order 1001 in the panel; the reply and the version that gave it. */
async function askAboutOrder1001() {
  const before = new Set((await audit()).map((c) => c.id));
  const shopper = await env.browser.newContext();
  const page = await shopper.newPage();
  await page.goto(`${env.kefu.url}/`);
  const frame = await openChat(page);
  const status = await ask(frame, 'where is my order 1001?');
  assert.match(await status.innerText(), /^Order 1001: shipped\./);
  const reply = await ask(frame, 'jane@example.com');
  const text = await reply.innerText();
  const card = reply.getByTestId('order-card');
  assert.equal(await card.getAttribute('data-status'), 'shipped');
  assert.equal(await card.getByTestId('order-tracking').innerText(), '1Z999AA10123456784');
  await shopper.close();
  const calls = (await audit()).filter((c) => !before.has(c.id) && c.plugin === 'orders' && c.intent === 'track_order');
  assert.ok(calls.length > 0, 'the orders plugin was called');
  const versions = new Set(calls.map((c) => c.plugin_version));
  assert.equal(versions.size, 1, `one version answered: ${[...versions]}`);
  assert.ok(calls.every((c) => c.outcome === 'ok'), JSON.stringify(calls));
  return { text, version: calls[0].plugin_version };
}

async function deploy(dir, version) {
  const out = await kefuCli(['plugin', 'deploy', dir, '--url', env.kefu.url, '--key', env.key]);
  assert.match(out, new RegExp(`deployed orders ${version.replaceAll('.', '\\.')}`));
}

test('order 1001 is answered by the Rust, then the TypeScript, then the Python orders plugin', async () => {
  // Built first, while the runtime idles: the builds are what takes time.
  const ts = await build('orders-ts', '0.1.1');
  const py = await build('orders-py', '0.1.2');
  const expected = /Order 1001 has shipped with UPS, tracking number 1Z999AA10123456784\./;

  const rust = await askAboutOrder1001();
  assert.equal(rust.version, '0.1.0', 'the bundled Rust plugin answers first');
  assert.match(rust.text, expected);

  for (const [dir, version] of [[ts, '0.1.1'], [py, '0.1.2']]) {
    await deploy(dir, version);
    const answer = await askAboutOrder1001();
    assert.equal(answer.version, version, `${basename(dir)} answers once deployed`);
    // Word for word what the Rust plugin said, expected date included.
    assert.equal(answer.text, rust.text, basename(dir));
  }
});
