/*! kefu chat loader. API: README, "Embedding"; types: /kefu.d.ts */
// Embed: <script async src="https://YOUR-KEFU-HOST/kefu.js" data-merchant="YOUR-SHOP"></script>
// It draws a launcher (in a shadow root) and nothing else until the shopper opens the chat,
// which runs in an iframe served by kefu. No inline script or style: it works under a CSP
// without 'unsafe-inline'. Calls made before it loads wait in the stub's kefu.q.
// `cargo xtask build` serves it minified (xtask/src/minify.rs), under a budget.
(function () {
  'use strict';
  var script = document.currentScript ||
    document.querySelector('script[src*="kefu.js"][data-merchant]');
  if (!script || window.__kefuLoaded) return;
  window.__kefuLoaded = true;
  var origin = new URL(script.src, location.href).origin;
  var merchant = script.getAttribute('data-merchant') || 'demo';
  // The shop's colour for the launcher (the panel takes it from the shop's settings).
  var color = script.getAttribute('data-color');
  var locale, zh, identity, host, root, button, badge, live, frame, forgetting, opener;
  var open = false, unread = 0, listeners = {};
  var EVENTS = 'ready open close message unread handoff'.split(' ');
  var vv = window.visualViewport;
  var CSS = ':host{all:initial}[hidden]{display:none!important}' +
    '.l{position:fixed;right:calc(20px + env(safe-area-inset-right,0px));bottom:calc(20px + env(safe-area-inset-bottom,0px));' +
    'z-index:2147483646;width:56px;height:56px;border-radius:50%;border:0;background:#0b5fff;color:#fff;cursor:pointer;' +
    'box-shadow:0 4px 14px rgba(0,0,0,.25);display:grid;place-items:center}' +
    '.l:focus-visible{outline:3px solid #ffbf47;outline-offset:3px}.l svg{width:28px;height:28px;fill:currentColor}' +
    '.b{position:absolute;top:-4px;right:-4px;padding:0 6px;border-radius:10px;background:#c4001a;font:700 12px/20px sans-serif}' +
    '.s{position:fixed;clip-path:inset(50%)}' +
    '.f{position:fixed;right:20px;bottom:88px;z-index:2147483647;width:380px;height:min(600px,calc(100vh - 110px));border:0;' +
    'border-radius:14px;box-shadow:0 8px 30px rgba(0,0,0,.25);background:#fff}' +
    // Phones: the whole screen, inside the notch and home bar; fit() follows the keyboard.
    '@media (max-width:480px){.f{inset:0;width:100%;height:100vh;height:100dvh;box-sizing:border-box;border-radius:0;' +
    'padding:env(safe-area-inset-top,0px) env(safe-area-inset-right,0px) env(safe-area-inset-bottom,0px) env(safe-area-inset-left,0px)}}';

  function emit(name, detail) {
    (listeners[name] || []).slice().forEach(function (fn) {
      try { fn(detail); } catch (e) { setTimeout(function () { throw e; }); }
    });
  }

  function el(tag, cls) {
    var e = document.createElement(tag);
    e.className = cls || '';
    return e;
  }

  function build() {
    host = el('div');
    host.setAttribute('data-kefu', '');
    // Shadow DOM: the page's CSS cannot restyle the launcher, ours cannot leak out.
    root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
    // A constructed sheet is not inline style, so style-src 'self' allows it; <style> is
    // for browsers without adoptedStyleSheets (Safari < 16.4).
    if (root.adoptedStyleSheets) {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } else root.appendChild(el('style')).textContent = CSS;
    button = el('button', 'l');
    button.type = 'button';
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('data-testid', 'kefu-launcher');
    button.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg>' +
      '<span class="b" aria-hidden="true" hidden></span>';
    badge = button.lastChild;
    button.onclick = toggle;
    if (color) paint(color);
    live = el('span', 's');
    live.setAttribute('aria-live', 'polite');
    root.append(button, live);
    root.addEventListener('keydown', function (e) { if (e.key === 'Escape') close(); });
    document.body.appendChild(host);
    window.addEventListener('message', receive);
    if (vv) { vv.addEventListener('resize', fit); vv.addEventListener('scroll', fit); }
    setLocale(script.getAttribute('data-locale') || navigator.language || 'en');
  }

  // The launcher in the shop's colour, its icon black or white, whichever contrasts more
  // (WCAG 2 relative luminance; the runtime chooses the panel's text the same way).
  function paint(c) {
    if (!/^#[0-9a-f]{6}$/i.test(c)) {
      return console.error('kefu: data-color needs a colour like "#0f766e", not "' + c + '"');
    }
    for (var i = 0, l = 0; i < 3; i++) {
      var v = parseInt(c.substr(1 + 2 * i, 2), 16) / 255;
      l += [0.2126, 0.7152, 0.0722][i] * (v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
    }
    button.style.background = c;
    // White contrasts at least as much while (l + 0.05)² ≤ 1.05 × 0.05 (white on a tie).
    button.style.color = (l + 0.05) * (l + 0.05) > 0.0525 ? '#000' : '#fff';
  }

  // The launcher's name says how many messages wait; the live region announces new ones.
  function count(n) {
    var news = !n ? '' : zh ? n + ' 条新消息' : n + (n > 1 ? ' new messages' : ' new message');
    if (n !== unread) { unread = n; live.textContent = news; emit('unread', n); }
    badge.textContent = n;
    badge.hidden = !n;
    button.setAttribute('aria-label', (zh ? '打开在线客服' : 'Open chat') + (n ? (zh ? '，' : ', ') + news : ''));
  }

  // What the panel posts: {kefu: 'close' | 'message' | 'handoff', …}, only from its window.
  function receive(e) {
    var d = e.data || {}, kind = d.kefu;
    if (e.origin != origin || !frame || e.source != frame.contentWindow) return;
    if (kind == 'close') close();
    if (kind == 'message') {
      emit(kind, { author: d.author, text: d.text });
      if (!open) count(unread + 1);
    }
    if (kind == 'handoff') emit(kind, { state: d.state, agent: d.agent || null });
  }

  // On a phone the panel follows the visual viewport, which shrinks for the keyboard.
  function fit() {
    if (!frame) return;
    var phone = vv && matchMedia('(max-width:480px)').matches;
    frame.style.height = phone ? vv.height + 'px' : '';
    frame.style.top = phone ? vv.offsetTop + 'px' : '';
  }

  function mount() {
    var q = encodeURIComponent;
    frame = el('iframe', 'f');
    frame.title = zh ? '在线客服' : 'Customer service chat';
    frame.setAttribute('data-testid', 'kefu-frame');
    // `origin`: where the panel may post its events. The identity goes in the fragment,
    // which browsers never send to a server.
    frame.src = origin + '/widget/?merchant=' + q(merchant) + '&locale=' + q(locale) +
      '&origin=' + q(location.origin) + (identity ? '#identity=' + q(JSON.stringify(identity)) : '');
    frame.hidden = !open;
    root.appendChild(frame);
    fit();
  }

  // A new panel for a new identity or language: the conversation goes on in it.
  function remount() {
    if (frame) { frame.remove(); mount(); }
  }

  function show() {
    if (open) return;
    opener = document.activeElement;
    open = true;
    if (frame) frame.hidden = false;
    else if (!forgetting) mount();
    button.setAttribute('aria-expanded', 'true');
    if (frame) {
      // Into the panel, which puts it on its composer (a new panel does so once it loads).
      frame.focus();
      frame.contentWindow.postMessage({ kefu: 'focus' }, origin);
    }
    count(0);
    emit('open');
  }

  function close() {
    if (!open) return;
    // Focus goes back to the launcher only if it was in the chat (or on the launcher).
    var inside = document.activeElement === host;
    open = false;
    if (frame) frame.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (inside) (button.hidden ? opener : button).focus();
    emit('close');
  }

  function toggle() {
    open ? close() : show();
  }

  function setLocale(tag) {
    if (!tag || typeof tag != 'string') throw new TypeError('setLocale needs a language tag like "zh-CN"');
    locale = tag;
    zh = /^zh/i.test(tag);
    count(unread);
    remount();
  }

  function listening(name, fn, optional) {
    if (EVENTS.indexOf(name) < 0 || !(optional && !fn) && typeof fn != 'function') {
      throw new TypeError('on/off needs an event (' + EVENTS + ') and a function');
    }
    return listeners[name] = listeners[name] || [];
  }

  // Own properties only: kefu('constructor') or kefu('toString') is an unknown command.
  var api = {
    open: show,
    close: close,
    toggle: toggle,
    show: function () { button.hidden = false; },
    hide: function () { button.hidden = true; },
    identify: function (info) {
      if (info && (typeof info.email != 'string' || typeof info.expires != 'number' ||
          typeof info.signature != 'string')) {
        throw new TypeError('identify needs {email, expires, signature}');
      }
      identity = info || null;
      remount();
    },
    setLocale: setLocale,
    on: function (name, fn) {
      listening(name, fn).push(fn);
      return function () { api.off(name, fn); };
    },
    off: function (name, fn) {
      var list = listening(name, fn, true);
      listeners[name] = fn ? list.filter(function (f) { return f !== fn; }) : [];
    },
    // Forgets the conversation on this tab (at logout): the panel goes, and a tiny page on
    // kefu's origin clears what the panel kept in sessionStorage. The next open starts anew.
    shutdown: function () {
      close();
      if (frame) frame.remove();
      frame = identity = null;
      count(0);
      var f = forgetting = el('iframe');
      f.hidden = true;
      f.src = origin + '/widget/forget.html';
      f.onload = function () {
        f.remove();
        if (forgetting !== f) return;
        forgetting = null;
        if (open) { mount(); frame.focus(); }
      };
      root.appendChild(f);
    }
  };

  // A bad call logs why and returns undefined; it never stops the calls after it.
  function call(name) {
    try {
      if (!api.hasOwnProperty(name)) {
        throw new TypeError('unknown command "' + name + '"; commands: ' + Object.keys(api));
      }
      return api[name].apply(null, [].slice.call(arguments, 1));
    } catch (e) {
      console.error('kefu: ' + e.message);
    }
  }

  function start() {
    build();
    // Replay calls made through the stub before the loader arrived.
    var queued = (window.kefu && window.kefu.q) || [];
    window.kefu = call;
    [].forEach.call(queued, function (args) { call.apply(null, args); });
    emit('ready');
  }

  if (document.body) start(); else document.addEventListener('DOMContentLoaded', start);
})();
