#!/usr/bin/env bash
# The Windows build tested under wine (Debian's wine 8.0), on Debian 12:
#   1. builds the app, CLI, the tests and the installer once (scripts/build-windows.sh, profile wine);
#   2. runs the core's integration tests compiled for Windows, under wine;
#   3. tests the installer: silent install per user, shortcuts and the Apps & features entry, the
#      installed quyhoach.exe on a ward in a Vietnamese path, files it wrote read back from the
#      Linux side (an independent SQLCipher 4 client, pdftotext, the workbook's XML), the app exe
#      reaching its WebView2 check (wine has no WebView2) and exiting with the Vietnamese message,
#      an upgrade in place, and a silent uninstall that keeps the ward's data;
#   4. signing with a throw-away certificate (osslsigncode verifies every signature);
#   5. an upgrade from the previous release (installer/windows/previous-release): its setup built
#      from its commit, a ward made with it, today's setup installed over it, compared.
# Prints "windows: N passed, M failed" and exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"
root="$PWD"
triple=x86_64-pc-windows-gnu

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
pkgs=(wine wine64 gcc-mingw-w64-x86-64 xvfb xauth poppler-utils osslsigncode openssl)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "==> Cài gói để chạy thử bản Windows: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Everything under wine runs in a display of its own and a UTF-8 locale (Vietnamese arguments).
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a --server-args="-screen 0 1366x768x24" bash "$0" "$@"
fi
export LC_ALL=C.UTF-8 LANG=C.UTF-8

# The profile CI tests (Cargo.toml: release semantics, compiled quicker), the exes and the tests
# built in one cargo run (under .ci/run clippy lints them as they compile).
export QUYHOACH_PROFILE="${QUYHOACH_PROFILE:-wine}"
QUYHOACH_WITH_TESTS=1 bash scripts/build-windows.sh
# The version is written once, in the workspace's Cargo.toml ([workspace.package]).
version=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
setup="$root/target/windows/QuyHoachCanBo-$version-setup.exe"

echo "==> Chuẩn bị wine"
export WINEPREFIX="$root/target/wine" WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
if [ ! -f "$WINEPREFIX/system.reg" ]; then
  wineboot -i >/dev/null 2>&1 || true
  wineserver -w
fi
# Debian's wine 8.0 lacks bcryptprimitives.dll, which Rust's std imports (wine 8.13 added it).
sys32="$WINEPREFIX/drive_c/windows/system32"
if [ ! -f "$sys32/bcryptprimitives.dll" ]; then
  x86_64-w64-mingw32-gcc -O2 -shared -o "$sys32/bcryptprimitives.dll" \
    scripts/windows/bcryptprimitives.c scripts/windows/bcryptprimitives.def -lbcrypt
fi
wenv() { wine cmd /c "echo %$1%" 2>/dev/null | tr -d '\r'; }
unix() { winepath -u "$1" 2>/dev/null | tr -d '\r'; }

echo "==> Kiểm thử lõi chương trình trên Windows (dưới wine)"
CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER=wine \
  cargo test --profile "$QUYHOACH_PROFILE" --target "$triple" --workspace --lib --tests --no-fail-fast

echo "==> Kiểm thử bộ cài dưới wine"
passed=0
failed=0
# The uninstaller returns before its copy in %TEMP% has removed the files: wait for it.
wait_uninstalled() {
  for _ in $(seq 1 60); do
    [ -f "$inst/quyhoach.exe" ] || break
    sleep 1
  done
  wineserver -w || true
}

check() { # check "what" command...
  local what="$1"
  shift
  if "$@" >/dev/null 2>&1; then
    passed=$((passed + 1))
    echo "  ok   $what"
  else
    failed=$((failed + 1))
    echo "  LỖI  $what"
  fi
}
contains() { grep -qF -- "$2" <<<"$1"; }

appdata_w=$(wenv APPDATA)
local_w=$(wenv LOCALAPPDATA)
profile_w=$(wenv USERPROFILE)
inst="$(unix "$local_w\\Programs\\QuyHoachCanBo")"
data_default="$(unix "$appdata_w\\QuyHoachCanBo")"
regkey='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\QuyHoachCanBo'
rm -rf "$inst"

