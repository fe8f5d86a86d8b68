#!/usr/bin/env bash
# What merging costs: this crate built against one spec (the misskey.io one) and against the
# merge of every spec in ../shared/specs, alternating, in the same run. Each build cleans
# this crate only (`cargo clean -p misskey-client`; the dependencies are built once) and
# times `cargo build --lib` with default features, without incremental state, as a
# dependent from git or a registry would build it. Then the generator's run on each input
# (`time_generate`, unoptimized as in a build script).
#
# Usage: benches/merge_build.sh [--runs N]   (3 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3
[[ "${1:-}" == "--runs" ]] && runs=$2
single="$PWD/../shared/specs/misskeyio-2025.4.1-mhq.13.json"
merged="$PWD/../shared/specs"
export CARGO_TARGET_DIR="$PWD/target/merge-bench" CARGO_INCREMENTAL=0 CARGO_TERM_COLOR=never
unset RUSTFLAGS
MISSKEY_SPEC="$single" cargo build -q --lib
samples=$(mktemp)
for ((i = 1; i <= runs; i++)); do
  for side in single merged; do
    spec=$single; [[ $side == merged ]] && spec=$merged
    cargo clean -q -p misskey-client
    start=$(date +%s.%N)
    MISSKEY_SPEC="$spec" cargo build -q --lib 2>/dev/null
    end=$(date +%s.%N)
    python3 -c "import sys; print(f'{sys.argv[1]}\t{float(sys.argv[3])-float(sys.argv[2]):.2f}')" "$side" "$start" "$end" | tee -a "$samples"
  done
done
python3 benches/support/summary.py "$samples" \
  "clean build of misskey-client (default features, build script included)" \
  "single=one spec (misskey.io)" "merged=the specs merged"
echo; echo "generator's run (best of 5, unoptimized):"
for spec in "$single" "$merged"; do
  printf '  %s: ' "$(basename "$spec")"
  cargo run -q -p misskey-codegen --example time_generate -- "$spec"
done
