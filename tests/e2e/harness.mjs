// Shared by the browser tests: starts a real kefu runtime (fresh data directory, free
// port, the built widget and plugins from dist/) and a headless Chromium.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = process.env.KEFU_BIN || join(root, 'target/debug/kefu');

/**
 * Starts kefu; resolves to {url, stop(), dataDir} once it prints its URL. `listen` and
 * `dataDir` restart a stopped runtime on the same address with the same store; `demo: false`
 * starts it as a real shop's runtime would, with no merchant; `args` are more `kefu serve`
 * flags (small limits, say).
 */
export async function startKefu({ listen = '127.0.0.1:0', dataDir = null, demo = true, args = [] } = {}) {
  const ownDir = !dataDir;
  dataDir ??= mkdtempSync(join(tmpdir(), 'kefu-e2e-'));
  const serveArgs = ['serve', ...(demo ? ['--demo'] : []), '--listen', listen, '--data-dir', dataDir, ...args];
  const child = spawn(bin, serveArgs, {
    cwd: root,
    env: { ...process.env, RUST_LOG: process.env.RUST_LOG || 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`kefu did not start in 60 s:\n${out}`)), 60_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/(http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`kefu exited with ${code}:\n${out}`)); });
  });
  return {
    url,
    dataDir,
    /** Stops kefu; `keepData` leaves the store for a restart. */
    async stop({ keepData = false } = {}) {
      if (child.exitCode === null) {
        child.kill('SIGINT');
        await new Promise((r) => child.once('exit', r));
      }
      if (ownDir && !keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Headless Debian Chromium with the flags this machine needs. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * One runtime and one browser for a whole test file: started before its first test and
 * stopped after its last. Read them as `env.kefu` and `env.browser` inside the tests.
 */
export function kefuAndBrowser() {
  const env = {};
  before(async () => {
    env.kefu = await startKefu();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.kefu?.stop();
  });
  return env;
}

/** Runs `kefu intent classify` on `texts`; resolves to the parsed output lines. */
export function classifyNatively(texts) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ['intent', 'classify'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c) => { out += c; });
    child.on('exit', (code) => code === 0
      ? resolve(out.trim().split('\n').map((l) => JSON.parse(l)))
      : reject(new Error(`kefu intent classify exited with ${code}`)));
    child.stdin.end(texts.join('\n') + '\n');
  });
}

/** Clicks the launcher on `page` and waits for the chat; resolves to the chat's frame. */
export async function openChat(page) {
  await page.getByTestId('kefu-launcher').click();
  const frame = page.frameLocator('iframe[data-testid="kefu-frame"]');
  await frame.getByTestId('status').filter({ hasText: 'Automated assistant' }).waitFor();
  return frame;
}

/** Sends `text` in the chat `frame`; resolves to the bot's next message. */
export async function ask(frame, text) {
  const before = await frame.locator('li[data-author="bot"]').count();
  await frame.getByTestId('composer').fill(text);
  await frame.getByTestId('composer').press('Enter');
  const reply = frame.locator('li[data-author="bot"]').nth(before);
  await reply.waitFor();
  return reply;
}

/**
 * Runs the kefu CLI with `args`, writing `input` to its stdin; resolves to its stdout, or
 * rejects with its stderr when it fails.
 */
export function kefuCli(args, input = '') {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => { out += c; });
    child.stderr.on('data', (c) => { err += c; });
    child.on('exit', (code) => code === 0
      ? resolve(out)
      : reject(new Error(`kefu ${args.join(' ')} exited with ${code}:\n${err}`)));
    // A command that reads no input may exit before its stdin is written: the write then
    // fails with EPIPE after the fact, which says nothing about the command (its exit code
    // does). Nothing is written when there is nothing to write.
    child.stdin.on('error', () => {});
    if (input) {
      child.stdin.end(input);
    } else {
      child.stdin.end();
    }
  });
}
