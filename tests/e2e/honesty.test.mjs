// Conversations that don't fail like the bots shoppers hate: asked whether it is a bot, the
// assistant says so; a shopper who reports a damaged item is asked for the order once, proves
// it is theirs, is offered the refund the shop's plugin allows, declines it, and the claim
// reaches the console with a summary: what they want, the order, why.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kefuAndBrowser, openChat } from './harness.mjs';

const env = kefuAndBrowser();

async function say(chat, text) {
  await chat.getByTestId('composer').fill(text);
  await chat.getByTestId('composer').press('Enter');
}

test('asked whether it is a bot, the assistant says plainly that it is one', async () => {
  const context = await env.browser.newContext();
  const shop = await context.newPage();
  await shop.goto(`${env.kefu.url}/`);
  const chat = await openChat(shop);
  await say(chat, 'wait, am I talking to a real person?');
  await chat.locator('li[data-author="bot"]').filter({ hasText: "automated assistant, not a person" }).waitFor();
  // Answered, not queued: the header still says the assistant is answering.
  await chat.getByTestId('status').filter({ hasText: 'Automated assistant' }).waitFor();
  await context.close();
});

test('a damaged item is offered a refund and, declined, reaches the console as a claim', async () => {
  const agentContext = await env.browser.newContext();
  const console_ = await agentContext.newPage();
  await console_.goto(`${env.kefu.url}/console`);
  await console_.getByTestId('login-email').fill('agent@demo.kefu');
  await console_.getByTestId('login-password').fill('kefu-demo');
  await console_.getByTestId('login-submit').click();
  await console_.getByTestId('presence').filter({ hasText: 'online' }).waitFor();

  const shopperContext = await env.browser.newContext();
  const shop = await shopperContext.newPage();
  await shop.goto(`${env.kefu.url}/`);
  const chat = await openChat(shop);
  await say(chat, 'my parcel arrived today and the item inside is broken');
  await chat.locator('li[data-author="bot"]').filter({ hasText: 'order number' }).waitFor();
  await say(chat, '1003');
  await chat.locator('li[data-author="bot"]').filter({ hasText: 'email address' }).waitFor();
  await say(chat, 'carlos@example.com');
  // The shop's refunds plugin offers a refund; nothing moves until the shopper confirms.
  const card = chat.getByTestId('confirm-refund');
  await card.waitFor();
  assert.equal(await card.getByTestId('refund-amount').innerText(), '$22.00');
  await card.getByRole('button', { name: 'Cancel' }).click();
  await chat.locator('li[data-author="bot"]').filter({ hasText: 'see this whole conversation' }).waitFor();
  await chat.getByTestId('status').filter({ hasText: 'Waiting for a human agent' }).waitFor();

  const item = console_.getByTestId('queue-item').filter({ hasText: 'claim: damaged item, order 1003; refund declined' });
  await item.waitFor();
  await item.getByRole('button').click();
  await console_.getByTestId('detail-reason').filter({ hasText: 'damaged item' }).waitFor();
  // At one glance: what the shopper wants, the order they gave, what the bot tried, why.
  const summary = await console_.getByTestId('summary').innerText();
  assert.match(summary, /Wants\s+report_damaged/);
  assert.match(summary, /order 1003/);
  assert.match(summary, /Handed off\s+claim: damaged item, order 1003; refund declined/);
  await agentContext.close();
  await shopperContext.close();
});
