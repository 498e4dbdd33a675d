// A shop with a strict Content-Security-Policy (no 'unsafe-inline' for scripts or styles):
// with only the two directives README asks a shop to add (script-src and frame-src for
// kefu's origin), the launcher is styled, the chat works, and the browser reports no
// violation, on the shop's page or in the panel. A shop's `data-color` paints the launcher
// under the same policy, with an icon that contrasts, and a colour it cannot read is said in
// the console.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { ask, kefuAndBrowser, openChat } from './harness.mjs';
import { shopSite } from './shop.mjs';

const env = kefuAndBrowser();
let shop;
const STRICT = (kefu) => ({
  'content-security-policy': `default-src 'none'; script-src ${kefu}; frame-src ${kefu}; style-src 'self'`,
});

after(async () => { await shop?.close(); });

test('the loader and the chat work under a strict CSP without a single violation', async () => {
  const kefu = env.kefu.url;
  shop = await shopSite(kefu, { headers: STRICT(kefu) });
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

test("the launcher takes the shop's colour with a readable icon, under the same strict CSP", async () => {
  const cases = [
    // A light yellow gets a black icon (white would be 1.5:1); a dark teal a white one.
    { attr: '#FFD400', bg: 'rgb(255, 212, 0)', fg: 'rgb(0, 0, 0)' },
    { attr: '#0f766e', bg: 'rgb(15, 118, 110)', fg: 'rgb(255, 255, 255)' },
    // Not #rrggbb: the default blue, and the console says what to write.
    { attr: 'red', bg: 'rgb(11, 95, 255)', fg: 'rgb(255, 255, 255)', error: /data-color needs a colour like "#0f766e", not "red"/ },
  ];
  for (const c of cases) {
    const site = await shopSite(env.kefu.url, { headers: STRICT(env.kefu.url), attrs: ` data-color="${c.attr}"` });
    const context = await env.browser.newContext();
    await context.addInitScript(() => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective));
    });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(site.url);
    const launcher = page.getByTestId('kefu-launcher');
    await launcher.waitFor();
    const drawn = await launcher.evaluate((el) => {
      const s = getComputedStyle(el);
      return { bg: s.backgroundColor, fg: getComputedStyle(el.querySelector('svg')).fill };
    });
    assert.deepEqual(drawn, { bg: c.bg, fg: c.fg }, c.attr);
    if (c.error) assert.ok(errors.some((e) => c.error.test(e)), `${c.attr}: ${errors}`);
    else assert.deepEqual(errors, [], c.attr);
    assert.deepEqual(await page.evaluate(() => window.violations), [], `${c.attr}: CSP violations`);
    await context.close();
    await site.close();
  }
});
