// What the in-browser model buys the shopper, measured in headless Chromium against a real
// kefu (KEFU_BIN or target/debug/kefu, demo shop, fresh data directory):
//   - keystroke → suggestions visible: a message typed one character at a time into the
//     panel's box; each keystroke is timed from its input event to the first animation
//     frame after the panel shows the suggestions for that draft (the model in its worker,
//     the FAQ matching, the Yew render);
//   - send → answer visible, for the demo FAQ's questions: to the answer the device shows,
//     and to the runtime's answer reaching the panel, on loopback and through a proxy that
//     adds 150 ms to every round trip (75 ms each way, HTTP and the chat socket alike): a
//     second kefu published at the proxy's address (`--public-url`), so the storefront, the
//     panel and its socket all go through the delay.
// Keystrokes are typed at a random point of the display frame (as a person's are), and two
// times are kept for each: input event → the panel's DOM shows that draft's suggestions (the
// work: the model in its worker, the FAQ match, the Yew render), and → the first animation
// frame after that (when the browser paints them).
// The pages are not cross-origin isolated: performance.now() is rounded to 0.1 ms.
// Run by `cargo xtask bench`; prints one JSON object.
import { createServer, connect } from 'node:net';
import { launchBrowser, startKefu } from '../e2e/harness.mjs';

const DRAFTS = [
  'where is my order 1001?', 'I want to return the hoodie I bought', 'how long does delivery take',
  'do you ship to canada', 'can I pay with paypal', '我的订单1002到哪了', '怎么退货', '支持哪些付款方式',
  'I need to talk to a real person please', 'is the grey hoodie in stock',
];

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  const r = (x) => Math.round(x * 100) / 100;
  return { n: s.length, p50_ms: r(q(0.5)), p99_ms: r(q(0.99)), max_ms: r(s[s.length - 1]) };
};

/** A TCP proxy to `target` (host:port) delaying every chunk by `ms` each way. */
async function slowProxy(target, ms) {
  const [host, port] = target.split(':');
  const server = createServer((client) => {
    const upstream = connect(Number(port), host);
    const relay = (from, to) => from.on('data', (chunk) => setTimeout(() => to.write(chunk), ms));
    relay(client, upstream);
    relay(upstream, client);
    const end = () => { client.destroy(); upstream.destroy(); };
    client.on('close', end); upstream.on('close', end);
    client.on('error', end); upstream.on('error', end);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** A loopback port nobody listens on now. */
async function freePort() {
  const probe = createServer();
  await new Promise((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address();
  await new Promise((r) => probe.close(r));
  return port;
}

async function openPanel(browser, url, locale = 'en') {
  const page = await browser.newPage();
  await page.goto(`${url}/`);
  await page.getByTestId('kefu-launcher').waitFor();
  if (locale !== 'en') await page.evaluate((l) => window.kefu('setLocale', l), locale);
  await page.getByTestId('kefu-launcher').click();
  await page.frameLocator('iframe[data-testid="kefu-frame"]').getByTestId('welcome').waitFor({ timeout: 60_000 });
  const frame = page.frames().find((f) => f.url().includes('/widget/'));
  // The model is loaded once a draft has been understood.
  await frame.evaluate(async () => {
    const input = document.querySelector('[data-testid="composer"]');
    const group = document.querySelector('[data-testid="typing-suggestions"]');
    for (;;) {
      input.value = 'where is my order 1001';
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 100));
      if (group.dataset.draft === input.value) break;
    }
    input.value = '';
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  });
  return { page, frame };
}

/** Types each draft one character at a time, each keystroke at a random point of a frame;
 * per keystroke, ms to its suggestions in the DOM and to the frame after that. */
async function keystrokes(frame, drafts) {
  return frame.evaluate(async (drafts) => {
    const input = document.querySelector('[data-testid="composer"]');
    const group = document.querySelector('[data-testid="typing-suggestions"]');
    const dom = [];
    const painted = [];
    for (const draft of drafts) {
      const chars = [...draft];
      for (let i = 1; i <= chars.length; i++) {
        const text = chars.slice(0, i).join('');
        // Start at a random phase of the display frame, not right after one.
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, Math.random() * 16)));
        let shownAt = 0;
        const shown = new Promise((resolve) => {
          const seen = new MutationObserver(() => {
            if (group.dataset.draft === text) { shownAt = performance.now(); seen.disconnect(); resolve(); }
          });
          seen.observe(group, { attributes: true, attributeFilter: ['data-draft'] });
        });
        const t0 = performance.now();
        input.value = text;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, data: chars[i - 1], inputType: 'insertText' }));
        // Blank-ish drafts (one space) are never understood: skip waiting for them.
        if (text.trim()) {
          await shown;
          await new Promise((r) => requestAnimationFrame(r));
          dom.push(shownAt - t0);
          painted.push(performance.now() - t0);
        }
      }
      input.value = '';
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 20));
    }
    return { dom, painted };
  }, drafts);
}

