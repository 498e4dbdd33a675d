// kefu('shutdown'): forgets what the chat panel kept on this tab (the conversation's id and
// the last message reported to the page) before the loader removes this hidden frame. Its
// storage is the panel's: same origin, same tab, same shop site.
try {
  sessionStorage.clear();
} catch (e) {
  // Storage blocked: the panel could not have kept anything either.
}
