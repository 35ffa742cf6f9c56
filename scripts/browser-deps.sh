#!/usr/bin/env bash
# Install Debian's Chromium and Thai fonts for the browser tests, where this
# user may; otherwise say how, and the browser tests will be skipped.
set -u
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi tlwg || need+=(fonts-thai-tlwg)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  SUDO="sudo"
else
  echo "Browser tests will be skipped: run 'sudo apt-get install -y ${need[*]}' to include them."
  exit 0
fi
echo "Installing ${need[*]} for the browser tests..."
$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null \
  || echo "Could not install ${need[*]}: browser tests will be skipped (and fail under CI)."
