#!/usr/bin/env bash
# Resident memory of the agent over many citizen sessions. Builds bin/kiosk and
# bin/kioskctl, starts the agent with configs/demo.yaml in a temporary state folder
# (headless, or windowed under a private Xvfb), and drives SESSIONS sessions through the
# local API, as `kioskctl sim card insert` and `sim card remove` do, with
# packaging/dev/bench-sessions.go: put the card on, wait until the session has started
# (the reader is polled every 200 ms), take it off, wait until the session has ended.
# VmRSS, RssAnon (heap, stacks), RssFile (mapped files) and VmHWM (the peak) from
# /proc/PID/status every EVERY sessions; at the end,
# the least-squares slope of VmRSS after WARMUP sessions.
#
# Usage: bash packaging/dev/bench-sessions.sh [headless|windowed|both]
#   SESSIONS=1000 EVERY=100 WARMUP=200 DISPLAY_NUM=93 NOBUILD=1 (skip the build)
set -euo pipefail
cd "$(dirname "$0")/../.."
mode=${1:-both}
sessions=${SESSIONS:-1000}
every=${EVERY:-100}
warmup=${WARMUP:-200}
disp=:${DISPLAY_NUM:-93}

[ -n "${NOBUILD:-}" ] || make --no-print-directory build >/dev/null
tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
go build -o "$tmp/driver" packaging/dev/bench-sessions.go

# Fyne wants a UTF-8 locale with a language tag.
export LANG=zh_CN.UTF-8 XDG_CACHE_HOME=$tmp/cache XDG_CONFIG_HOME=$tmp/config

run_mode() { # run_mode headless|windowed
  local m=$1 dir=$tmp/$1 pid sock
  mkdir -p "$dir"
  sed -e "s#^state_dir: .*#state_dir: $dir/state#" -e "s#^  socket: .*#  socket: $dir/k.sock#" \
      -e "s#dir: ../out/prints#dir: $dir/prints#" -e "s#^  format: text#  format: text\n  level: warn#" \
      configs/demo.yaml >"$dir/demo.yaml"
  sock=$dir/k.sock
  if [ "$m" = headless ]; then
    ./bin/kiosk --config "$dir/demo.yaml" --headless >"$dir/kiosk.log" 2>&1 &
  else
    DISPLAY=$disp ./bin/kiosk --config "$dir/demo.yaml" >"$dir/kiosk.log" 2>&1 &
  fi
  pid=$!
  pids+=("$pid")
  for _ in $(seq 200); do ./bin/kioskctl --socket "$sock" status >/dev/null 2>&1 && break; sleep 0.05; done
  ./bin/kioskctl --socket "$sock" status >/dev/null
  sleep 2 # let the start-up settle (first catalog index, first frame)
  "$tmp/driver" -socket "$sock" -pid "$pid" -label "$m ($(nproc) cores)" \
    -sessions "$sessions" -every "$every" -warmup "$warmup"
  if grep -qi 'level=error' "$dir/kiosk.log"; then echo "# $m: the agent logged errors:"; grep -i 'level=error' "$dir/kiosk.log" | head -5; fi
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
}

case $mode in
  headless) run_mode headless ;;
  windowed|both)
    if [ ! -e "/tmp/.X11-unix/X${disp#:}" ]; then
      Xvfb "$disp" -screen 0 1280x800x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
      pids+=("$!")
      for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X${disp#:}" ] && break; sleep 0.05; done
    fi
    [ "$mode" = both ] && run_mode headless
    run_mode windowed ;;
  *) echo "usage: $0 [headless|windowed|both]" >&2; exit 2 ;;
esac