start=$(date +%s%N)
check "cài im lặng (/S) không cần quyền quản trị" wine "$setup" /S
echo "       (cài mất $(( ($(date +%s%N) - start) / 1000000 )) ms)"
check "chương trình nằm trong thư mục Programs của người dùng" test -f "$inst/quyhoach-app.exe" -a -f "$inst/quyhoach.exe" -a -f "$inst/WebView2Loader.dll" -a -f "$inst/uninstall.exe"
# reg.exe prints through the console code page (lossy for Vietnamese): read the registry file.
read_uninstall_entry() {
  wineserver -w
  python3 - "$WINEPREFIX/user.reg" <<'PY'
import re, sys
t = open(sys.argv[1], encoding="utf-8", errors="replace").read()
i = t.find("[Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Uninstall\\\\QuyHoachCanBo]")
sec = t[i:t.find("\n\n", i)] if i >= 0 else ""
print(re.sub(r"\\x([0-9a-fA-F]{1,4})", lambda m: chr(int(m.group(1), 16)), sec))
PY
}
reg=$(read_uninstall_entry)
check "mục trong Apps & features: tên, phiên bản, gỡ cài đặt" bash -c 'grep -qF "\"DisplayName\"=\"Quy hoạch cán bộ\"" <<<"$0" && grep -qF "\"DisplayVersion\"=\"'"$version"'\"" <<<"$0" && grep -qF "uninstall.exe" <<<"$0"' "$reg"
startmenu="$(unix "$appdata_w\\Microsoft\\Windows\\Start Menu\\Programs")"
desktop="$(unix "$(wenv USERPROFILE)\\Desktop")"
check "lối tắt trong menu Start" test -f "$startmenu/Quy hoạch cán bộ.lnk"
check "lối tắt trên màn hình nền" test -f "$desktop/Quy hoạch cán bộ.lnk"

# The app exe carries its product name, version, company and icon (version resource, UTF-16).
check "quyhoach-app.exe có tên sản phẩm, phiên bản, công ty và biểu tượng" python3 - "$inst/quyhoach-app.exe" "$version" <<'PY'
import sys
b = open(sys.argv[1], "rb").read()
u = lambda s: s.encode("utf-16-le")
need = [u("ProductName"), u("Quy hoạch cán bộ"), u("ProductVersion"), u(sys.argv[2]), u("CompanyName"), u("FileDescription")]
missing = [n for n in need if n not in b]
# An icon group resource starts with reserved 0, type 1 (icon) and holds several sizes.
sys.exit(1 if missing or b"\x00\x00\x01\x00\x07\x00" not in b else 0)
PY

# The installed CLI on a ward in a path like a clerk's.
cli="$inst/quyhoach.exe"
ward_w="$profile_w\\Văn phòng\\Tài liệu\\Phường Phổ Hòa\\dữ liệu.db"
ward="$(unix "$ward_w")"
rm -rf "$(dirname "$ward")"
mkdir -p "$(dirname "$ward")"
printf 'mật khẩu phường 2026\n' >"$(dirname "$ward")/mật khẩu.txt"
pass_w="$profile_w\\Văn phòng\\Tài liệu\\Phường Phổ Hòa\\mật khẩu.txt"
q() { wine "$cli" "$@" --passphrase-file "$pass_w" 2>&1 | tr -d '\r'; }
check "quyhoach.exe tạo cơ sở dữ liệu ở đường dẫn có dấu và dấu cách" \
  wine "$cli" init --db "$ward_w" --passphrase-file "$pass_w" --ward "Đảng ủy phường Phổ Hòa" --superior "Đảng bộ tỉnh Quảng Ngãi" --place "Phổ Hòa"
printf '%s' '{"full_name":"Phạm Thị Hường","sex":"nu","birth_date":"12/08/1988","cccd":"051188004567","status":"dang_cong_tac"}' \
  | wine "$cli" person add --db "$ward_w" --passphrase-file "$pass_w" >/dev/null 2>&1 || true
