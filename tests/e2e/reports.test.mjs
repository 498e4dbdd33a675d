// The reports page, as a shop's administrator uses it: shoppers chat over the real chat
// socket (two ask for a person while no agent is online, one says hello, one asks what the
// bot cannot answer), then the administrator opens /console/reports.html with an admin API
// key, sees those figures, drills from the handoff count into the two conversations behind
// it, exports the CSV, and teaches the bot the unanswered question as an FAQ entry. axe-core
// finds no violation on the page, nothing breaks the console's Content-Security-Policy, and
// a conversation of the drill-down opens in the agent console.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { kefuCli, launchBrowser, startKefu } from './harness.mjs';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const env = {};
before(async () => {
  env.kefu = await startKefu();
  env.browser = await launchBrowser();
});
after(async () => {
  await env.browser?.close();
  await env.kefu?.stop();
});

/**
 * Runs one conversation over the chat socket from a page of the runtime's origin: hello,
 * then each text once the previous one was answered (or, after a handoff, acknowledged).
 * Resolves to the conversation's id.
 */
async function converse(page, texts) {
  return page.evaluate(async (texts) => {
    const ws = new WebSocket(`ws://${location.host}/v1/chat/demo`);
    const frames = [];
    let wake = () => {};
    ws.onmessage = (e) => { frames.push(JSON.parse(e.data)); wake(); };
    const until = (pred) => new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no frame: ${JSON.stringify(frames)}`)), 20_000);
      const check = () => {
        const found = frames.find(pred);
        if (found) { clearTimeout(timer); resolve(found); } else { wake = check; }
      };
      check();
    });
    await new Promise((r) => { ws.onopen = r; });
    ws.send(JSON.stringify({ type: 'hello', version: 1, last_seq: 0, locale: 'en' }));
    const welcome = await until((f) => f.type === 'welcome');
    for (const [i, text] of texts.entries()) {
      const id = `m${i}`;
      ws.send(JSON.stringify({ type: 'say', client_msg_id: id, text, locale: 'en' }));
      const ack = await until((f) => f.type === 'ack' && f.client_msg_id === id);
      await until((f) => f.type === 'message' && f.author === 'bot' && f.seq > ack.seq);
    }
    ws.close();
    return welcome.conversation_id;
  }, texts);
}

async function assertNoViolations(page, name) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, TAGS);
  assert.deepEqual(violations, [], `axe-core found violations in ${name}`);
}

test('an administrator reads the figures, drills into the handoffs and exports them', async () => {
  const { url, dataDir } = env.kefu;
  const key = (await kefuCli(['merchant', 'key', '--merchant', 'demo', '--data-dir', dataDir])).trim();

  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const blocked = [];
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) blocked.push(m.text()); });
  page.on('pageerror', (e) => blocked.push(e.message));

  await page.goto(`${url}/console/reports.html`);
  const handedOff = [
    await converse(page, ['I want to talk to a person']),
    await converse(page, ['human agent please']),
  ];
  await converse(page, ['hello']);
  await converse(page, ['what is the weather tomorrow']);

  await page.getByTestId('api-key').fill(key);
  await page.getByTestId('key-submit').click();
  const handoffs = page.getByTestId('figure-handoffs');
  await handoffs.locator('.n').filter({ hasText: '2' }).waitFor();
  assert.equal(await page.getByTestId('figure-conversations').locator('.n').textContent(), '4');
  assert.equal(await page.getByTestId('reason-nobody_online').textContent(), '2');
  assert.equal(await page.getByTestId('figure-handoff_rate').locator('.n').textContent(), '50%');
  await page.locator('#chart canvas').first().waitFor();
  await page.getByTestId('unanswered-item').first().waitFor();
  assert.match(await page.getByTestId('unanswered-item').first().textContent(), /weather tomorrow/);

  // The handoff count opens the two conversations that asked for a person.
  await handoffs.click();
  await page.getByTestId('drill-item').nth(1).waitFor();
  const listed = await page.getByTestId('drill-item').evaluateAll(
    (items) => items.map((i) => i.dataset.conversation));
  assert.deepEqual(listed.sort(), [...handedOff].sort());
  assert.match(await page.getByTestId('drill').textContent(), /I want to talk to a person/);
  await assertNoViolations(page, 'the reports page with a drill-down open');

  // The CSV has today's row and the total.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export').click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8');
  const today = new Date().toISOString().slice(0, 10);
  const lines = csv.trim().split('\r\n');
  assert.match(lines[0], /^day,conversations,involved,/);
  assert.match(lines[1], new RegExp(`^${today},4,`));
  assert.match(lines[2], /^total,4,/);

  // One click (and an answer) teaches the unanswered question as an FAQ entry.
  await page.getByTestId('faq-open').first().click();
  await page.getByTestId('faq-form').locator('textarea').fill('We do not forecast the weather, sorry.');
  await page.getByTestId('faq-form').locator('button').click();
  await page.getByText(/Saved as FAQ entry #\d+/).waitFor();
  const faq = await (await fetch(`${url}/v1/admin/faq`, { headers: { authorization: `Bearer ${key}` } })).json();
  assert.ok(faq.faq.some((e) => e.question === 'what is the weather tomorrow'), JSON.stringify(faq));

  await assertNoViolations(page, 'the reports page');

  // A conversation of a drill-down opens in the agent console (after an agent logs in).
  await handoffs.click();
  const first = page.getByTestId('drill-item').first();
  const opened = await first.getAttribute('data-conversation');
  await first.getByTestId('drill-open').click();
  await page.waitForURL(/\/console#conversation=/);
  await page.getByTestId('login-email').fill('agent@demo.kefu');
  await page.getByTestId('login-password').fill('kefu-demo');
  await page.getByTestId('login-submit').click();
  await page.locator('#detail-title').filter({ hasText: `Conversation ${opened.slice(0, 8)}` }).waitFor();
  await page.getByTestId('transcript-message').filter({ hasText: /talk to a person|human agent please/ }).first().waitFor();
  assert.deepEqual(blocked, [], 'nothing was blocked by the Content-Security-Policy');
  await context.close();
});
