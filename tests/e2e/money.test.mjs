// Money in a real browser: a refund is shown with its exact amount and terms and only
// issued when the shopper presses Confirm; a shopper signed in on the merchant's site
// (kefu('identify', …)) is not asked for the order's email. Products come with a card.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, test } from 'node:test';
import { ask, kefuAndBrowser, openChat } from './harness.mjs';

const env = kefuAndBrowser();

describe('refunds', () => {
  test('a refund is confirmed on its card, issued once, and the buttons go away', async () => {
    const page = await env.browser.newPage();
    // What the widget sends: the button names the card's action, so it can confirm nothing else.
    const sent = [];
    page.on('websocket', (ws) => ws.on('framesent', (f) => sent.push(String(f.payload))));
    await page.goto(`${env.kefu.url}/`);
    const frame = await openChat(page);
    const asked = await ask(frame, 'I want a refund for order 1003');
    assert.match(await asked.innerText(), /email address/);
    const proposal = await ask(frame, 'carlos@example.com');
    const card = proposal.getByTestId('confirm-refund');
    assert.equal(await card.getByTestId('refund-amount').innerText(), '$22.00');
    assert.match(await card.innerText(), /original payment method/);
    const before = await frame.locator('li[data-author="bot"]').count();
    await card.getByRole('button', { name: 'Confirm refund' }).click();
    const done = frame.locator('li[data-author="bot"]').nth(before);
    await done.waitFor();
    assert.match(await done.innerText(), /Done: \$22\.00 refunded for order 1003 \(reference R-[0-9A-F]{10}\)/);
    const confirms = sent.map((p) => JSON.parse(p)).filter((m) => m.type === 'confirm');
    assert.equal(confirms.length, 1);
    assert.equal(confirms[0].action_id, await card.getAttribute('data-action'));
    assert.equal(confirms[0].accept, true);
    // The card is no longer the latest message: nothing left to press.
    assert.equal(await card.getByRole('button').count(), 0);
    await page.close();
  });

  test('a shopper signed in on the shop is not asked for the order email', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.kefu.url}/`);
    await page.getByTestId('kefu-launcher').waitFor();
    // What the merchant's server does for a logged-in shopper (the demo shop's secret).
    const email = 'sam@example.com';
    const expires = Math.floor(Date.now() / 1000) + 600;
    const signature = createHmac('sha256', 'demo-identity-secret-change-me')
      .update(`demo|${email}|${expires}`).digest('hex');
    await page.evaluate((identity) => window.kefu('identify', identity), { email, expires, signature });
    const frame = await openChat(page);
    // Order 1004 is Sam's, $138.00: above what the bot may refund, so a person takes over.
    const reply = await ask(frame, 'I want a refund for order 1004');
    assert.match(await reply.innerText(), /needs approval from a person/);
    assert.equal(await reply.getByTestId('confirm-refund').count(), 0);
    await page.close();
  });
});

describe('products', () => {
  test('a stock question is answered from the catalogue with a product card', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.kefu.url}/`);
    const frame = await openChat(page);
    const reply = await ask(frame, 'is the grey hoodie in stock?');
    assert.match(await reply.innerText(), /Grey zip hoodie is in stock, but only 3 left/);
    const card = reply.getByTestId('product-card');
    assert.equal(await card.getAttribute('data-sku'), 'HOOD-GRY-L');
    assert.equal(await card.getByTestId('product-price').innerText(), '$69.00');
    await page.close();
  });
});
