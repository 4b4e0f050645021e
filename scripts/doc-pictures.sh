#!/usr/bin/env bash
# Renders the README's pictures of a document: page 1 and an annex page of the demo ward's Tờ trình
# (needs poppler-utils' pdftoppm). Usage: bash scripts/doc-pictures.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '%s' phuongmau2026 >"$tmp/pass"
cargo run -q -- demo --out "$tmp/demo.db" --passphrase-file "$tmp/pass" >/dev/null
cargo run -q -- --db "$tmp/demo.db" --passphrase-file "$tmp/pass" doc to-trinh --term 2030-2035 \
    --so 5 --ngay 20/11/2026 --nguoi-ky "Nguyễn Văn Nho" --noi-nhan "Ban Tổ chức Tỉnh ủy" \
    --out "$tmp/to-trinh.pdf"
pages=$(pdfinfo "$tmp/to-trinh.pdf" | awk '/^Pages/ {print $2}')
# The annex starts on the first landscape page.
first_annex=$(pdfinfo -f 1 -l "$pages" "$tmp/to-trinh.pdf" |
    awk '/^Page .* size:/ { if ($4 > $6) { print $2; exit } }')
pdftoppm -r 80 -png -singlefile -f 1 -l 1 "$tmp/to-trinh.pdf" docs/screenshots/10-to-trinh-trang-1
pdftoppm -r 80 -png -singlefile -f "$first_annex" -l "$first_annex" "$tmp/to-trinh.pdf" docs/screenshots/11-to-trinh-phu-luc
echo "docs/screenshots/10-to-trinh-trang-1.png, docs/screenshots/11-to-trinh-phu-luc.png (page $first_annex)"
