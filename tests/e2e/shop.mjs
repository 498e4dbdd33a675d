// A shop's own site for the embedding tests: another origin than kefu's (its own port on
// loopback; Chromium's Private Network Access refuses a routed public-looking origin that
// loads scripts from loopback), serving one page that embeds kefu with the one-tag snippet.
import { createServer } from 'node:http';

/**
 * Serves `GET /` as a page embedding kefu from `kefuUrl`, with `headers` (a CSP, say) and
 * `head` inserted before the loader's tag (a stub and queued calls, say), `attrs` added to
 * that tag (`data-color="…"`, say), and `/stub.js` as the queueing stub. Resolves to
 * {url, close()}.
 */
export async function shopSite(kefuUrl, { headers = {}, head = '', attrs = '' } = {}) {
  const server = createServer((req, res) => {
    if (req.url === '/stub.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end('window.kefu = window.kefu || function () { (kefu.q = kefu.q || []).push(arguments); };');
      return;
    }
    if (req.url === '/favicon.ico') { res.writeHead(204).end(); return; }
    if (req.url !== '/') { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>Harbour Outfitters</title>${head}
      <script async src="${kefuUrl}/kefu.js" data-merchant="demo"${attrs}></script></head>
      <body><h1>Harbour Outfitters</h1><p>Raincoats and boots.</p>
      <input id="search" aria-label="Search the shop"></body></html>`);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

