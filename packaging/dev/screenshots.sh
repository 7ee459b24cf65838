#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png from the real kiosk window: it starts a private Xvfb
# and the agent with the demo config (shorter idle time), drives it with kioskctl and
# real clicks (xdotool), and takes a screenshot of every screen in Chinese and English.
# Usage: make build && bash packaging/dev/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
out=docs/screenshots
mkdir -p "$out"
disp=:${DISPLAY_NUM:-97}
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"' EXIT

Xvfb "$disp" -screen 0 1280x800x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X${disp#:}" ] && break; sleep 0.05; done
export DISPLAY=$disp LANG=zh_CN.UTF-8 XDG_CACHE_HOME=$tmp/cache XDG_CONFIG_HOME=$tmp/config
sed -e "s#^state_dir: .*#state_dir: $tmp/state#" -e "s#^  socket: .*#  socket: $tmp/k.sock#" \
    -e "s#dir: ../out/prints#dir: $tmp/prints#" -e "s#^  font: \(.*\)#  font: \1\n  idle_timeout: 20s#" \
    configs/demo.yaml >"$tmp/demo.yaml"

./bin/kiosk --config "$tmp/demo.yaml" >"$tmp/kiosk.log" 2>&1 &
ctl() { ./bin/kioskctl --socket "$tmp/k.sock" "$@" >/dev/null; }
for _ in $(seq 100); do ctl status 2>/dev/null && break; sleep 0.1; done

# waitfor SCREEN: until kioskctl status shows the screen (the window draws within a
# frame), for at most 30 s.
waitfor() {
  for _ in $(seq 300); do
    ./bin/kioskctl --socket "$tmp/k.sock" status --json | grep -q "\"screen\": \"$1\"" && { sleep 0.3; return; }
    sleep 0.1
  done
  echo "screen $1 never came" >&2; cat "$tmp/kiosk.log" >&2; exit 1
}
shot() { import -window root "$out/$1.png"; echo "$out/$1.png"; }
click() { xdotool mousemove "$1" "$2" click 1; sleep 0.4; }
lang() { click 1180 40; }         # the language switch, top right
large() { click 130 40; }         # the large-text switch, top left

waitfor attract; sleep 0.5
shot attract-zh; lang; shot attract-en; lang

ctl sim card insert resident; waitfor home
shot home-zh; lang; shot home-en
large; shot home-en-large; large; lang
for xy in "327 687" "595 760" "179 760" "803 760"; do click $xy; done   # S B Z M on the keyboard
shot search-sbzm-zh
click 355 258; waitfor item; shot item-zh   # the first result: 个人参保证明
lang; shot item-en; lang
click 823 605                            # Print
waitfor preview; shot preview-zh
click 856 558                            # Print, under the first page
waitfor printed; shot printed-zh
click 823 440; waitfor rate; shot rate-zh  # Rate and finish
lang; shot rate-en; click 1008 430; sleep 0.5; shot rate-reasons-en  # Dissatisfied
click 455 450; waitfor goodbye; shot goodbye-en; lang                # Long wait
ctl sim card remove; waitfor attract

ctl sim card insert expired; sleep 1.5; shot card-expired-zh; ctl sim card remove

# An application with an instant decision: 老年人优待证办理 (the resident is over 60).
digit() { local x=(1107 171 275 379 483 587 691 795 899 1003); click "${x[$1]}" "$2"; }
ctl sim card insert resident; waitfor home
for xy in "1055 695" "699 768" "483 622"; do click $xy; done   # L N R on the keyboard
click 355 258; waitfor item; shot item-apply-zh; lang; shot item-apply-en; lang
click 823 627; waitfor form; shot form-zh             # 申请办理: the phone number, the only field to type
for d in 1 3 8 0 0 1 3 8 0 0; do digit $d 294; done  # one digit short
click 823 447; sleep 0.3; shot form-error-zh; lang; shot form-error-en; lang
digit 0 333; click 823 485; waitfor review; shot review-zh; lang; shot review-en; lang
click 823 478; waitfor result; shot result-approved-zh; lang; shot result-approved-en; lang
click 271 590; sleep 0.5; shot receipt-printed-zh   # 打印回执 on the receipt printer
click 639 590; waitfor home                           # 办理其他事项
click 859 178; waitfor applications; sleep 0.5; shot applications-zh; lang; shot applications-en; lang
click 639 550; waitfor home

# What the terminal cannot do: a queue number for a staffed counter.
click 1068 178; waitfor departments; click 250 190; waitfor department
click 355 562; waitfor item; shot item-ticket-zh      # 居民身份证办理进度查询, a look-up done at a counter
click 823 590; waitfor ticket; sleep 0.5; shot ticket-zh; lang; shot ticket-en; lang
ctl sim card remove; waitfor attract

# An application that needs the second factor: a code by SMS first (the demo's is 123456).
ctl sim card insert resident; waitfor home
for xy in "179 768" "535 695" "587 622" "171 622"; do click $xy; done   # Z F T Q: 租房提取住房公积金
click 355 258; waitfor item; click 823 627; waitfor second_factor; sleep 0.5
shot second-factor-zh; lang; shot second-factor-en; lang
for xy in "689 361" "857 361" "1025 361" "689 449" "857 449" "1025 449"; do click $xy; done
click 1025 625; waitfor form; shot form-after-code-zh
ctl sim card remove; waitfor attract

# Departments: home → every department → one department's items.
ctl sim card insert resident; waitfor home
click 1068 178; waitfor departments; shot departments-zh   # 按部门查找, right of the search box
click 250 190; waitfor department; shot department-zh      # the first department
ctl sim card remove; waitfor attract

# The countdown shows after 5 s of a 20 s idle time; any touch restarts the idle time.
ctl sim card insert resident; waitfor home
sleep 6; shot countdown-zh
ctl sim card remove; waitfor attract
lang; ctl sim card insert foreign_permanent_2023; waitfor home
sleep 6; shot countdown-en
waitfor take_card; shot take-card-en
ctl sim card remove; waitfor attract

for _ in 1 2 3 4 5; do xdotool mousemove 1250 770 click 1; sleep 0.1; done
waitfor tech_pin; shot technician-pin-zh
for xy in "471 339" "639 339" "807 339" "471 427" "807 603"; do xdotool mousemove $xy click 1; sleep 0.15; done
waitfor tech_status; shot technician-status-zh

ctl sim reader unplug; sleep 1; click 820 645   # exit technician mode
sleep 0.5; shot reader-fault-zh; ctl sim reader replug
