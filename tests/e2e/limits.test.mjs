// A shopper who sends faster than the shop takes messages is told, in words, how long to
// wait; the message stays on screen as not sent yet and goes out by itself after the wait.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { launchBrowser, openChat, startKefu } from './harness.mjs';

let browser;
let kefu;

after(async () => {
  await browser?.close();
  await kefu?.stop();
});

test('a shopper who floods sees "please wait" and loses nothing', async () => {
  // One message at once, then one a second.
  kefu = await startKefu({
    args: ['--max-messages-per-conversation-per-minute', '60', '--message-burst-per-conversation', '1'],
  });
  browser = await launchBrowser();
  const page = await browser.newPage();
  await page.goto(`${kefu.url}/`);
  const frame = await openChat(page);
  for (const text of ['hello', 'hello again']) {
    await frame.getByTestId('composer').fill(text);
    await frame.getByTestId('composer').press('Enter');
  }
  const notice = frame.locator('.kefu-error').filter({ hasText: 'Please wait 1 s' });
  await notice.waitFor();
  assert.equal(await frame.locator('li[data-queued="true"]').count(), 1, 'kept, not sent yet');
  // After the wait both are stored, each once, and the notice is gone.
  await frame.locator('li[data-queued="true"]').first().waitFor({ state: 'detached', timeout: 10_000 });
  const shopper = await frame.locator('li[data-author="shopper"]:not([data-queued])').allInnerTexts();
  assert.deepEqual(shopper, ['hello', 'hello again']);
  assert.equal(await notice.count(), 0);
});
