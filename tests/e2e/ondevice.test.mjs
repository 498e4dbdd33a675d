// What the intent model in the shopper's browser does for them: suggestions while they type
// (picked from the keyboard, in English and Chinese), the shop's public FAQ answered on the
// device exactly as the runtime answers it (every demo entry, both languages, shown once),
// and FAQ answers while the connection is down, with everything else queued and sent once,
// in order, when it is back.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import { kefuAndBrowser, launchBrowser, openChat, startKefu } from './harness.mjs';

const env = kefuAndBrowser();

/**
 * Opens the demo storefront's chat in `locale`, recording the runtime's frames; resolves
 * to {page, frame, frames}, where `frames` fills with the parsed frames the panel receives.
 */
async function chat(browser, url, locale = 'en') {
  const page = await browser.newPage();
  const frames = [];
  page.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => {
    try { frames.push(JSON.parse(payload)); } catch { /* not JSON */ }
  }));
  await page.goto(`${url}/`);
  await page.getByTestId('kefu-launcher').waitFor();
  if (locale !== 'en') await page.evaluate((l) => window.kefu('setLocale', l), locale);
  await page.getByTestId('kefu-launcher').click();
  const frame = page.frameLocator('iframe[data-testid="kefu-frame"]');
  await frame.getByTestId('welcome').waitFor();
  return { page, frame, frames };
}

/** Waits until the model in the worker answers a draft (the suggestions show). */
async function modelReady(frame, draft = 'where is my order 1001') {
  await frame.getByTestId('composer').fill(draft);
  await frame.getByTestId('typing-suggestion').first().waitFor({ timeout: 30_000 });
  await frame.getByTestId('composer').fill('');
}

/** The runtime's bot message answering the shopper's `text`, once it has come. */
async function runtimeAnswer(frames, text) {
  for (let i = 0; i < 300; i++) {
    const at = frames.findIndex((f) => f.type === 'message' && f.author === 'shopper' && f.text === text);
    const answer = at >= 0 && frames.slice(at + 1).find((f) => f.type === 'message' && f.author === 'bot');
    if (answer) return answer;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no answer from the runtime to ${JSON.stringify(text)}`);
}

describe('suggestions while typing', () => {
  test('the draft offers what the model understood; the arrow keys pick one and it is sent', async () => {
    const { page, frame } = await chat(env.browser, env.kefu.url);
    const composer = frame.getByTestId('composer');
    await composer.fill('where is my order 1001');
    const suggestion = frame.getByTestId('typing-suggestion').filter({ hasText: 'Track order 1001' });
    await suggestion.waitFor({ timeout: 30_000 });
    // Offered, announced, and the focus stays in the message box.
    assert.match(await frame.getByTestId('suggestions-announcement').innerText(), /suggestion/);
    assert.equal(await composer.evaluate((el) => el === document.activeElement), true);
    assert.equal(await frame.getByText('Looks like', { exact: false }).count(), 0, 'no raw label');
    await composer.press('ArrowUp');
    assert.equal(await suggestion.evaluate((el) => el === document.activeElement), true);
    await page.keyboard.press('Enter');
    await frame.locator('li[data-author="shopper"]').filter({ hasText: 'Track order 1001' }).waitFor();
    const card = frame.getByTestId('order-card');
    await card.waitFor();
    assert.equal(await card.getAttribute('data-status'), 'shipped');
    assert.equal(await composer.evaluate((el) => el === document.activeElement), true, 'focus back in the box');
    assert.equal(await frame.getByTestId('typing-suggestion').count(), 0);
    await page.close();
  });

  test('in Chinese, a policy question offers its FAQ question; Escape goes back to the box', async () => {
    const { page, frame } = await chat(env.browser, env.kefu.url, 'zh-CN');
    const composer = frame.getByTestId('composer');
    await composer.fill('我的订单1001到哪了');
    await frame.getByTestId('typing-suggestion').filter({ hasText: '查询订单1001的物流' }).waitFor({ timeout: 30_000 });
    await composer.fill('多久能收到货');
    await frame.getByTestId('typing-suggestion').filter({ hasText: '多久能到货？' }).waitFor();
    await composer.press('ArrowUp');
    await page.keyboard.press('Escape');
    assert.equal(await composer.evaluate((el) => el === document.activeElement), true);
    await page.close();
  });
});

describe('the FAQ answered on the device', () => {
  for (const locale of ['en', 'zh-CN']) {
    test(`every public entry (${locale}) is answered on the device as the runtime answers it, once`, async () => {
      // The entries the welcome ships are the demo FAQ in this language.
      const first = await chat(env.browser, env.kefu.url, locale);
      const welcome = first.frames.find((f) => f.type === 'welcome');
      const faq = welcome.welcome.on_device.faq;
      assert.ok(faq.length >= 10, `${faq.length} entries shipped`);
      await first.page.close();
      for (const entry of faq) {
        // A fresh conversation each: the shop's rate limits hold for tests too.
        const { page, frame, frames } = await chat(env.browser, env.kefu.url, locale);
        await modelReady(frame, locale === 'en' ? 'where is my order 1001' : '我的订单1001到哪了');
        await frame.getByTestId('composer').fill(entry.question);
        await frame.getByTestId('composer').press('Enter');
        const fromRuntime = await runtimeAnswer(frames, entry.question);
        const device = frame.locator('li[data-on-device="true"]');
        if (fromRuntime.text !== entry.answer) {
          // A question a plugin serves (sizes, from the catalogue) is the plugin's here too.
          assert.equal(await device.count(), 0, `${entry.question}: not the FAQ's on either side`);
          await page.close();
          continue;
        }
        // The runtime's answer came and is the device's: one answer on screen, the device's.
        await frame.locator(`li[data-on-device="true"][data-confirmed-seq="${fromRuntime.seq}"]`).waitFor();
        assert.match(await device.innerText(), locale === 'en' ? /^From the shop's FAQ/ : /^来自店铺常见问题/);
        assert.ok((await device.innerText()).endsWith(fromRuntime.text), `${entry.question}: the same answer`);
        assert.equal(await frame.locator('li[data-author="bot"]').count(), 1, `${entry.question}: shown once`);
        await page.close();
      }
    });
  }
});