listed=$(q person list --db "$ward_w" --json)
check "quyhoach.exe đọc lại hồ sơ tiếng Việt" contains "$listed" "Phạm Thị Hường"
py="$root/target/pyvenv/bin/python"
read_db='import sys; from sqlcipher3 import dbapi2 as s; c = s.connect(sys.argv[1]); c.execute("PRAGMA key = \x27%s\x27" % sys.argv[2]); print([r[0] for r in c.execute("SELECT full_name FROM person")], c.execute("PRAGMA cipher_version").fetchone()[0])'
got=$("$py" -c "$read_db" "$ward" "mật khẩu phường 2026" 2>&1 || true)
check "trình SQLCipher 4 độc lập (Linux) mở tệp do bản Windows ghi" contains "$got" "Phạm Thị Hường"
got=$("$py" -c "$read_db" "$ward" "sai mật khẩu" 2>&1 || true)
check "… và không mở được khi sai mật khẩu" bash -c '! grep -qF "Phạm Thị Hường" <<<"$0"' "$got"

# A PDF and a workbook written by the Windows build, checked from the Linux side.
demo_w="$profile_w\\Văn phòng\\Tài liệu\\Phường mẫu.db"
rm -f "$(unix "$demo_w")"
check "quyhoach.exe tạo phường mẫu" wine "$cli" demo --out "$demo_w" --passphrase-file "$pass_w"
pdf_w="$profile_w\\Văn phòng\\Tài liệu\\Tờ trình số 1.pdf"
xlsx_w="$profile_w\\Văn phòng\\Tài liệu\\Trích ngang 2030-2035.xlsx"
rm -f "$(unix "$pdf_w")" "$(unix "$xlsx_w")"
wine "$cli" doc to-trinh --db "$demo_w" --passphrase-file "$pass_w" --term 2030-2035 --issue --ngay 05/01/2027 \
  --nguoi-ky "Nguyễn Văn Nho" --out "$pdf_w" >/dev/null 2>&1 || true
text=$(pdftotext -layout "$(unix "$pdf_w")" - 2>/dev/null | tr -s ' \n' ' ' || true)
check "Tờ trình PDF của bản Windows: chữ Việt, số văn bản, ngày" bash -c 'grep -qF "TỜ TRÌNH" <<<"$0" && grep -qF "Số 01-TTr/ĐU" <<<"$0" && grep -qF "ngày 05 tháng 01 năm 2027" <<<"$0"' "$text"
fonts=$(pdffonts "$(unix "$pdf_w")" 2>/dev/null || true)
check "phông chữ nhúng và thu gọn (emb sub uni)" bash -c 'n=$(tail -n +3 <<<"$0" | grep -c " yes yes yes "); [ "$n" -ge 3 ]' "$fonts"
wine "$cli" export trich-ngang --db "$demo_w" --passphrase-file "$pass_w" --term 2030-2035 --out "$xlsx_w" >/dev/null 2>&1 || true
xl=$("$py" -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.read("xl/sharedStrings.xml").decode())' "$(unix "$xlsx_w")" 2>&1 || true)
check "bảng tính Excel của bản Windows đọc được, tiêu đề tiếng Việt có nhiệm kỳ" contains "$xl" "TRÍCH NGANG CÁN BỘ QUY HOẠCH NHIỆM KỲ 2030 – 2035"

# The CLI's open + list time on 10,000 people, under wine (wine's own start included): a figure
# of the build handed out only (the wine profile's is not what a clerk runs).
if [ "$QUYHOACH_PROFILE" != wine ]; then
  big_w="$profile_w\\Văn phòng\\Tài liệu\\10000 người.db"
  rm -f "$(unix "$big_w")"
  wine "$cli" demo --out "$big_w" --size 10000 --passphrase-file "$pass_w" >/dev/null 2>&1 || true
  t0=$(date +%s%N)
  wine "$cli" --version >/dev/null 2>&1 || true
  t1=$(date +%s%N)
  n=$(wine "$cli" person list --db "$big_w" --passphrase-file "$pass_w" 2>/dev/null | wc -l)
  t2=$(date +%s%N)
  echo "       quyhoach.exe person list trên 10.000 người dưới wine: $(( (t2 - t1) / 1000000 )) ms ($n dòng; riêng khởi động wine $(( (t1 - t0) / 1000000 )) ms)"
  check "danh sách 10.000 người" test "$n" -ge 10000
