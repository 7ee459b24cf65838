#!/usr/bin/env bash
# The kiosk against the usual alternative, a Chromium kiosk showing a page like our
# attract screen (attract.html beside this script), on this machine. Not a CI step.
#
# For each of RUNS runs, under a private Xvfb (1280×800×24), it starts the program and
# takes real screenshots (ImageMagick `import`) until the screen holds more than 16
# colours: the first drawn frame, as packaging/dev/first-frame.sh measures the kiosk.
# After the last run's first frame it waits SETTLE seconds and sums, over the program's
# whole process tree, VmRSS (/proc/PID/status; counts shared pages once per process)
# Pss (/proc/PID/smaps_rollup; shared pages divided among their users, so it also
# depends on what else runs) and private memory (Private_Clean + Private_Dirty: pages
# no other process maps).
# Then it measures the tree's CPU use over 10 s on the (pulsing) attract screen.
# It also times headless Chromium taking a screenshot of the page (start to exit).
#
# Usage: apt-get install -y chromium && make build && bash packaging/dev/chromium-compare/compare.sh
#   RUNS=5 SETTLE=5 DISPLAY_NUM=93
set -euo pipefail
cd "$(dirname "$0")/../../.."
runs=${RUNS:-5}
settle=${SETTLE:-5}
disp=:${DISPLAY_NUM:-93}
page=file://$PWD/packaging/dev/chromium-compare/attract.html
command -v chromium >/dev/null || { echo "compare: chromium is not installed (apt-get install -y chromium)" >&2; exit 1; }
[ -x bin/kiosk ] || { echo "compare: run make build first" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"' EXIT

Xvfb "$disp" -screen 0 1280x800x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X${disp#:}" ] && break; sleep 0.05; done
export DISPLAY=$disp LANG=zh_CN.UTF-8 XDG_CACHE_HOME=$tmp/cache XDG_CONFIG_HOME=$tmp/config
sed -e "s#^state_dir: .*#state_dir: $tmp/state#" -e "s#^  socket: .*#  socket: $tmp/k.sock#" \
    -e "s#dir: ../out/prints#dir: $tmp/prints#" configs/demo.yaml >"$tmp/demo.yaml"

chromium_flags=(--no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
  --disable-component-update --disable-sync --noerrdialogs --password-store=basic
  --lang=zh-CN --disable-features=Translate)

tree() { # tree PID: PID and all its descendants
  local p=$1 c
  echo "$p"
  for c in $(ps -o pid= --ppid "$p" 2>/dev/null); do tree "$c"; done
}
memory() { # memory PID: "N processes, VmRSS X MiB, Pss Y MiB, private Z MiB" over the tree
  local rss=0 pss=0 uss=0 n=0 p r s u
  for p in $(tree "$1"); do
    r=$(awk '/^VmRSS/{print $2}' "/proc/$p/status" 2>/dev/null || echo 0)
    s=$(awk '/^Pss:/{print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)
    u=$(awk '/^Private_(Clean|Dirty):/{n += $2} END{print n+0}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)
    rss=$((rss + ${r:-0})); pss=$((pss + ${s:-0})); uss=$((uss + ${u:-0})); n=$((n + 1))
  done
  printf '%d processes, VmRSS %.0f MiB, Pss %.0f MiB, private %.0f MiB' "$n" \
    "$(awk "BEGIN{print $rss/1024}")" "$(awk "BEGIN{print $pss/1024}")" "$(awk "BEGIN{print $uss/1024}")"
}
ticks() { # ticks PID: user+system CPU clock ticks used so far by the tree
  local t=0 p
  for p in $(tree "$1"); do
    t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo $t
}
cpu() { # cpu PID SECONDS: the tree's CPU use over SECONDS, in % of one core
  local t0
  t0=$(ticks "$1")
  sleep "$2"
  awk -v d=$(($(ticks "$1") - t0)) -v hz="$(getconf CLK_TCK)" -v s="$2" 'BEGIN{printf "%.1f%% of a core", 100*d/hz/s}'
}
first_frame() { # first_frame PID: waits for a drawn screen; prints nothing
  local colours
  while :; do
    colours=$(import -display "$disp" -window root png:- 2>/dev/null | /usr/bin/convert png:- -format %k info: 2>/dev/null || echo 0)
    if [ "${colours:-0}" -gt 16 ]; then return 0; fi
    kill -0 "$1" 2>/dev/null || { echo "compare: the program exited" >&2; return 1; }
  done
}
measure() { # measure NAME COMMAND...: RUNS first frames, then memory after the last
  local name=$1 i start end pid
  shift
  for i in $(seq "$runs"); do
    rm -rf "$tmp/profile" "$tmp/state"
    start=$(date +%s.%N)
    "$@" >"$tmp/$name.log" 2>&1 &
    pid=$!
    first_frame $pid
    end=$(date +%s.%N)
    printf '%s run %d: first frame after %.2f s\n' "$name" "$i" "$(awk "BEGIN{print $end - $start}")"
    if [ "$i" = "$runs" ]; then
      sleep "$settle"
      import -display "$disp" -window root "$tmp/$name.png"
      printf '%s: after %d s on the attract screen: %s\n' "$name" "$settle" "$(memory $pid)"
      printf '%s: CPU on the attract screen (its pulse) over the next 10 s: %s\n' "$name" "$(cpu $pid 10)"
    fi
    kill -TERM $pid; wait $pid 2>/dev/null || true
    for _ in $(seq 100); do [ -z "$(pgrep -f -- "$tmp/profile" || true)" ] && break; sleep 0.05; done
  done
}

echo "# $(nproc) cores; $(lscpu | awk -F': *' '/^Model name/{print $2}'); $(chromium --version 2>/dev/null)"
measure kiosk ./bin/kiosk --config "$tmp/demo.yaml"
measure chromium chromium "${chromium_flags[@]}" --user-data-dir="$tmp/profile" --kiosk \
  --window-position=0,0 --window-size=1280,800 "$page"
for i in $(seq "$runs"); do
  rm -rf "$tmp/profile"
  start=$(date +%s.%N)
  chromium "${chromium_flags[@]}" --user-data-dir="$tmp/profile" --headless --hide-scrollbars \
    --window-size=1280,800 --screenshot="$tmp/headless.png" "$page" >"$tmp/headless.log" 2>&1
  end=$(date +%s.%N)
  printf 'chromium --headless --screenshot run %d: %.2f s from start to exit\n' "$i" "$(awk "BEGIN{print $end - $start}")"
done
[ -z "${KEEP:-}" ] || cp "$tmp/kiosk.png" "$tmp/chromium.png" "$tmp/headless.png" "$KEEP/"
