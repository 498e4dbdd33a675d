// The loader's JavaScript API on a shop's own page (another origin than kefu's), as a web
// developer uses it: calls queued through the stub before kefu.js loads, events (`ready`,
// `open`, `close`, `message`, `unread`, `handoff`) and unsubscribing, bad calls, the
// unread badge while an agent writes to a closed panel, `shutdown` at logout, focus and
// Escape, and the TypeScript declarations kept in step with the loader.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { ask, kefuAndBrowser, openChat, root } from './harness.mjs';
import { shopSite } from './shop.mjs';

const env = kefuAndBrowser();
let shop;

// Queued before the loader arrives: bad calls among good ones, and a recorder for every event.
const QUEUED = `<script src="/stub.js"></script><script>
  window.seen = [];
  const record = (name) => (detail) => seen.push([name, detail]);
  kefu('on', 'ready', record('ready'));
  kefu('launch');
  kefu('constructor');
  kefu('on', 'opened', record('opened'));
  kefu('identify', { email: 'sam@example.com' });
  for (const name of ['open', 'close', 'message', 'unread', 'handoff']) kefu('on', name, record(name));
</script>`;

// Started by the first test: root-level `before` hooks do not wait for each other.
const site = async () => (shop ??= await shopSite(env.kefu.url, { head: QUEUED }));
after(async () => { await shop?.close(); });

/** A shopper's fresh tab on the shop's page; `errors` collects console errors. */
async function visit() {
  const page = await env.browser.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto((await site()).url);
  await page.waitForFunction(() => window.seen?.some(([name]) => name === 'ready'));
  return { page, errors };
}

const seen = (page, name) => page.evaluate((name) => seen.filter(([n]) => n === name).map(([, d]) => d), name);

describe('calling the API', () => {
  test('a bad queued call logs why and the calls after it still run, then ready fires', async () => {
    const { page, errors } = await visit();
    assert.equal(errors.length, 4, errors.join('\n'));
    assert.match(errors[0], /^kefu: unknown command "launch"; commands: open,close,toggle,show,hide,identify,setLocale,on,off,shutdown$/);
    assert.match(errors[1], /^kefu: unknown command "constructor"/);
    assert.match(errors[2], /^kefu: on\/off needs an event \(ready,open,close,message,unread,handoff\)/);
    assert.match(errors[3], /^kefu: identify needs \{email, expires, signature\}/);
    // The listeners queued after the bad calls work.
    await page.evaluate(() => kefu('open'));
    await page.evaluate(() => kefu('close'));
    assert.deepEqual(await page.evaluate(() => seen.map(([name]) => name)), ['ready', 'open', 'close']);
    await page.close();
  });

  test('only documented commands exist: kefu("constructor") logs an error and returns nothing', async () => {
    const { page, errors } = await visit();
    const results = await page.evaluate(() =>
      ['constructor', 'toString', '__proto__', 'hasOwnProperty'].map((name) => typeof kefu(name)));
    assert.deepEqual(results, ['undefined', 'undefined', 'undefined', 'undefined']);
    assert.deepEqual(errors.slice(4).map((e) => e.match(/^kefu: unknown command "(\w+)"/)?.[1]),
      ['constructor', 'toString', '__proto__', 'hasOwnProperty']);
    assert.equal(await page.locator('iframe').count(), 0, 'nothing was opened');
    await page.close();
  });

  test('the message event gives the author and text of each answer; on returns an unsubscribe', async () => {
    const { page } = await visit();
    await page.evaluate(() => {
      window.kept = []; window.stopped = []; window.removed = [];
      kefu('on', 'message', (m) => kept.push(m));
      window.stop = kefu('on', 'message', (m) => stopped.push(m));
      window.remove = (m) => removed.push(m);
      kefu('on', 'message', window.remove);
    });
    const frame = await openChat(page);
    await ask(frame, 'where is my order 1001?');
    await page.waitForFunction(() => kept.some((m) => /Order 1001: shipped/.test(m.text)));
    const answer = await page.evaluate(() => kept.find((m) => /Order 1001/.test(m.text)));
    assert.equal(answer.author, 'bot');
    // Without proof of ownership the status only; the tracking number needs the order's email.
    assert.match(answer.text, /tell me the email address the order was placed with/);
    assert.deepEqual(await page.evaluate(() => [stopped.length, removed.length]),
      await page.evaluate(() => [kept.length, kept.length]));

    assert.equal(await page.evaluate(() => typeof stop), 'function');
    await page.evaluate(() => { stop(); kefu('off', 'message', remove); });
    const before = await page.evaluate(() => [kept.length, stopped.length, removed.length]);
    await ask(frame, 'status of order #1002 please');
    await page.waitForFunction(() => kept.some((m) => /Order 1002 is being prepared/.test(m.text)));
    const [keptNow, stoppedNow, removedNow] = await page.evaluate(() => [kept.length, stopped.length, removed.length]);
    assert.ok(keptNow > before[0]);
    assert.deepEqual([stoppedNow, removedNow], before.slice(1), 'unsubscribed listeners hear nothing');
    assert.deepEqual(await seen(page, 'unread'), [], 'nothing is unread while the panel is open');
    await page.close();
  });

  test('hide and show the launcher, toggle the panel, and switch its language', async () => {
    const { page, errors } = await visit();
    const launcher = page.getByTestId('kefu-launcher');
    await page.evaluate(() => kefu('hide'));
    assert.equal(await launcher.isVisible(), false);
    // The shop's own button opens the chat; closing gives the focus back to that button.
    await page.locator('#search').focus();
    await page.evaluate(() => kefu('toggle'));
    const frame = page.frameLocator('iframe[data-testid="kefu-frame"]');
    await frame.getByTestId('status').filter({ hasText: 'Automated assistant' }).waitFor();
    await frame.getByTestId('composer').press('Escape');
    await page.getByTestId('kefu-frame').waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement.id), 'search');
    await page.evaluate(() => kefu('show'));
    assert.equal(await launcher.isVisible(), true);

    await page.evaluate(() => kefu('setLocale', 'zh-CN'));
    assert.equal(await launcher.getAttribute('aria-label'), '打开在线客服');
    await page.evaluate(() => kefu('toggle'));
    await frame.getByTestId('status').filter({ hasText: '智能助手' }).waitFor();
    await page.evaluate(() => kefu('setLocale', 42));
    assert.match(errors.at(-1), /^kefu: setLocale needs a language tag/);
    assert.deepEqual(await page.evaluate(() => seen.map(([name]) => name)), ['ready', 'open', 'close', 'open']);
    await page.close();
  });
});

