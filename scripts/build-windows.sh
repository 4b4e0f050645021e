#!/usr/bin/env bash
# Builds Quy hoạch cán bộ for Windows 10/11 on a Debian 12 machine, offline from the registries:
# the app (quyhoach-app.exe + WebView2Loader.dll) and the CLI (quyhoach.exe), release, for
# x86_64-pc-windows-gnu with Debian's mingw-w64, then the per-user NSIS installer
#   target/windows/QuyHoachCanBo-<version>-setup.exe
# QUYHOACH_PROFILE=wine builds it in the profile CI tests under wine (same code and semantics,
# compiled quicker; see Cargo.toml); the default, dist (release with fat LTO in one codegen unit:
# setup 13.7 MB instead of 25.9 MB, the two exes 40.3 MB instead of 88.3 MB; about 25 minutes cold
# on two cores), is what IT hands out; QUYHOACH_PROFILE=release builds it without LTO.
# QUYHOACH_WITH_TESTS=1 also builds the tests run under wine (scripts/test-windows.sh).
# Signing (Authenticode): with QUYHOACH_SIGN_PFX (the province's .pfx) and QUYHOACH_SIGN_PASS_FILE
# (its password), both exes, the uninstaller and the setup are signed (scripts/windows/sign.sh,
# osslsigncode); without them the build is unsigned and says so.
# Installs what it needs (mingw-w64, nsis, osslsigncode, the Rust target) when missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"
triple=x86_64-pc-windows-gnu

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
pkgs=(gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64 binutils-mingw-w64-x86-64 nsis perl make)
signing=0
if [ -n "${QUYHOACH_SIGN_PFX:-}" ]; then
  signing=1
  pkgs+=(osslsigncode)
  for f in "$QUYHOACH_SIGN_PFX" "${QUYHOACH_SIGN_PASS_FILE:-}"; do
    [ -f "$f" ] || { echo "Ký số: không thấy tệp “$f” (QUYHOACH_SIGN_PFX và QUYHOACH_SIGN_PASS_FILE phải chỉ tới tệp chứng thư .pfx và tệp mật khẩu của nó)." >&2; exit 1; }
  done
  QUYHOACH_SIGN_PFX=$(realpath "$QUYHOACH_SIGN_PFX")
  QUYHOACH_SIGN_PASS_FILE=$(realpath "$QUYHOACH_SIGN_PASS_FILE")
  export QUYHOACH_SIGN_PFX QUYHOACH_SIGN_PASS_FILE
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "==> Cài gói để dựng bản Windows: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
rustup target list --installed | grep -qx "$triple" || rustup target add "$triple"

# The version is written once, in the workspace's Cargo.toml ([workspace.package]).
version=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
start=$(date +%s)
profile="${QUYHOACH_PROFILE:-dist}"
echo "==> Dựng bản Windows $version ($profile, $triple)"
# OpenSSL and SQLCipher first, alone: their C builds are the longest chain under the core and,
# left to cargo's order, start late and finish on one core after every Rust crate is done.
cargo build --profile "$profile" --target "$triple" -p libsqlite3-sys
if [ "${QUYHOACH_WITH_TESTS:-0}" = 1 ]; then
  # One cargo run for the exes and the tests run under wine: a separate `cargo build` would
  # resolve features without the dev-dependencies and compile shared crates a second time.
  cargo test --profile "$profile" --target "$triple" --workspace --lib --tests --no-run
else
  cargo build --profile "$profile" --target "$triple" -p quyhoach-app --bin quyhoach-app -p quyhoach --bin quyhoach
fi
rel="target/$triple/$profile"
loader=$(find "$rel/build" -path '*webview2-com-sys*' -path '*x64*' -name WebView2Loader.dll | head -1)
[ -n "$loader" ] || loader="$rel/WebView2Loader.dll"
[ -f "$loader" ] || { echo "Không tìm thấy WebView2Loader.dll trong $rel" >&2; exit 1; }

stage="$PWD/target/windows/stage"
rm -rf "$stage"
mkdir -p "$stage"
cp "$rel/quyhoach-app.exe" "$rel/quyhoach.exe" "$stage/"
cp "$loader" "$stage/WebView2Loader.dll"
cp src-tauri/icons/icon.ico "$stage/icon.ico"
cp assets/fonts/OFL.txt "$stage/Giấy phép phông chữ (OFL).txt"
sign="$PWD/scripts/windows/sign.sh"
nsis_sign=()
if [ "$signing" = 1 ]; then
  echo "==> Ký số (Authenticode) hai tệp chương trình bằng $QUYHOACH_SIGN_PFX"
  bash "$sign" "$stage/quyhoach-app.exe"
  bash "$sign" "$stage/quyhoach.exe"
  nsis_sign=(-DSIGN="bash \"$sign\"")
fi
size_kb=$(du -sk "$stage" | cut -f1)
out="$PWD/target/windows/QuyHoachCanBo-$version-setup.exe"
echo "==> Tạo bộ cài $out"
makensis -V2 -INPUTCHARSET UTF8 \
  -DVERSION="$version" -DSTAGE="$stage" -DOUTFILE="$out" -DSIZE_KB="$size_kb" "${nsis_sign[@]}" \
  installer/windows/QuyHoachCanBo.nsi
if [ "$signing" = 1 ]; then
  bash "$sign" "$out"
  echo "==> Đã ký số: quyhoach-app.exe, quyhoach.exe, uninstall.exe (trong bộ cài) và bộ cài."
else
  echo "==> Chưa ký số (không có QUYHOACH_SIGN_PFX): Windows SmartScreen sẽ báo “Windows protected your PC” / nhà phát hành không xác định khi chạy bộ cài."
fi
echo "==> Xong sau $(( $(date +%s) - start )) giây:"
ls -l "$out" "$stage"/*.exe
