// A real shop's runtime, not the demo: a fresh `kefu serve` (no `--demo`) has no merchant and
// refuses every login, the demo's published password included. Two merchants are created
// with the CLI, each with its agent and API key; the first deploys the orders plugin through
// the admin API. A shopper on the first shop's own page (another origin) chats and asks for a
// person; that shop's agent sees the conversation, the second shop's agent and API key see
// nothing of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { ask, kefuCli, launchBrowser, openChat, root, startKefu } from './harness.mjs';

const shops = {
  a: { id: 'shop-a', name: 'Harbour Outfitters', agent: 'ada@shop-a.test', agentName: 'Ada' },
  b: { id: 'shop-b', name: 'Lantern Books', agent: 'bo@shop-b.test', agentName: 'Bo' },
};
const password = 'correct horse battery';

async function login(url, email, pass) {
  const res = await fetch(`${url}/v1/agent/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password: pass }),
  });
  return { status: res.status, body: await res.json().catch(() => ({})) };
}

async function admin(url, key, method, path, body) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json().catch(() => ({})) };
}

/**
 * The shops' own site: another origin (its own port on loopback), serving `/<shop id>` as a
 * page that embeds kefu with the one-tag snippet. Resolves to {origin, close()}.
 */
async function shopSite(kefuUrl) {
  const server = createServer((req, res) => {
    const shop = Object.values(shops).find((s) => req.url === `/${s.id}`);
    if (!shop) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><title>${shop.name}</title><h1>${shop.name}</h1>
      <script async src="${kefuUrl}/kefu.js" data-merchant="${shop.id}"></script>`);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

test('a fresh runtime has no working login; merchants made by the CLI see only their own shop', async () => {
  const kefu = await startKefu({ demo: false });
  const browser = await launchBrowser();
  try {
    const { url, dataDir } = kefu;
    const data = ['--data-dir', dataDir];

    // Nothing works before the operator creates a merchant, the demo's password included.
    for (const [email, pass] of [['agent@demo.kefu', 'kefu-demo'], ['admin', 'admin']]) {
      const { status } = await login(url, email, pass);
      assert.equal(status, 401, `login ${email} must be refused on a fresh runtime`);
    }
    const anonymous = await fetch(`${url}/v1/admin/plugins`);
    assert.equal(anonymous.status, 401);

    // The operator creates two shops, each with an agent and an admin API key.
    for (const shop of Object.values(shops)) {
      const made = await kefuCli(['merchant', 'add', shop.id, '--name', shop.name, ...data]);
      assert.match(made, new RegExp(`created merchant ${shop.id}`));
      assert.match(made, /identity secret: \S{16,}/);
      await kefuCli(['agent', 'add', '--merchant', shop.id, '--email', shop.agent,
        '--name', shop.agentName, ...data], `${password}\n`);
      shop.key = (await kefuCli(['merchant', 'key', '--merchant', shop.id, ...data])).trim();
      assert.ok(shop.key.length >= 20, 'an API key is printed once');
    }
    const listed = await kefuCli(['agent', 'list', '--merchant', shops.a.id, ...data]);
    assert.match(listed, /ada@shop-a\.test\tAda/);
    assert.doesNotMatch(listed, /bo@shop-b/);

    // Shop A deploys the orders plugin through the admin API; shop B cannot see or touch it.
    const dir = join(root, 'dist/plugins/orders');
    const deployed = await admin(url, shops.a.key, 'POST', '/v1/admin/plugins', {
      manifest: readFileSync(join(dir, 'manifest.toml'), 'utf8'),
      component: readFileSync(join(dir, 'plugin.wasm')).toString('base64'),
    });
    assert.equal(deployed.status, 201, JSON.stringify(deployed.body));
    const aPlugins = await admin(url, shops.a.key, 'GET', '/v1/admin/plugins');
    assert.match(JSON.stringify(aPlugins.body), /"orders"/);
    const bPlugins = await admin(url, shops.b.key, 'GET', '/v1/admin/plugins');
    assert.equal(bPlugins.status, 200);
    assert.doesNotMatch(JSON.stringify(bPlugins.body), /"orders"/, 'shop B lists no plugin of shop A');
    const bRollsBackA = await admin(url, shops.b.key, 'POST', '/v1/admin/plugins/orders/rollback');
    assert.ok(bRollsBackA.status >= 400 && bRollsBackA.status < 500, 'shop B cannot roll back shop A');

    // A shopper on shop A's own page chats: the orders plugin answers (this shop has no
    // order 1001, the demo's order number), then the shopper asks for a person.
    const site = await shopSite(url);
    const shopper = await browser.newContext();
    const page = await shopper.newPage();
    await page.goto(`${site.origin}/${shops.a.id}`);
    const frame = await openChat(page);
    const tracked = await ask(frame, 'where is my order 1001?');
    assert.doesNotMatch(await tracked.innerText(), /UPS|Harbour Street|1Z/i, 'no demo order leaks into shop A');
    await ask(frame, 'can I talk to a person please');

    // Shop A's agent sees the conversation; shop B's agent sees an empty queue.
    const a = await login(url, shops.a.agent, password);
    assert.equal(a.status, 200, JSON.stringify(a.body));
    const agentA = await browser.newContext();
    const consoleA = await agentA.newPage();
    await consoleA.goto(`${url}/console`);
    await consoleA.getByTestId('login-email').fill(shops.a.agent);
    await consoleA.getByTestId('login-password').fill(password);
    await consoleA.getByTestId('login-submit').click();
    await consoleA.getByTestId('queue-item').first().waitFor();

    const agentB = await browser.newContext();
    const consoleB = await agentB.newPage();
    await consoleB.goto(`${url}/console`);
    await consoleB.getByTestId('login-email').fill(shops.b.agent);
    await consoleB.getByTestId('login-password').fill(password);
    const queueB = consoleB.waitForResponse((r) => new URL(r.url()).pathname === '/v1/agent/queue' && r.ok());
    await consoleB.getByTestId('login-submit').click();
    await consoleB.getByTestId('presence').filter({ hasText: 'online' }).waitFor();
    assert.deepEqual((await (await queueB).json()).queue, [], "shop B's queue is empty");
    await consoleB.locator('#queue-empty').filter({ hasText: 'Nobody is waiting' }).waitFor();
    assert.equal(await consoleB.getByTestId('queue-item').count(), 0, "shop B's console lists nothing");

    // Shop B's agent cannot open shop A's conversation by its id either.
    const conversation = await consoleA.getByTestId('queue-item').first().getAttribute('data-id');
    const stolen = await consoleB.evaluate(async (id) => (await fetch(`/v1/agent/conversations/${id}`)).status, conversation);
    assert.ok(stolen === 403 || stolen === 404, `shop B opening shop A's conversation got ${stolen}`);

    await shopper.close();
    await site.close();
    await agentA.close();
    await agentB.close();
  } finally {
    await browser.close();
    await kefu.stop();
  }
});