describe('help through a dropped connection', () => {
  let browser;
  let kefu;
  after(async () => {
    await browser?.close();
    await kefu?.stop();
  });

  test('offline, the FAQ still answers, other messages wait and go once, in order, when it is back', async () => {
    kefu = await startKefu();
    const { dataDir } = kefu;
    const listen = kefu.url.replace('http://', '');
    browser = await launchBrowser();
    const { page, frame, frames } = await chat(browser, kefu.url);
    await modelReady(frame);
    await frame.getByTestId('composer').fill('hello');
    await frame.getByTestId('composer').press('Enter');
    await frame.locator('li[data-author="bot"]').first().waitFor();

    await kefu.stop({ keepData: true });
    const status = frame.getByTestId('status');
    await status.filter({ hasText: "Offline: the shop's FAQ still answers here" }).waitFor({ timeout: 15_000 });
    await frame.getByTestId('composer').fill('How long does delivery take?');
    await frame.getByTestId('composer').press('Enter');
    await frame.getByTestId('composer').fill('where is my order 1001?');
    await frame.getByTestId('composer').press('Enter');
    const device = frame.locator('li[data-on-device="true"]');
    await device.waitFor();
    assert.match(await device.innerText(), /Orders ship within 1 business day/);
    assert.equal(await frame.locator('li[data-queued="true"]').count(), 2, 'both wait to be sent');

    kefu = await startKefu({ listen, dataDir });
    await frame.getByTestId('order-card').waitFor({ timeout: 30_000 });
    await frame.locator('li[data-queued="true"]').first().waitFor({ state: 'detached', timeout: 30_000 });
    const shopper = await frame.locator('li[data-author="shopper"]').allInnerTexts();
    assert.deepEqual(shopper, ['hello', 'How long does delivery take?', 'where is my order 1001?'],
      'each message sent once, in order');
    // The runtime's answer to the delivery question is the device's: still shown once.
    const fromRuntime = await runtimeAnswer(frames, 'How long does delivery take?');
    await frame.locator(`li[data-on-device="true"][data-confirmed-seq="${fromRuntime.seq}"]`).waitFor();
    const delivery = await frame.locator('li[data-author="bot"]').filter({ hasText: 'Orders ship within 1 business day' }).count();
    assert.equal(delivery, 1);
    await page.close();
    await kefu.stop();
    rmSync(dataDir, { recursive: true, force: true });
    kefu = null;
  });
});
