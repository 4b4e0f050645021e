#!/usr/bin/env bash
# The window's figures on the build clerks run (issue 26 §2): builds the app in release, then runs
# the end-to-end test figures_on_a_10000_person_ward against it under Xvfb — start, unlock of a
# 10,000-person ward, every keystroke of search-as-you-type from the input to the painted list
# (median, p95, worst) and the app's memory before and after. Prints the figures and writes them
# to target/e2e-figures.txt. Measured, not asserted: run it on an idle machine.
#   bash scripts/measure-window.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"
target_dir="${CARGO_TARGET_DIR:-$PWD/target}"
cargo build --release -p quyhoach-app --bin quyhoach-app
QUYHOACH_APP_BIN="$target_dir/release/quyhoach-app" xvfb-run -a --server-args="-screen 0 1366x768x24" \
  cargo test -p quyhoach-app --test e2e figures_on_a_10000_person_ward -- --nocapture
