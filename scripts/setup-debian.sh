#!/usr/bin/env bash
# Installs what a fresh Debian 12 / Ubuntu machine lacks to build, run and test Quy hoạch cán bộ.
# Idempotent: each step is skipped when its tool is already there.
#   bash scripts/setup-debian.sh          # build + run the app
#   bash scripts/setup-debian.sh --test   # also the test tools (Xvfb, WebDriver, poppler, Python SQLCipher 4)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
want_test=0
[ "${1:-}" = "--test" ] && want_test=1

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

pkgs=(libwebkit2gtk-4.1-dev libssl-dev pkg-config build-essential xvfb xauth)
if [ "$want_test" = 1 ]; then
  # LibreOffice prints the exports and the Word files as a clerk's office suite would (tests count
  # overprinted text, read the page numbers and margins back).
  pkgs+=(webkit2gtk-driver poppler-utils python3-venv fonts-dejavu-core libreoffice-calc-nogui libreoffice-writer-nogui fonts-liberation2)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "==> Cài gói hệ thống: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "Thiếu Rust (cargo). Cài bằng rustup: https://rustup.rs rồi chạy lại." >&2
  exit 1
fi

if [ "$want_test" = 1 ]; then
  # tauri-driver: the WebDriver bridge the end-to-end tests talk to.
  if ! command -v tauri-driver >/dev/null 2>&1; then
    echo "==> Cài tauri-driver"
    # A debug build (a proxy for the tests, speed is not needed; a release build costs minutes
    # more on a cold machine), without CI's clippy wrapper (it lints the workspace, not this).
    env -u RUSTC_WORKSPACE_WRAPPER -u CLIPPY_ARGS cargo install tauri-driver --version '^2' --locked --debug
  fi
  # An independent SQLCipher 4 client (PyPI wheel bundling SQLCipher 4.x), to prove the file is
  # standard, and HiGHS (highspy), the independent solver the plan assistant's optimum is checked
  # against.
  venv="$here/target/pyvenv"
  # Independent readers the tests check the program against: SQLCipher 4 (sqlcipher3), HiGHS
  # (highspy) for the plan assistant, and for the packages sent to the province age (pyrage)
  # and minisign (py-minisign, a pure-Python implementation).
  if ! "$venv/bin/python" -c 'import sqlcipher3, highspy, pyrage, minisign.public_key' >/dev/null 2>&1; then
    echo "==> Cài sqlcipher3-binary, highspy, pyrage và py-minisign vào $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q sqlcipher3-binary highspy pyrage py-minisign
  fi
fi
