#!/usr/bin/env bash
# Signs one Windows executable in place with Authenticode (osslsigncode from Debian), with the
# certificate IT gives: QUYHOACH_SIGN_PFX (a .pfx) and QUYHOACH_SIGN_PASS_FILE (its password, first
# line); QUYHOACH_SIGN_TIMESTAMP optionally names a timestamp server (RFC 3161) when the build
# machine may reach it. Called by scripts/build-windows.sh for both exes and the setup, and by
# the installer script for the uninstaller it writes (NSIS !uninstfinalize).
set -euo pipefail
in="$1"
tmp="$in.ky-so"
ts=()
[ -n "${QUYHOACH_SIGN_TIMESTAMP:-}" ] && ts=(-ts "$QUYHOACH_SIGN_TIMESTAMP")
osslsigncode sign -pkcs12 "$QUYHOACH_SIGN_PFX" -readpass "$QUYHOACH_SIGN_PASS_FILE" \
  -n "Quy hoạch cán bộ" -h sha256 "${ts[@]}" -in "$in" -out "$tmp" >/dev/null
mv -f "$tmp" "$in"
