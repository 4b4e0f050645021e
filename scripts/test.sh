#!/usr/bin/env bash
# Runs every test of Quy hoạch cán bộ on a fresh Debian 12 / Ubuntu machine:
# installs what is missing, builds the desktop app, then runs unit, integration, CLI,
# independent-SQLCipher-client and end-to-end (real window under Xvfb) tests.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup-debian.sh --test

echo "==> Dựng ứng dụng máy tính (quyhoach-app) cho kiểm thử đầu-cuối"
cargo build -p quyhoach-app

echo "==> Chạy toàn bộ kiểm thử"
# WebKitGTK under Xvfb has no GPU: software rendering keeps screenshots reliable.
export WEBKIT_DISABLE_DMABUF_RENDERER=1
xvfb-run -a --server-args="-screen 0 1366x768x24" cargo test --workspace