fi

# The app exe: no WebView2 under wine, so it must stop at its own check with the Vietnamese
# message (no panic, no English box), exit code 3.
appdata_test="$(unix "$profile_w\\Dữ liệu thử")"
rm -rf "$appdata_test"
set +e
QUYHOACH_NO_DIALOG=1 QUYHOACH_DATA_DIR="$profile_w\\Dữ liệu thử" timeout 120 wine "$inst/quyhoach-app.exe" >/dev/null 2>&1
code=$?
set -e
check "quyhoach-app.exe thiếu WebView2: thoát mã 3 (không treo, không sập)" test "$code" -eq 3
msg=$(cat "$appdata_test/khoi-dong.log" 2>/dev/null || true)
check "… và ghi thông báo tiếng Việt nêu cách khắc phục" bash -c 'grep -qF "Microsoft Edge WebView2 Runtime" <<<"$0" && grep -qF "bộ phận CNTT" <<<"$0"' "$msg"

# The ward's own data at the default place, to see that an uninstall keeps it.
rm -rf "$data_default"
check "quyhoach.exe tạo dữ liệu ở %APPDATA%\\QuyHoachCanBo" \
  wine "$cli" init --passphrase-file "$pass_w" --ward "Đảng ủy phường Phổ Hòa" --superior "Đảng bộ tỉnh Quảng Ngãi" --place "Phổ Hòa"
check "… tệp quyhoach.db ở đó" test -f "$data_default/quyhoach.db"

check "nâng cấp: cài lại đè lên bản đang có" wine "$setup" /S
reg=$(read_uninstall_entry)
check "… vẫn một mục, đúng phiên bản" bash -c 'grep -qF "\"DisplayVersion\"=\"'"$version"'\"" <<<"$0"' "$reg"

check "gỡ im lặng (/S)" wine "$inst/uninstall.exe" /S
wait_uninstalled
check "… chương trình đã được gỡ" test ! -e "$inst/quyhoach.exe" -a ! -e "$inst/uninstall.exe"
check "… mục trong Apps & features đã xóa" bash -c '! wine reg query "$0" >/dev/null 2>&1' "$regkey"
check "… lối tắt đã xóa" test ! -e "$startmenu/Quy hoạch cán bộ.lnk" -a ! -e "$desktop/Quy hoạch cán bộ.lnk"
check "… dữ liệu của đơn vị vẫn còn" test -f "$data_default/quyhoach.db" -a -f "$ward"

# Signing (issue 26 §3) with a throw-away self-signed certificate: the build signs both exes, the
# uninstaller inside the setup and the setup; osslsigncode verifies each against that
# certificate, after refusing the unsigned exe (so the check can fail).
certdir=$(mktemp -d)
printf 'chung thu thu 2026\n' >"$certdir/pass.txt"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$certdir/key.pem" -out "$certdir/cert.pem" -days 2 \
  -subj "/CN=Quy hoach can bo (chung thu thu)" >/dev/null 2>&1
openssl pkcs12 -export -out "$certdir/thu.pfx" -inkey "$certdir/key.pem" -in "$certdir/cert.pem" \
  -passout file:"$certdir/pass.txt"
