#!/usr/bin/env bash
# Starts Quy hoạch cán bộ on a fresh Debian 12 / Ubuntu machine: installs the system
# packages it lacks, builds, and opens the window. The first-run screen offers the demo ward
# (phường mẫu), ready to open; its passphrase is shown on that screen.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup-debian.sh
cargo build -p quyhoach-app
app=target/debug/quyhoach-app
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "Không có màn hình: chạy trong màn hình ảo (Xvfb)."
  exec xvfb-run -a --server-args="-screen 0 1366x768x24" "$app" "$@"
fi
exec "$app" "$@"
