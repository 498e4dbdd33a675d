// A shop with a strict Content-Security-Policy (no 'unsafe-inline' for scripts or styles):
// with only the two directives README asks a shop to add (script-src and frame-src for
// kefu's origin), the launcher is styled, the chat works, and the browser reports no
// violation, on the shop's page or in the panel.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { ask, kefuAndBrowser, openChat } from './harness.mjs';
import { shopSite } from './shop.mjs';

const env = kefuAndBrowser();
let shop;

after(async () => { await shop?.close(); });

test('the loader and the chat work under a strict CSP without a single violation', async () => {
  const kefu = env.kefu.url;
  shop = await shopSite(kefu, {
    headers: {
      'content-security-policy':
        `default-src 'none'; script-src ${kefu}; frame-src ${kefu}; style-src 'self'`,
    },
  });
  const context = await env.browser.newContext();
  // In every frame, before any of its scripts: record what the policy refuses.
  await context.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const reports = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) reports.push(m.text());
  });
  page.on('pageerror', (e) => reports.push(String(e)));
  const response = await page.goto(shop.url);
  assert.match(response.headers()['content-security-policy'], /style-src 'self'/);

  const launcher = page.getByTestId('kefu-launcher');
  await launcher.waitFor();
  const style = await launcher.evaluate((el) => {
    const s = getComputedStyle(el);
    return { position: s.position, width: s.width, height: s.height, radius: s.borderRadius };
  });
  assert.deepEqual(style, { position: 'fixed', width: '56px', height: '56px', radius: '50%' });
  assert.equal(await page.evaluate(() => document.querySelectorAll('[style]').length), 0,
    'no inline style attribute on the page');

  const frame = await openChat(page);
  const reply = await ask(frame, 'where is my order 1001?');
  assert.match(await reply.innerText(), /Order 1001: shipped/);
  const panel = await page.getByTestId('kefu-frame').evaluate((el) => getComputedStyle(el).position);
  assert.equal(panel, 'fixed', 'the panel is styled too');

  const widget = page.frames().find((f) => f.url().includes('/widget/'));
  assert.deepEqual(await page.evaluate(() => window.violations), [], 'violations on the shop page');
  assert.deepEqual(await widget.evaluate(() => window.violations), [], 'violations in the panel');
  assert.deepEqual(reports, []);
  await context.close();
});
