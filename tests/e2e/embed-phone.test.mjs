// A shopper on a phone (375×667, touch): the panel takes the whole screen and shrinks
// above the on-screen keyboard, the composer's text is at least 16 px (below that iOS zooms
// the page when it gets focus), and a message sent from it gets its answer.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { ask, kefuAndBrowser } from './harness.mjs';
import { shopSite } from './shop.mjs';

const env = kefuAndBrowser();
let shop;

after(async () => { await shop?.close(); });

test('on a phone the chat fills the screen, its text fields do not zoom, and it answers', async () => {
  const context = await env.browser.newContext({
    viewport: { width: 375, height: 667 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  shop = await shopSite(env.kefu.url);
  await page.goto(shop.url);
  const launcher = page.getByTestId('kefu-launcher');
  const box = await launcher.boundingBox();
  assert.deepEqual([box.width, box.height], [56, 56]);
  assert.ok(box.x + box.width <= 375 && box.y + box.height <= 667, 'the launcher is on screen');

  await launcher.tap();
  const frame = page.frameLocator('iframe[data-testid="kefu-frame"]');
  await frame.getByTestId('status').filter({ hasText: 'Automated assistant' }).waitFor();
  const panel = await page.getByTestId('kefu-frame').boundingBox();
  assert.deepEqual([panel.x, panel.y, panel.width, panel.height], [0, 0, 375, 667], 'full screen');

  const composer = frame.getByTestId('composer');
  const fontSize = await composer.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(fontSize >= 16, `the composer's text is ${fontSize}px`);
  const composerBox = await composer.boundingBox();
  assert.ok(composerBox.y + composerBox.height <= 667, 'the composer is on screen');

  // The on-screen keyboard takes the lower part of the screen: the panel shrinks above it
  // and the composer stays in view.
  await composer.tap();
  await page.setViewportSize({ width: 375, height: 400 });
  await page.waitForFunction(() =>
    document.querySelector('[data-kefu]').shadowRoot.querySelector('iframe').getBoundingClientRect().height === 400);
  const typing = await composer.boundingBox();
  assert.ok(typing.y + typing.height <= 400, 'the composer is above the keyboard');
  const reply = await ask(frame, 'where is my order 1001?');
  assert.match(await reply.innerText(), /Order 1001: shipped/);
  const close = frame.getByRole('button', { name: 'Close' });
  const closeBox = await close.boundingBox();
  assert.ok(closeBox.y >= 0 && closeBox.x + closeBox.width <= 375, 'the close button is on screen');
  await close.tap();
  await page.getByTestId('kefu-frame').waitFor({ state: 'hidden' });
  await context.close();
});