describe('a closed panel', () => {
  test('counts what an agent writes while it is closed, announces it, and resets on open', async () => {
    // The demo's agent is online in the console.
    const agentContext = await env.browser.newContext();
    const console_ = await agentContext.newPage();
    await console_.goto(`${env.kefu.url}/console`);
    await console_.getByTestId('login-email').fill('agent@demo.kefu');
    await console_.getByTestId('login-password').fill('kefu-demo');
    await console_.getByTestId('login-submit').click();
    await console_.getByTestId('presence').filter({ hasText: 'online' }).waitFor();

    const { page } = await visit();
    const frame = await openChat(page);
    await ask(frame, 'I want to talk to a human');
    await frame.getByTestId('status').filter({ hasText: 'Waiting for a human agent' }).waitFor();
    await page.waitForFunction(() => seen.some(([n, d]) => n === 'handoff' && d.state === 'waiting_for_human'));
    await page.getByTestId('kefu-launcher').click();
    assert.equal(await page.locator('iframe[data-testid="kefu-frame"]').isVisible(), false);

    // Ada claims (a bot line says she joined) and writes: two messages to a closed panel.
    await console_.getByTestId('queue-item').filter({ hasText: 'asked for a human' }).getByRole('button').click();
    await console_.getByTestId('claim').click();
    await console_.getByTestId('reply-input').fill('Hi, I am Ada. How can I help?');
    await console_.getByTestId('reply-send').click();
    await page.waitForFunction(() => seen.filter(([n]) => n === 'unread').length === 2);
    assert.deepEqual(await seen(page, 'unread'), [1, 2]);
    const messages = await seen(page, 'message');
    assert.deepEqual(messages.slice(-2).map((m) => m.author), ['bot', 'agent']);
    assert.equal(messages.at(-1).text, 'Hi, I am Ada. How can I help?');
    assert.deepEqual((await seen(page, 'handoff')).at(-1), { state: 'human', agent: 'Ada' });

    const launcher = page.getByTestId('kefu-launcher');
    const badge = page.locator('[data-kefu] .b');
    assert.equal(await badge.innerText(), '2');
    assert.equal(await launcher.getAttribute('aria-label'), 'Open chat, 2 new messages');
    const live = page.locator('[data-kefu] [aria-live="polite"]');
    assert.equal(await live.textContent(), '2 new messages');

    await launcher.click();
    await frame.locator('li[data-author="agent"]').filter({ hasText: 'How can I help?' }).waitFor();
    assert.deepEqual(await seen(page, 'unread'), [1, 2, 0]);
    assert.equal(await badge.isVisible(), false);
    assert.equal(await launcher.getAttribute('aria-label'), 'Open chat');
    await agentContext.close();
    await page.close();
  });
});