signed() { osslsigncode verify -CAfile "$certdir/cert.pem" -in "$1" 2>&1 | grep -q "Signature verification: ok"; }
check "bản chưa ký: osslsigncode không thấy chữ ký" bash -c '! osslsigncode verify -CAfile "$0" -in "$1"' "$certdir/cert.pem" "$root/target/windows/stage/quyhoach.exe"
echo "==> Dựng lại bộ cài có ký số (chứng thư thử)"
QUYHOACH_SIGN_PFX="$certdir/thu.pfx" QUYHOACH_SIGN_PASS_FILE="$certdir/pass.txt" QUYHOACH_WITH_TESTS=1 \
  bash "$root/scripts/build-windows.sh" >/dev/null
check "chữ ký số của quyhoach-app.exe" signed "$root/target/windows/stage/quyhoach-app.exe"
check "chữ ký số của quyhoach.exe" signed "$root/target/windows/stage/quyhoach.exe"
check "chữ ký số của bộ cài" signed "$setup"
check "cài bộ cài đã ký (/S)" wine "$setup" /S
check "chữ ký số của uninstall.exe đã cài" signed "$inst/uninstall.exe"
check "… tệp chương trình đã cài mang chữ ký" signed "$inst/quyhoach.exe"
check "gỡ bản đã ký (/S)" wine "$inst/uninstall.exe" /S
wait_uninstalled
rm -rf "$certdir"

ls -l "$setup" "$root/target/windows/stage/"*.exe | awk '{print "       " $5 " byte  " $9}'
# Upgrading a ward from the previous release (issue 26 §1): that release's setup, built from its
# commit (installer/windows/previous-release) in this target folder, installed per user; a ward
# made and worked on with its CLI; today's setup installed over it while nothing runs; today's
# CLI opens the ward and prints every person, the plan's history, the register, the rule set and
# the targets as the old one did, and the file as it was is kept beside it under the old
# version's name. Last, since building the old release overwrites the stage folder.
read -r prev_version prev_commit < <(grep -v '^#' "$root/installer/windows/previous-release")
have_prev() { git -C "$root" cat-file -e "$prev_commit^{commit}" 2>/dev/null; }
# A shallow clone lacks it: ask the remote it came from for that commit.
have_prev || git -C "$root" fetch -q --depth 1 origin "$prev_commit" >/dev/null 2>&1 || true
if ! have_prev; then
  echo "  BỎ QUA  nâng cấp từ bản $prev_version: bản sao git này không có commit $prev_commit và không lấy được (cần lịch sử đầy đủ, không phải bản sao nông)"
