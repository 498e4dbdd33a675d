// Type declarations for kefu's chat loader (kefu.js), the global `kefu` function it defines.
// Served beside the loader as https://YOUR-KEFU-HOST/kefu.d.ts; copy it into your project
// (e.g. as `types/kefu.d.ts`) and TypeScript knows `window.kefu`.
//
// Calls made before kefu.js has loaded go through the queueing stub (see README,
// "Embedding") and run, in order, once it has. A bad call (unknown command or event, wrong
// arguments) logs `kefu: …` to the console, returns undefined and does not stop the others.

/** Who wrote a message the shopper received. */
type KefuAuthor = 'bot' | 'agent';

/** Who is in charge of the conversation. */
type KefuConversationState = 'bot' | 'waiting_for_human' | 'human' | 'resolved';

/** A shopper identity signed by the shop's server (README, "Signed shopper identity"). */
interface KefuIdentity {
  /** The shopper's email address, as signed. */
  email: string;
  /** Unix time (seconds) after which the signature is refused; at most 24 h ahead. */
  expires: number;
  /** Hex HMAC-SHA256 of `${merchant}|${email}|${expires}` with the shop's identity secret. */
  signature: string;
}

/** What each event gives its listeners. */
interface KefuEvents {
  /** The launcher is drawn and every queued call has run. Fires once. */
  ready: undefined;
  /** The chat panel opened. */
  open: undefined;
  /** The chat panel closed. */
  close: undefined;
  /** A new message from the bot or an agent, panel open or closed (once the chat has been
   * opened on the page: before that, nothing of it is loaded). */
  message: { author: KefuAuthor; text: string };
  /** Messages received while the panel was closed; 0 again when it opens. */
  unread: number;
  /** Who answers changed (a handoff was asked for, an agent joined, the chat was resolved). */
  handoff: { state: KefuConversationState; agent: string | null };
}

type KefuEvent = keyof KefuEvents;

interface Kefu {
  /** Opens the chat panel (loads it the first time) and moves focus to its message box. */
  (command: 'open'): void;
  /** Closes the chat panel; the conversation goes on in the background. */
  (command: 'close'): void;
  /** Opens the panel if closed, closes it if open. */
  (command: 'toggle'): void;
  /** Shows the launcher button (shown by default). */
  (command: 'show'): void;
  /** Hides the launcher button, e.g. to open the chat from your own button with `open`. */
  (command: 'hide'): void;
  /** Vouches for a logged-in shopper, or forgets the identity with `null`. */
  (command: 'identify', identity: KefuIdentity | null): void;
  /** Sets the chat's language ("en", "zh-CN", …); an open panel reloads in it. */
  (command: 'setLocale', locale: string): void;
  /** Listens to an event; returns a function that stops listening. */
  <E extends KefuEvent>(command: 'on', event: E, listener: (detail: KefuEvents[E]) => void): () => void;
  /** Stops `listener`, or every listener of `event` when none is given. */
  <E extends KefuEvent>(command: 'off', event: E, listener?: (detail: KefuEvents[E]) => void): void;
  /** Forgets the conversation on this tab (call it at logout): the panel and the identity
   * go; the launcher stays, and the next open starts a new conversation. */
  (command: 'shutdown'): void;
  /** The queue of the stub, before kefu.js loads. */
  q?: IArguments[];
}

interface Window {
  kefu: Kefu;
}

declare var kefu: Kefu;
