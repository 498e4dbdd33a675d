/*! kefu chat loader. Embed with:
 *  <script async src="https://YOUR-KEFU-HOST/kefu.js" data-merchant="YOUR-SHOP"></script>
 * It draws a launcher button and nothing else: no Wasm, no model, no cookies until the
 * shopper opens the chat. The chat itself runs in an iframe served by kefu, so neither
 * side's styles or scripts can touch the other.
 * JS API (calls made before load are queued): kefu('open'), kefu('close'),
 * kefu('identify', {email, expires, signature}), kefu('on', 'open'|'close'|'ready', fn).
 * identify: the merchant's server signs the shopper's email (see README, "Signed shopper
 * identity"); call it before the chat opens. The identity travels in the iframe URL's
 * fragment, which browsers never send to a server.
 */
(function () {
  'use strict';
  var script = document.currentScript ||
    document.querySelector('script[src*="kefu.js"][data-merchant]');
  if (!script || window.__kefuLoaded) return;
  window.__kefuLoaded = true;
  var origin = new URL(script.src, location.href).origin;
  var merchant = script.getAttribute('data-merchant') || 'demo';
  var locale = script.getAttribute('data-locale') || navigator.language || 'en';
  var zh = /^zh/i.test(locale);
  var listeners = {};
  var identity = null;
  var host, root, button, frame, open = false;

  function emit(name, detail) {
    (listeners[name] || []).forEach(function (fn) {
      try { fn(detail); } catch (e) { setTimeout(function () { throw e; }); }
    });
  }

  function build() {
    host = document.createElement('div');
    host.setAttribute('data-kefu', '');
    // Shadow DOM: the page's CSS cannot restyle the launcher, ours cannot leak out.
    root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
    var style = document.createElement('style');
    style.textContent =
      ':host{all:initial}' +
      '.l{position:fixed;right:20px;bottom:20px;z-index:2147483646;width:56px;height:56px;border-radius:50%;border:0;' +
      'background:#0b5fff;color:#fff;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25);display:flex;align-items:center;justify-content:center}' +
      '.l:focus-visible{outline:3px solid #ffbf47;outline-offset:3px}' +
      '.l svg{width:28px;height:28px;fill:currentColor}' +
      '.f{position:fixed;right:20px;bottom:88px;z-index:2147483647;width:380px;height:min(600px,calc(100vh - 110px));border:0;' +
      'border-radius:14px;box-shadow:0 8px 30px rgba(0,0,0,.25);background:#fff}' +
      '@media (max-width:480px){.f{right:0;bottom:0;width:100vw;height:100vh;border-radius:0}}';
    root.appendChild(style);
    button = document.createElement('button');
    button.className = 'l';
    button.type = 'button';
    button.setAttribute('aria-label', zh ? '打开在线客服' : 'Open chat');
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('data-testid', 'kefu-launcher');
    button.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg>';
    button.addEventListener('click', function () { open ? close() : show(); });
    root.appendChild(button);
    document.body.appendChild(host);
    window.addEventListener('message', function (event) {
      if (event.origin === origin && event.data === 'kefu:close') close();
    });
  }

  function show() {
    if (!frame) {
      frame = document.createElement('iframe');
      frame.className = 'f';
      frame.title = zh ? '在线客服' : 'Customer service chat';
      frame.setAttribute('data-testid', 'kefu-frame');
      frame.src = origin + '/widget/?merchant=' + encodeURIComponent(merchant) +
        '&locale=' + encodeURIComponent(locale) +
        (identity ? '#identity=' + encodeURIComponent(JSON.stringify(identity)) : '');
      root.appendChild(frame);
    }
    frame.hidden = false;
    open = true;
    button.setAttribute('aria-expanded', 'true');
    emit('open');
  }

  function close() {
    if (frame) frame.hidden = true;
    open = false;
    button.setAttribute('aria-expanded', 'false');
    button.focus();
    emit('close');
  }

  var api = {
    open: show,
    close: close,
    identify: function (info) {
      if (info && (typeof info.email !== 'string' || typeof info.expires !== 'number' ||
          typeof info.signature !== 'string')) {
        throw new Error('kefu: identify needs {email, expires, signature} from your server');
      }
      identity = info || null;
    },
    on: function (name, fn) { (listeners[name] = listeners[name] || []).push(fn); }
  };

  function call(name) {
    var args = Array.prototype.slice.call(arguments, 1);
    if (!api[name]) throw new Error('kefu: unknown command ' + name);
    return api[name].apply(null, args);
  }

  function start() {
    build();
    // Replay calls made through the stub before the loader arrived.
    var queued = (window.kefu && window.kefu.q) || [];
    window.kefu = call;
    queued.forEach(function (args) { call.apply(null, args); });
    emit('ready');
  }

  if (document.body) start(); else document.addEventListener('DOMContentLoaded', start);
})();