describe('shutdown', () => {
  test('forgets the conversation on this tab, also after a reload; the launcher stays', async () => {
    const { page } = await visit();
    let frame = await openChat(page);
    await ask(frame, 'where is my order 1001?');
    // Without shutdown the next page resumes the conversation…
    await page.reload();
    await page.waitForFunction(() => window.seen?.some(([name]) => name === 'ready'));
    frame = await openChat(page);
    await frame.locator('li[data-author="shopper"]').filter({ hasText: 'order 1001' }).waitFor();

    // …after it, neither this page nor the next one has it.
    await page.evaluate(() => kefu('shutdown'));
    assert.equal(await page.locator('iframe[data-testid="kefu-frame"]').count(), 0);
    await page.waitForFunction(() => document.querySelector('[data-kefu]').shadowRoot.querySelectorAll('iframe').length === 0);
    // The replay of a resumed conversation comes before any answer to a new message.
    const shopperSaid = () => frame.locator('li[data-author="shopper"]').allInnerTexts();
    frame = await openChat(page);
    await ask(frame, 'hello');
    assert.deepEqual(await shopperSaid(), ['hello'], 'a new conversation');
    await page.evaluate(() => kefu('shutdown'));
    await page.waitForFunction(() => document.querySelector('[data-kefu]').shadowRoot.querySelectorAll('iframe').length === 0);
    await page.reload();
    await page.waitForFunction(() => window.seen?.some(([name]) => name === 'ready'));
    frame = await openChat(page);
    await ask(frame, 'thanks');
    assert.deepEqual(await shopperSaid(), ['thanks'], 'still a new one after a reload');
    await page.close();
  });
});

describe('focus and keyboard', () => {
  const composerFocused = (frame) => frame.getByTestId('composer')
    .evaluate((el) => el === document.activeElement && document.hasFocus());
  // Focus moves across the frame boundary by message: poll the condition (up to 5 s).
  const eventually = async (check) => {
    for (let i = 0; i < 50; i++) {
      if (await check()) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  };
  const launcherFocused = (page) => page.evaluate(() =>
    document.querySelector('[data-kefu]').shadowRoot.activeElement?.dataset.testid === 'kefu-launcher');

  test('opening puts the focus on the composer; Escape closes and gives it back to the launcher', async () => {
    const { page } = await visit();
    const frame = await openChat(page);
    assert.ok(await eventually(() => composerFocused(frame)), 'the composer has the focus after the first open');

    await page.keyboard.press('Escape');
    await page.locator('iframe[data-testid="kefu-frame"]').waitFor({ state: 'hidden' });
    assert.ok(await launcherFocused(page), 'the launcher has the focus after Escape');
    assert.equal(await page.getByTestId('kefu-launcher').getAttribute('aria-expanded'), 'false');

    // Enter on the launcher opens it again, with the focus back on the composer.
    await page.keyboard.press('Enter');
    await page.locator('iframe[data-testid="kefu-frame"]').waitFor();
    assert.ok(await eventually(() => composerFocused(frame)), 'the composer has the focus after reopening');

    // The close button also gives the focus back; Escape on the launcher closes too.
    await frame.getByRole('button', { name: 'Close' }).click();
    await page.locator('iframe[data-testid="kefu-frame"]').waitFor({ state: 'hidden' });
    assert.ok(await launcherFocused(page));
    await page.keyboard.press('Enter');
    await page.locator('iframe[data-testid="kefu-frame"]').waitFor();
    await page.getByTestId('kefu-launcher').focus();
    await page.keyboard.press('Escape');
    await page.locator('iframe[data-testid="kefu-frame"]').waitFor({ state: 'hidden' });
    assert.deepEqual((await seen(page, 'close')).length, 3);
    await page.close();
  });

  test('closing from the page\'s own code leaves the focus where the shopper is', async () => {
    const { page } = await visit();
    await openChat(page);
    await page.locator('#search').focus();
    await page.evaluate(() => kefu('close'));
    assert.equal(await page.evaluate(() => document.activeElement.id), 'search');
    await page.close();
  });
});

describe('TypeScript declarations', () => {
  test('kefu.d.ts, as served beside kefu.js, names exactly the loader\'s commands and events', async () => {
    const source = readFileSync(join(root, 'widget/loader/kefu.d.ts'), 'utf8');
    const served = await (await fetch(`${env.kefu.url}/kefu.d.ts`)).text();
    assert.equal(served, source);
    const { page, errors } = await visit();
    await page.evaluate(() => { kefu('?'); kefu('on', '?', () => {}); });
    const commands = errors.at(-2).match(/commands: (.*)$/)[1].split(',');
    const events = errors.at(-1).match(/event \((.*)\)/)[1].split(',');
    const declared = [...source.matchAll(/\(command: '(\w+)'/g)].map((m) => m[1]);
    assert.deepEqual(declared.sort(), commands.sort());
    const eventBlock = source.match(/interface KefuEvents \{([\s\S]*?)\n\}/)[1];
    const declaredEvents = [...eventBlock.matchAll(/^ {2}(\w+):/gm)].map((m) => m[1]);
    assert.deepEqual(declaredEvents.sort(), events.sort());
    await page.close();
  });
});
