// The merchant's brand in the panel, and the README's screenshots of it.
//
// A shop sets its colour and logo through the admin API (`PUT /v1/admin/settings`); a
// shopper who opens the chat sees the shop's name and logo in the header and its colour
// behind the header, the send button and their own messages, with the text colour the
// runtime chose on it, measured here as the browser draws it (at least 4.5:1) and checked
// by axe-core (zero violations). The logo is served from an https origin (the test answers
// for it inside the browser: nothing leaves the machine).
//
// Then the panel is photographed mid-conversation on a desktop and on a phone (375×667), in
// English and in Chinese; with KEFU_SCREENSHOTS=1 the pictures are written to
// docs/screenshots/*.png (this test is what makes the README's pictures; otherwise they are
// taken and checked to be images, and the checkout is left as it was). Chinese needs a CJK font
// (scripts/cjk-fonts.sh, run by `cargo xtask test`).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ask, kefuAndBrowser, kefuCli, root } from './harness.mjs';
import { assertNoViolations } from './axe.mjs';

const env = kefuAndBrowser();
const LOGO_URL = 'https://logo.harbour.test/logo.svg';
const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">
  <rect width="64" height="64" rx="12" fill="#ffffff"/>
  <path d="M12 40 L32 14 L52 40 Z" fill="#0f766e"/><rect x="12" y="44" width="40" height="6" fill="#0f766e"/>
</svg>`;
let key;

async function admin(method, path, body) {
  const res = await fetch(`${env.kefu.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** Sets the demo shop's name, colour and logo, keeping every other setting. */
async function brand(name, color) {
  key ??= (await kefuCli(['merchant', 'key', '--merchant', 'demo', '--data-dir', env.kefu.dataDir])).trim();
  const { body: settings } = await admin('GET', '/v1/admin/settings');
  const put = await admin('PUT', '/v1/admin/settings', { ...settings, name, brand_color: color, logo_url: LOGO_URL });
  assert.equal(put.status, 200, JSON.stringify(put.body));
}

/** A page in `locale` at `viewport` whose browser answers for the logo's https origin. */
async function shopperPage({ locale = 'en-US', viewport = { width: 1280, height: 800 }, phone = false } = {}) {
  const context = await env.browser.newContext({
    locale,
    viewport,
    deviceScaleFactor: phone ? 2 : 1,
    isMobile: phone,
    hasTouch: phone,
  });
  await context.route(`${LOGO_URL}*`, (route) =>
    route.fulfill({ status: 200, contentType: 'image/svg+xml', body: LOGO_SVG }));
  const page = await context.newPage();
  await page.goto(`${env.kefu.url}/`);
  return { context, page };
}

/** Opens the chat; resolves to the panel's frame locator and its Frame. */
async function open(page, ready) {
  await page.getByTestId('kefu-launcher').click();
  const frame = page.frameLocator('iframe[data-testid="kefu-frame"]');
  await frame.getByTestId('status').filter({ hasText: ready }).waitFor();
  await frame.getByTestId('logo').waitFor();
  await frame.getByTestId('logo').evaluate((img) => img.decode());
  return { frame, panel: page.frames().find((f) => f.url().includes('/widget/')) };
}

describe('brand', () => {
  test('a branded shop shows its name, logo and colour with readable text, and axe finds nothing', async () => {
    // A light yellow: the runtime puts black text on it (white would be 1.5:1).
    await brand('Harbour Outfitters', '#FFD400');
    const { context, page } = await shopperPage();
    const { frame, panel } = await open(page, 'Automated assistant');
    assert.equal(await frame.getByTestId('title').innerText(), 'Harbour Outfitters');
    const logo = frame.getByTestId('logo');
    assert.equal(await logo.getAttribute('src'), LOGO_URL);
    assert.ok(await logo.evaluate((img) => img.complete && img.naturalWidth > 0), 'the logo loaded');
    await ask(frame, 'hello');
    const drawn = await panel.evaluate(() => {
      const colours = (sel) => {
        const s = getComputedStyle(document.querySelector(sel));
        return { bg: s.backgroundColor, fg: s.color };
      };
      return {
        header: colours('.kefu-header'),
        send: colours('.kefu-composer button'),
        mine: colours('.kefu-msg.shopper'),
      };
    });
    for (const [where, { bg, fg }] of Object.entries(drawn)) {
      assert.equal(bg, 'rgb(255, 212, 0)', `${where} is in the shop's colour`);
      assert.equal(fg, 'rgb(0, 0, 0)', `${where}'s text is black on it`);
      assert.ok(contrast(bg, fg) >= 4.5, `${where}: ${contrast(bg, fg).toFixed(2)}:1`);
    }
    await assertNoViolations(panel, 'the branded panel');
    await context.close();
  });

  test('the README screenshots: desktop and phone, English and Chinese', async () => {
    // The demo shop under the storefront's name (runtime/demo/store.toml), in a dark teal:
    // white text on it.
    await brand('Kefu Demo Outfitters', '#0f766e');
    const dir = join(root, 'docs/screenshots');
    mkdirSync(dir, { recursive: true });
    const shots = [
      { name: 'panel-en-desktop', locale: 'en-US', ready: 'Automated assistant', ask: 'where is my order 1001?' },
      { name: 'panel-zh-desktop', locale: 'zh-CN', ready: '智能助手', ask: '我的订单1002到哪了' },
      { name: 'panel-en-phone', locale: 'en-US', ready: 'Automated assistant', ask: 'where is my order 1001?', phone: true },
      { name: 'panel-zh-phone', locale: 'zh-CN', ready: '智能助手', ask: '我的订单1002到哪了', phone: true },
    ];
    for (const shot of shots) {
      const viewport = shot.phone ? { width: 375, height: 667 } : { width: 1100, height: 760 };
      const { context, page } = await shopperPage({ locale: shot.locale, viewport, phone: shot.phone });
      const { frame, panel } = await open(page, shot.ready);
      const reply = await ask(frame, shot.ask);
      assert.ok((await reply.innerText()).length > 0);
      // Chinese must be drawn with a font that has it, not as empty boxes.
      if (shot.locale.startsWith('zh')) {
        const fonts = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
        assert.ok(fonts.trim(), 'a font with Chinese characters is installed (scripts/cjk-fonts.sh)');
      }
      await page.evaluate(() => document.fonts.ready);
      await panel.evaluate(() => document.fonts.ready);
      if (process.env.KEFU_SCREENSHOTS === '1') {
        await page.screenshot({ path: join(dir, `${shot.name}.png`) });
      } else {
        const png = await page.screenshot();
        assert.equal(png.subarray(1, 4).toString(), 'PNG', `${shot.name}: a PNG image`);
        assert.ok(png.length > 10_000, `${shot.name}: the picture has content (${png.length} bytes)`);
      }
      await context.close();
    }
  });
});

/** WCAG 2 contrast ratio of two `rgb(r, g, b)` colours. */
function contrast(a, b) {
  const lum = (css) => {
    const [r, g, bl] = css.match(/\d+/g).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
