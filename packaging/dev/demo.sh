#!/usr/bin/env bash
# Runs the demo kiosk window (called by `make demo` after the build). Without a display it
# starts Xvfb on :99 and says how to look at the screen.
set -euo pipefail
cd "$(dirname "$0")/../.."

# Fyne wants a UTF-8 locale with a language tag ("C.UTF-8" logs a parse error).
case "${LANG:-}" in C.*|POSIX*|"") export LANG=zh_CN.UTF-8 ;; *UTF-8*|*utf8*) ;; *) export LANG=zh_CN.UTF-8 ;; esac
mkdir -p var/demo/home out/prints
export XDG_CACHE_HOME="${XDG_CACHE_HOME:-$PWD/var/demo/home/.cache}"
export XDG_CONFIG_HOME="${XDG_CONFIG_HOME:-$PWD/var/demo/home/.config}"

if [ -z "${DISPLAY:-}" ]; then
  export DISPLAY=:99
  if ! [ -e /tmp/.X11-unix/X99 ]; then
    Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp >var/demo/xvfb.log 2>&1 &
    echo "demo: no display, so Xvfb runs on $DISPLAY (pid $!)."
    for _ in $(seq 50); do [ -e /tmp/.X11-unix/X99 ] && break; sleep 0.1; done
  fi
  echo "demo: screenshot with: DISPLAY=$DISPLAY import -window root shot.png"
fi
cat <<MSG
demo: the kiosk starts on $DISPLAY. In another terminal:
  ./bin/kioskctl --config configs/demo.yaml status
  ./bin/kioskctl --config configs/demo.yaml sim card insert      # a citizen arrives
  ./bin/kioskctl --config configs/demo.yaml sim card remove      # and leaves
Printed proofs land in out/prints/. Stop with Ctrl-C.
MSG
exec ./bin/kiosk --config configs/demo.yaml
