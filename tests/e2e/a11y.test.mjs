// Accessibility, checked by axe-core (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA) in a real browser,
// in every state a shopper or an agent meets: the launcher on a shop's page; the panel empty,
// mid-conversation, with each kind of card (order, product, refund confirmation), the contact
// form, the rating, offline, asking whether to delete the conversation; the console's login, queue and conversation. Zero violations
// each time; a failure lists every violation's rule, impact and elements. Also: the panel is
// usable from the keyboard alone, and its welcome (greeting, suggested questions, who answers)
// works and is in the shopper's language. KEFU_A11Y_REPORT=1 prints each state's result.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { ask, kefuAndBrowser, launchBrowser, openChat, startKefu } from './harness.mjs';
import { shopSite } from './shop.mjs';
import { assertNoViolations } from './axe.mjs';

const env = kefuAndBrowser();
/** The panel's iframe as a Frame (axe runs inside it). */
function panelFrame(page) {
  return page.frames().find((f) => f.url().includes('/widget/'));
}

async function storefrontChat() {
  const page = await env.browser.newPage();
  await page.goto(`${env.kefu.url}/`);
  const frame = await openChat(page);
  return { page, frame, panel: panelFrame(page) };
}

describe('shop page', () => {
  let shop;
  after(async () => { await shop?.close(); });

  test('the launcher on a shop page of another origin', async () => {
    shop = await shopSite(env.kefu.url);
    const page = await env.browser.newPage();
    await page.goto(shop.url);
    await page.getByTestId('kefu-launcher').waitFor();
    await assertNoViolations(page, 'the shop page with the launcher');
    await page.close();
  });
});

describe('panel', () => {
  test('empty, as it opens', async () => {
    const { page, panel } = await storefrontChat();
    await assertNoViolations(panel, 'the empty panel');
    await page.close();
  });

  test('with suggestions while typing, and an answer from the shop\'s FAQ given on the device', async () => {
    const { page, frame, panel } = await storefrontChat();
    await frame.getByTestId('composer').fill('where is my order 1001');
    await frame.getByTestId('typing-suggestion').first().waitFor({ timeout: 30_000 });
    await assertNoViolations(panel, 'the panel suggesting while the shopper types');
    await frame.getByTestId('composer').fill('How long does delivery take?');
    await frame.getByTestId('composer').press('Enter');
    await frame.locator('li[data-on-device="true"]').waitFor();
    await assertNoViolations(panel, 'the panel with an answer given on the device');
    await page.close();
  });

  test('mid-conversation, with an order card', async () => {
    const { page, frame, panel } = await storefrontChat();
    await ask(frame, 'hello');
    await ask(frame, 'where is my order 1001?');
    await frame.getByTestId('order-card').waitFor();
    await assertNoViolations(panel, 'the panel with an order card');
    await page.close();
  });

  test('with a product card', async () => {
    const { page, frame, panel } = await storefrontChat();
    const reply = await ask(frame, 'is the grey hoodie in stock?');
    await reply.getByTestId('product-card').waitFor();
    await assertNoViolations(panel, 'the panel with a product card');
    await page.close();
  });

  test('with a refund to confirm', async () => {
    const { page, frame, panel } = await storefrontChat();
    await ask(frame, 'I want a refund for order 1003');
    const proposal = await ask(frame, 'carlos@example.com');
    await proposal.getByTestId('confirm-refund').waitFor();
    await assertNoViolations(panel, 'the panel with a refund confirmation card');
    // Keyboard only: back from the message box past "Cancel" to "Confirm refund".
    await frame.getByTestId('composer').focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await panel.evaluate(() => document.activeElement.textContent), 'Confirm refund');
    await page.keyboard.press('Enter');
    await frame.locator('li[data-author="bot"]').filter({ hasText: /refunded for order 1003/ }).waitFor();
    await page.close();
  });

  test('asking whether to delete the conversation', async () => {
    const { page, frame, panel } = await storefrontChat();
    await ask(frame, 'hello');
    await frame.getByTestId('forget').click();
    await frame.getByTestId('forget-confirm').waitFor();
    await assertNoViolations(panel, 'the panel asking whether to delete the conversation');
    await page.close();
  });

  test('with the contact form, and a refused address', async () => {
    const { page, frame, panel } = await storefrontChat();
    const reply = await ask(frame, 'I want to talk to a human');
    const form = reply.getByTestId('contact-form');
    await form.waitFor();
    await assertNoViolations(panel, 'the panel with the contact form');
    await form.getByTestId('contact-email').fill('jane@example');
    await form.getByTestId('contact-send').click();
    await frame.locator('.kefu-error').waitFor();
    await assertNoViolations(panel, 'the panel with an error shown');
    await page.close();
  });
});

describe('offline', () => {
  let kefu;
  let browser;
  after(async () => {
    await browser?.close();
    await kefu?.stop();
  });

  test('the panel while the runtime is unreachable, with a message waiting', async () => {
    kefu = await startKefu();
    browser = await launchBrowser();
    const page = await browser.newPage();
    await page.goto(`${kefu.url}/`);
    const frame = await openChat(page);
    await ask(frame, 'hello');
    await kefu.stop();
    await frame.getByTestId('status').filter({ hasText: 'Offline' }).waitFor({ timeout: 15_000 });
    await frame.getByTestId('composer').fill('where is my order 1001?');
    await frame.getByTestId('composer').press('Enter');
    await frame.locator('li[data-queued="true"]').waitFor();
    await assertNoViolations(panelFrame(page), 'the offline panel with a queued message');
    kefu = null;
  });
});

