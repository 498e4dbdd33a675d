// "Delete this conversation": asked once (focus on the safe answer, Keep), then the
// conversation is gone for the shopper (the panel starts afresh) and from the store (the
// runtime no longer knows its id); kept, it stays as it was.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ask, kefuAndBrowser, openChat } from './harness.mjs';

const env = kefuAndBrowser();

function panelFrame(page) {
  return page.frames().find((f) => f.url().includes('/widget/'));
}

async function conversationId(page) {
  return panelFrame(page).evaluate(() => sessionStorage.getItem('kefu.conversation.demo'));
}

/** What the runtime answers a deletion of conversation `id`, from the panel's origin. */
async function deleteStatus(page, id) {
  return panelFrame(page).evaluate(async (id) => {
    const response = await fetch(`/v1/chat/demo/conversations/${id}`, { method: 'DELETE' });
    return response.status;
  }, id);
}

test('kept, the conversation stays; deleted, it is gone from the panel and the store', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${env.kefu.url}/`);
  const chat = await openChat(page);
  await ask(chat, 'where is my order 1001?');
  await chat.getByTestId('order-card').waitFor();
  const id = await conversationId(page);
  assert.match(id, /^[0-9a-f]{32}$/);

  // Asked first; Keep is focused, and keeping changes nothing.
  await chat.getByTestId('forget').click();
  const question = chat.locator('#kefu-forget');
  await question.filter({ hasText: 'Delete this conversation?' }).waitFor();
  assert.equal(await panelFrame(page).evaluate(() => document.activeElement.textContent), 'Keep');
  await page.keyboard.press('Enter');
  await question.waitFor({ state: 'detached' });
  assert.equal(await panelFrame(page).evaluate(() => document.activeElement.dataset.testid), 'forget');
  assert.equal(await chat.getByTestId('order-card').count(), 1);

  // Deleted: the panel starts afresh, with nothing of the old conversation.
  await chat.getByTestId('forget').click();
  await chat.getByTestId('forget-confirm').click();
  await chat.getByTestId('status').filter({ hasText: 'Automated assistant' }).waitFor();
  await chat.locator('li[data-author="shopper"]').first().waitFor({ state: 'detached' });
  assert.equal(await chat.getByTestId('order-card').count(), 0);
  const fresh = await conversationId(page);
  assert.notEqual(fresh, id, 'a new conversation, not the deleted one resumed');
  // The runtime no longer has it: deleting it again finds nothing.
  assert.equal(await deleteStatus(page, id), 404);
  // And the chat goes on in the new conversation.
  await ask(chat, 'hello');
  await context.close();
});