else
  echo "==> Dựng bộ cài bản trước ($prev_version, commit ${prev_commit:0:10})"
  prev_tree=$(mktemp -d)
  git -C "$root" archive "$prev_commit" | tar -x -C "$prev_tree"
  # Its build shares this target folder (dependencies already compiled); it is not linted.
  ln -s "$root/target" "$prev_tree/target"
  (cd "$prev_tree" && env -u RUSTC_WORKSPACE_WRAPPER -u CLIPPY_ARGS QUYHOACH_PROFILE=wine \
    bash scripts/build-windows.sh >"$root/target/windows/bản-trước.log" 2>&1) ||
    { tail -20 "$root/target/windows/bản-trước.log"; exit 1; }
  prev_setup="$prev_tree/QuyHoachCanBo-$prev_version-setup.exe"
  cp "$root/target/windows/QuyHoachCanBo-$prev_version-setup.exe" "$prev_setup"
  check "cài bản trước $prev_version (/S)" wine "$prev_setup" /S
  check "… quyhoach.exe đã cài là bản $prev_version" contains "$(wine "$cli" --version 2>&1 | tr -d '\r')" "$prev_version"
  up_dir_w="$profile_w\\Văn phòng\\Nâng cấp"
  up_dir="$(unix "$up_dir_w")"
  rm -rf "$up_dir"
  mkdir -p "$up_dir"
  printf 'mật khẩu nâng cấp 2026\n' >"$up_dir/mật khẩu.txt"
  up_w="$up_dir_w\\Phường Phổ Hòa.db"
  uq() { wine "$cli" --db "$up_w" --passphrase-file "$up_dir_w\\mật khẩu.txt" "$@" 2>/dev/null | tr -d '\r'; }
  check "bản $prev_version tạo phường mẫu" wine "$cli" demo --out "$up_w" --passphrase-file "$up_dir_w\\mật khẩu.txt"
  # Worked on as a clerk would: numbers issued and skipped, one cancelled, a target, rules edited.
  uq doc to-trinh --term 2030-2035 --date 01/12/2026 --issue --signer "Nguyễn Văn Nho" \
    --signer-title "BÍ THƯ" --out "$up_dir_w\\1.pdf" >/dev/null
  uq doc to-trinh --term 2030-2035 --date 03/12/2026 --issue --number 5 \
    --skip-numbers "Số giữ cho văn bản khác" --out "$up_dir_w\\2.pdf" >/dev/null
  printf '%s' '{"full_name":"Lê Thị Nâng Cấp","sex":"nu","birth_date":"03/04/1990","cccd":"051190004321","status":"dang_cong_tac"}' \
    | wine "$cli" person add --db "$up_w" --passphrase-file "$up_dir_w\\mật khẩu.txt" >/dev/null 2>&1
  uq register cancel --type TTr --term 2025-2030 --number 1 --reason "Văn bản ban hành nhầm" >/dev/null
  uq target add --body BTV --indicator nu --min 0,25 --year 2030 --source "Kế hoạch 52-KH/ĐU" >/dev/null
  uq rules set --param 'min_months_left_renominated=48' --name "Hướng dẫn 45, phường sửa" >/dev/null
  views=("person list --json" "plan history --term 2030-2035" "register list --json" "rules show --term 2030-2035" "target list")
  mkdir -p "$prev_tree/cũ" "$prev_tree/mới"
  for i in "${!views[@]}"; do
    # shellcheck disable=SC2086
    uq ${views[$i]} >"$prev_tree/cũ/$i"
  done
  check "… hồ sơ, kế hoạch, sổ văn bản, chỉ tiêu của bản $prev_version có đủ" bash -c \
    'grep -qF "Lê Thị Nâng Cấp" "$0/0" && grep -qF "Văn bản ban hành nhầm" "$0/2" && grep -qF "Số giữ cho văn bản khác" "$0/2" && grep -qF "BTV  Tỷ lệ nữ  ≥ 0.25" "$0/4"' "$prev_tree/cũ"
  check "cài bản $version đè lên bản $prev_version (/S)" wine "$setup" /S
  reg=$(read_uninstall_entry)
  check "… Apps & features: một mục, phiên bản $version" bash -c 'grep -qF "\"DisplayVersion\"=\"'"$version"'\"" <<<"$0"' "$reg"
  check "… quyhoach.exe đã cài là bản $version" contains "$(wine "$cli" --version 2>&1 | tr -d '\r')" "$version"
  for i in "${!views[@]}"; do
    # shellcheck disable=SC2086
    uq ${views[$i]} >"$prev_tree/mới/$i"
    # Nothing lost or changed in meaning: every value the old version printed is printed the
    # same (a newer version may print more fields).
    check "bản $version đọc phường của bản $prev_version: “${views[$i]}” như cũ" \
      python3 "$root/scripts/windows/same-as-before.py" "$prev_tree/cũ/$i" "$prev_tree/mới/$i"
  done
  kept=$(find "$up_dir" -name "Phường Phổ Hòa (trước nâng cấp, bản $prev_version, lược đồ *).db" | head -1)
  check "bản sao trước nâng cấp mang tên bản $prev_version, cạnh tệp" test -n "$kept"
  got=$("$py" -c "$read_db" "$kept" "mật khẩu nâng cấp 2026" 2>&1 || true)
  check "… mở được bằng SQLCipher độc lập, cùng mật khẩu, còn hồ sơ cũ" contains "$got" "Lê Thị Nâng Cấp"
  check "gỡ sau khi nâng cấp (/S)" wine "$inst/uninstall.exe" /S
  wait_uninstalled
  check "… phường đã nâng cấp vẫn còn" test -f "$up_dir/Phường Phổ Hòa.db"
  rm -rf "$prev_tree"
fi

echo "windows: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