describe('console and rating', () => {
  test('login, queue, conversation; the shopper\'s rating', async () => {
    const agentContext = await env.browser.newContext();
    const console_ = await agentContext.newPage();
    await console_.goto(`${env.kefu.url}/console`);
    await console_.getByTestId('login-email').waitFor();
    await assertNoViolations(console_, 'the console login');
    await console_.getByTestId('login-email').fill('agent@demo.kefu');
    await console_.getByTestId('login-password').fill('not the password');
    await console_.getByTestId('login-submit').click();
    await console_.getByTestId('login-error').filter({ hasText: 'wrong email or password' }).waitFor();
    await assertNoViolations(console_, 'the console login with an error');
    await console_.getByTestId('login-password').fill('kefu-demo');
    await console_.getByTestId('login-submit').click();
    await console_.getByTestId('presence').filter({ hasText: 'online' }).waitFor();

    const shopperContext = await env.browser.newContext();
    const shop = await shopperContext.newPage();
    await shop.goto(`${env.kefu.url}/`);
    const chat = await openChat(shop);
    await chat.getByTestId('composer').fill('where is my order 1001? I want to talk to a human');
    await chat.getByTestId('composer').press('Enter');
    await chat.getByTestId('status').filter({ hasText: 'Waiting for a human agent' }).waitFor();

    const item = console_.getByTestId('queue-item').filter({ hasText: 'where is my order 1001? I want' });
    await item.waitFor();
    await assertNoViolations(console_, 'the console queue');
    await item.getByRole('button').click();
    await console_.getByTestId('order').filter({ hasText: 'shipped' }).waitFor();
    await console_.getByTestId('claim').click();
    await console_.getByTestId('suggestion').first().waitFor();
    await console_.getByTestId('reply-input').fill('Hi, I am Ada. Your order 1001 is on its way with UPS.');
    await console_.getByTestId('reply-send').click();
    await chat.locator('li[data-author="agent"]').waitFor();
    await console_.getByTestId('note-input').fill('Order fine.');
    await console_.getByTestId('note-add').click();
    await console_.getByTestId('note').first().waitFor();
    await assertNoViolations(console_, 'the console conversation');
    await assertNoViolations(panelFrame(shop), 'the panel with an agent');

    await console_.getByTestId('resolve').click();
    await chat.getByTestId('csat').waitFor();
    await assertNoViolations(panelFrame(shop), 'the panel asking for a rating');
    // Keyboard only: a score is a button like any other.
    await chat.locator('button[data-score="4"]').focus();
    await shop.keyboard.press('Enter');
    await chat.locator('li[data-author="bot"]').filter({ hasText: 'Thank you for your feedback' }).waitFor();
    await assertNoViolations(panelFrame(shop), 'the panel after the rating');
    await agentContext.close();
    await shopperContext.close();
  });
});

describe('welcome', () => {
  test('the open panel greets, says who answers and suggests questions; one sends from the keyboard', async () => {
    const { page, frame, panel } = await storefrontChat();
    const welcome = frame.getByTestId('welcome');
    await welcome.waitFor();
    assert.equal(await welcome.getByTestId('welcome-shop').innerText(), 'Kefu Demo Outfitters');
    assert.match(await welcome.getByTestId('greeting').innerText(), /^Hi! I can help with your orders/);
    assert.match(await welcome.getByTestId('who-answers').innerText(),
      /Kefu Demo Outfitters's automated assistant\. A person is one message away/);
    const suggestions = welcome.getByTestId('suggestion');
    assert.deepEqual(await suggestions.allInnerTexts(),
      ['Where is my order?', 'How do I return an item?', 'How long does delivery take?', 'Can I talk to a person?']);
    // The welcome is panel text, not a message: the conversation is empty.
    assert.equal(await frame.locator('li[data-seq]').count(), 0);
    await assertNoViolations(panel, 'the panel with its welcome');

    // Keyboard only: from the message box, Shift+Tab reaches the suggestions; Enter sends one.
    await frame.getByTestId('composer').focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await panel.evaluate(() => document.activeElement.textContent), 'Where is my order?');
    await page.keyboard.press('Enter');
    const shopper = frame.locator('li[data-author="shopper"]').first();
    await shopper.filter({ hasText: 'Where is my order?' }).waitFor();
    const reply = frame.locator('li[data-author="bot"]').first();
    await reply.waitFor();
    assert.match(await reply.innerText(), /What's your order number\?/);
    assert.equal(await welcome.getByTestId('suggestion').count(), 0, 'suggestions go once the shopper speaks');
    await assertNoViolations(panel, 'the panel after a suggested question');
    await page.close();
  });

  test('in Chinese, with the question answered in Chinese', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.kefu.url}/`);
    await page.getByTestId('kefu-launcher').waitFor();
    await page.evaluate(() => window.kefu('setLocale', 'zh-CN'));
    await page.getByTestId('kefu-launcher').click();
    const frame = page.frameLocator('iframe[data-testid="kefu-frame"]');
    const welcome = frame.getByTestId('welcome');
    await welcome.waitFor();
    assert.match(await welcome.getByTestId('greeting').innerText(), /^您好！/);
    assert.match(await welcome.getByTestId('who-answers').innerText(), /智能助手（机器人）/);
    await welcome.getByTestId('suggestion').first().click();
    const reply = frame.locator('li[data-author="bot"]').first();
    await reply.waitFor();
    assert.match(await reply.innerText(), /订单号/);
    await assertNoViolations(panelFrame(page), 'the Chinese panel');
    await page.close();
  });
});