/** Sends `question`; ms to the device's answer and to the runtime's answer in the panel. */
async function sendAndTime(frame, question) {
  return frame.evaluate(async (question) => {
    const input = document.querySelector('[data-testid="composer"]');
    const form = input.form;
    const log = document.querySelector('[data-testid="messages"]');
    const before = log.querySelectorAll('li[data-on-device="true"][data-confirmed-seq]').length;
    const t0 = performance.now();
    let device = null;
    let server = null;
    const done = new Promise((resolve) => {
      const watch = new MutationObserver(() => {
        const now = performance.now();
        if (device === null && log.querySelectorAll('li[data-on-device="true"]').length > before) {
          device = now - t0;
        }
        if (log.querySelectorAll('li[data-on-device="true"][data-confirmed-seq]').length > before) {
          server = now - t0;
          watch.disconnect();
          resolve();
        }
      });
      watch.observe(log, { subtree: true, childList: true, attributes: true });
    });
    input.value = question;
    form.requestSubmit();
    await done;
    return { device, server };
  }, question);
}

const kefu = await startKefu();
const browser = await launchBrowser();
// The same shop again, published at the address of a proxy that delays everything.
const slowPort = await freePort();
const proxy = await slowProxy(`127.0.0.1:${slowPort}`, 75);
const slowKefu = await startKefu({ listen: `127.0.0.1:${slowPort}`, args: ['--public-url', proxy.url] });
try {
  const results = { chromium: browser.version() };
  const { page, frame } = await openPanel(browser, kefu.url);
  await keystrokes(frame, DRAFTS.slice(0, 2)); // warm-up
  const typed = await keystrokes(frame, DRAFTS);
  results.keystroke_to_suggestions_in_dom = { ...stats(typed.dom), goal_p99_ms: 16 };
  results.keystroke_to_next_frame = stats(typed.painted);
  await page.close();
  const questions = {
    en: ['What is your refund policy?', 'How long does delivery take?', 'Which payment methods do you accept?',
      'Where can I find my invoice?', 'Is there a fee to cancel an order?'],
    'zh-CN': ['你们的退款政策是什么？', '多久能到货？', '支持哪些付款方式？', '发票在哪里查看？', '取消订单收费吗？'],
  };
  for (const [name, url] of [['loopback', kefu.url], ['plus_150ms_rtt', proxy.url]]) {
    const device = [];
    const server = [];
    for (const [locale, qs] of Object.entries(questions)) {
      // A fresh conversation per question: the shop's rate limits apply to benchmarks too.
      for (const q of qs) {
        const panel = await openPanel(browser, url, locale);
        const t = await sendAndTime(panel.frame, q);
        device.push(t.device);
        server.push(t.server);
        await panel.page.close();
      }
    }
    results[`send_to_answer_${name}`] = { on_device: stats(device), runtime: stats(server) };
  }
  console.log(JSON.stringify(results, null, 2));
} finally {
  proxy.close();
  await browser.close();
  await kefu.stop();
  await slowKefu.stop();
}
