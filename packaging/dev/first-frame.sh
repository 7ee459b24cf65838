#!/usr/bin/env bash
# Measures the time from starting the kiosk to its first drawn frame under Xvfb: it
# starts a private Xvfb, starts `bin/kiosk --config configs/demo.yaml`, and takes real
# screenshots (ImageMagick `import`) until the screen holds more than a few colours, i.e.
# the attract screen is drawn. Prints one line per run; RUNS=N for more runs.
# Usage: make build && bash packaging/dev/first-frame.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${RUNS:-5}
disp=:${DISPLAY_NUM:-98}
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"' EXIT

Xvfb "$disp" -screen 0 1280x800x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X${disp#:}" ] && break; sleep 0.05; done
export DISPLAY=$disp LANG=zh_CN.UTF-8 XDG_CACHE_HOME=$tmp/cache XDG_CONFIG_HOME=$tmp/config
sed -e "s#^state_dir: .*#state_dir: $tmp/state#" -e "s#^  socket: .*#  socket: $tmp/k.sock#" \
    -e "s#dir: ../out/prints#dir: $tmp/prints#" configs/demo.yaml >"$tmp/demo.yaml"

for i in $(seq "$runs"); do
  start=$(date +%s.%N)
  ./bin/kiosk --config "$tmp/demo.yaml" >"$tmp/kiosk.log" 2>&1 &
  pid=$!
  while :; do
    colours=$(import -display "$disp" -window root png:- 2>/dev/null | /usr/bin/convert png:- -format %k info: 2>/dev/null || echo 0)
    if [ "${colours:-0}" -gt 16 ]; then break; fi
    if ! kill -0 $pid 2>/dev/null; then echo "kiosk exited:"; cat "$tmp/kiosk.log"; exit 1; fi
  done
  end=$(date +%s.%N)
  shown=$(grep -o 'since_start=[0-9.]*m\?s' "$tmp/kiosk.log" | head -1 || true)
  printf 'run %d: first frame after %.2f s (agent log: window shown %s)\n' "$i" "$(awk "BEGIN{print $end - $start}")" "${shown#since_start=}"
  kill -TERM $pid; wait $pid 2>/dev/null || true
done
