// The link to the runtime drops while the shopper is typing: the message waits in the
// outbox, shown as not sent yet, and goes out once the runtime is back, answered once,
// with nothing lost from the conversation.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, test } from 'node:test';
import { launchBrowser, openChat, startKefu } from './harness.mjs';

let browser;
let kefu;

after(async () => {
  await browser?.close();
  await kefu?.stop();
});

test('a message typed while the runtime is down is queued, then delivered once', async () => {
  kefu = await startKefu();
  const { dataDir } = kefu;
  const listen = kefu.url.replace('http://', '');
  browser = await launchBrowser();
  const page = await browser.newPage();
  await page.goto(`${kefu.url}/`);
  const frame = await openChat(page);
  await frame.getByTestId('composer').fill('hello');
  await frame.getByTestId('composer').press('Enter');
  await frame.locator('li[data-author="bot"]').first().waitFor();

  await kefu.stop({ keepData: true });
  await frame.getByTestId('status').filter({ hasText: 'Offline' }).waitFor({ timeout: 15_000 });
  await frame.getByTestId('composer').fill('where is my order 1001?');
  await frame.getByTestId('composer').press('Enter');
  await frame.locator('li[data-queued="true"]').filter({ hasText: 'Not sent yet' }).waitFor();

  kefu = await startKefu({ listen, dataDir });
  const card = frame.getByTestId('order-card');
  await card.waitFor({ timeout: 30_000 });
  assert.equal(await card.getAttribute('data-status'), 'shipped');
  assert.equal(await frame.locator('li[data-queued="true"]').count(), 0, 'the outbox is empty');
  const shopper = await frame.locator('li[data-author="shopper"]').allInnerTexts();
  assert.deepEqual(shopper, ['hello', 'where is my order 1001?'], 'each message shown once');
  await kefu.stop();
  rmSync(dataDir, { recursive: true, force: true });
  kefu = null;
});
