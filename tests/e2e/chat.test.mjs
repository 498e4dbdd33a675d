// A shopper on the demo storefront, in a real browser: the launcher, the chat, an order
// answered by the orders plugin running in wasmtime, in English and Chinese, and a request
// for a human.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ask, classifyNatively, kefuAndBrowser, openChat } from './harness.mjs';

const env = kefuAndBrowser();

async function openStorefront() {
  const page = await env.browser.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(`${env.kefu.url}/`);
  return { page, requests, errors };
}

describe('storefront', () => {
  test('the launcher appears without loading any wasm or model until the shopper clicks', async () => {
    const { page, requests, errors } = await openStorefront();
    await page.getByTestId('kefu-launcher').waitFor();
    await page.waitForLoadState('networkidle');
    const heavy = requests.filter((u) => /\.(wasm|onnx)(\?|$)/.test(u) || u.includes('/widget/'));
    assert.deepEqual(heavy, [], 'nothing but the loader before interaction');
    assert.equal(await page.locator('iframe').count(), 0);
    await openChat(page);
    assert.ok(requests.some((u) => u.endsWith('kefu_widget_bg.wasm')), 'the chat app loads on click');
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('order status through the orders plugin', () => {
  test('an English question about order 1001 gets its status, and its tracking number once the email is given', async () => {
    const { page } = await openStorefront();
    const frame = await openChat(page);
    const status = await ask(frame, 'where is my order 1001?');
    assert.match(await status.innerText(), /^Order 1001: shipped\..*To see the carrier and tracking number/s);
    assert.equal(await status.getByTestId('order-tracking').count(), 0, 'no tracking number before proof');
    const reply = await ask(frame, 'jane@example.com');
    assert.match(await reply.innerText(), /Order 1001 has shipped with UPS, tracking number 1Z999AA10123456784/);
    const card = reply.getByTestId('order-card');
    assert.equal(await card.getAttribute('data-status'), 'shipped');
    assert.equal(await card.getByTestId('order-tracking').innerText(), '1Z999AA10123456784');
    assert.equal(await card.getByTestId('order-carrier').innerText(), 'UPS');
    await page.close();
  });

  test('a Chinese question about order 1001 is answered in Chinese', async () => {
    const { page } = await openStorefront();
    const frame = await openChat(page);
    const reply = await ask(frame, '我的订单1001到哪了，邮箱jane@example.com');
    assert.match(await reply.innerText(), /订单1001已发货，承运商UPS，运单号1Z999AA10123456784/);
    assert.equal(await reply.getByTestId('order-status').innerText(), '已发货');
    await page.close();
  });

  test('an order still being prepared says so and asks for nothing it does not need', async () => {
    const { page } = await openStorefront();
    const frame = await openChat(page);
    const reply = await ask(frame, 'status of order #1002 please');
    assert.match(await reply.innerText(), /Order 1002 is being prepared/);
    assert.equal(await reply.getByTestId('order-card').getAttribute('data-status'), 'processing');
    await page.close();
  });
});

describe('a human is one message away', () => {
  test('with nobody online, asking for a human says so and the contact form opens a ticket', async () => {
    const { page } = await openStorefront();
    const frame = await openChat(page);
    const reply = await ask(frame, 'I want to talk to a human');
    assert.match(await reply.innerText(), /nobody from our team is available right now/);
    await frame.getByTestId('status').filter({ hasText: 'Waiting for a human agent' }).waitFor();
    const form = reply.getByTestId('contact-form');
    assert.match(await form.innerText(), /within 24 hours/);
    await form.getByTestId('contact-email').fill('jane@example');
    await form.getByTestId('contact-send').click();
    await frame.locator('.kefu-error').filter({ hasText: 'email address' }).waitFor();
    await form.getByTestId('contact-email').fill('jane@example.com');
    await form.getByTestId('contact-message').fill('My parcel 1001 has not arrived');
    await form.getByTestId('contact-send').click();
    await frame.locator('li[data-author="bot"]').filter({ hasText: /Ticket #\d+ is open/ }).waitFor();
    assert.equal(await form.getAttribute('data-done'), 'true', 'the form shows as sent');
    await page.close();
  });

  test('转人工 hands off in Chinese', async () => {
    const { page } = await openStorefront();
    const frame = await openChat(page);
    const reply = await ask(frame, '转人工');
    assert.match(await reply.innerText(), /已为您申请人工客服/);
    await page.close();
  });
});

describe('the in-browser intent model', () => {
  test('classifies the draft while the shopper types', async () => {
    const { page } = await openStorefront();
    const frame = await openChat(page);
    await frame.getByTestId('composer').fill('where is my package');
    await frame.locator('[data-testid="typing-suggestions"][data-intent="track_order"]').waitFor({ timeout: 20_000 });
    await page.close();
  });

  test('gives exactly the runtime\'s predictions and confidences', async () => {
    const texts = [
      'where is my order 1001?', '我的订单1001到哪了', 'I want to talk to a human', '转人工',
      'can I get my money back', '我想退货', 'what is the weather tomorrow', 'hello', '谢谢', 'bye',
      'is the grey hoodie in stock', 'how do I reset my password', '发票怎么开',
    ];
    const { page } = await openStorefront();
    await openChat(page);
    const widget = page.frames().find((f) => f.url().includes('/widget/'));
    const inBrowser = await widget.evaluate(async (texts) => {
      const m = await import('/widget/pkg/kefu_intent_web.js');
      await m.default({ module_or_path: '/widget/pkg/kefu_intent_web_bg.wasm' });
      const bytes = new Uint8Array(await (await fetch('/widget/intent.onnx')).arrayBuffer());
      const model = new m.IntentModel(bytes);
      return texts.map((t) => JSON.parse(model.classify(t)));
    }, texts);
    const native = await classifyNatively(texts);
    assert.equal(inBrowser.length, texts.length);
    texts.forEach((text, i) => {
      const { intent, confidence, top } = native[i];
      assert.deepEqual(inBrowser[i], { intent, confidence, top }, `prediction for ${JSON.stringify(text)}`);
    });
    await page.close();
  });
});
