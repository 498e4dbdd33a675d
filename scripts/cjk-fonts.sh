#!/usr/bin/env bash
# Chinese fonts for the browser tests: Chromium draws Chinese as empty boxes without one,
# and the README's screenshots of the Chinese panel are taken by a test. Installs Debian's
# `fonts-wqy-zenhei` (one TrueType collection, ~10 MB) only when fontconfig knows no font
# for Chinese; does nothing otherwise.
set -euo pipefail

log() { echo "cjk-fonts.sh: $*" >&2; }

if command -v fc-list >/dev/null && [[ -n "$(fc-list :lang=zh family)" ]]; then
  exit 0
fi
if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
  log "no font for Chinese is installed; install fonts-wqy-zenhei (or fonts-noto-cjk)"
  exit 1
fi
log "installing fonts-wqy-zenhei from Debian packages (Chinese text in the browser tests)"
DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
  fonts-wqy-zenhei fontconfig >&2
fc-cache -f >/dev/null 2>&1 || true
if [[ -z "$(fc-list :lang=zh family)" ]]; then
  log "fonts-wqy-zenhei was installed but fontconfig lists no font for Chinese"
  exit 1
fi
log "installed: $(fc-list :lang=zh family | head -n 1)"
