#!/usr/bin/env bash
# Makes the fixture of the ward files this version writes (issue 26 §1): the demo ward with every
# kind of record (people, plan entries and steps, a source programme, the document
# register with issued, skipped and cancelled numbers, targets, a rule set edited), and what this
# version prints of it as JSON. Committed under tests/fixtures/wards/<version>/ once per release;
# tests/core/fixtures.rs opens every one with today's code and compares. Fake people only; the
# passphrase is the demo's, written beside the file.
#   bash scripts/make-fixture.sh [path to the quyhoach binary]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
version=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
bin="${1:-target/debug/quyhoach}"
out="tests/fixtures/wards/$version"
rm -rf "$out"
mkdir -p "$out/json"
db="$out/phuong-mau.db"
pass="$out/mat-khau.txt"
printf 'phuongmau2026\n' >"$pass"
q() { "$bin" --db "$db" --passphrase-file "$pass" "$@"; }
q demo >/dev/null
tmp=$(mktemp -d)
# The register: numbers issued, three skipped over, one cancelled; the signer remembered.
q doc to-trinh --term 2030-2035 --date 01/12/2026 --issue --signer "Nguyễn Văn Nho" \
  --signer-title "BÍ THƯ" --out "$tmp/1.pdf" >/dev/null 2>&1
q doc bao-cao-ra-soat --term 2030-2035 --date 02/12/2026 --issue --out "$tmp/2.pdf" >/dev/null 2>&1
q doc to-trinh --term 2030-2035 --date 03/12/2026 --issue --number 5 \
  --skip-numbers "Số giữ cho văn bản khác" --out "$tmp/3.pdf" >/dev/null 2>&1
q register cancel --type BC --term 2025-2030 --number 1 --reason "Văn bản ban hành nhầm" >/dev/null
# A target and a rule set of the ward's own.
q target add --body BTV --indicator nu --min 0,25 --year 2030 --source "Kế hoạch 52-KH/ĐU" >/dev/null
q rules set --param 'min_months_left_renominated=48' --name "Hướng dẫn 45, phường sửa" >/dev/null
rm -rf "$tmp"
# What this version prints.
n=$(q person list --json | python3 -c 'import json,sys; print(" ".join(str(p["id"]) for p in json.load(sys.stdin)))')
python3 - "$out/json/people.json" <<PY
import json, subprocess, sys
ids = "$n".split()
people = [json.loads(subprocess.check_output(["$bin", "--db", "$db", "--passphrase-file", "$pass", "person", "show", i])) for i in ids]
json.dump(people, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False, indent=1, sort_keys=True)
PY
q plan history --term 2030-2035 | python3 -c 'import json,sys; json.dump(json.load(sys.stdin), open(sys.argv[1],"w",encoding="utf-8"), ensure_ascii=False, indent=1, sort_keys=True)' "$out/json/plan.json"
q register list --json | python3 -c 'import json,sys; json.dump(json.load(sys.stdin), open(sys.argv[1],"w",encoding="utf-8"), ensure_ascii=False, indent=1, sort_keys=True)' "$out/json/register.json"
q target list >"$out/json/targets.txt"
q rules show --term 2030-2035 | python3 -c 'import json,sys; json.dump(json.load(sys.stdin), open(sys.argv[1],"w",encoding="utf-8"), ensure_ascii=False, indent=1, sort_keys=True)' "$out/json/rules.json"
q programme list >"$out/json/programmes.txt"
ls -la "$out" "$out/json"
