#!/usr/bin/env bash
# What a user waits for: the clean debug build of a small bot crate that depends on
# misskey-client (default features, every dependency included), against this tree and
# against a baseline revision of it, in the same run.
#
# Each side gets its own bot crate (path dependency, the same code and spec) and its own
# target dir, deleted before every build; the two sides alternate, RUNS times each (3 by
# default), and the medians, their ratio and each pair's ratio are printed. The crates.io
# downloads are shared (cargo's cache), so only compilation is timed.
#
# Usage: benches/dependent_build.sh [--baseline REV] [--runs N] [--spec PATH]
#   --baseline REV   the revision to compare with (default: origin/main, else main)
# Writes under target/dependent-bench (the baseline's worktree included).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

runs=3
spec="$root/../shared/specs/misskeyio-2025.4.1-mhq.13.json"
baseline=$(git rev-parse --verify -q origin/main || git rev-parse main)
while (($#)); do
  case "$1" in
    --baseline) baseline=$(git rev-parse "$2"); shift ;;
    --runs) runs="$2"; shift ;;
    --spec) spec="$2"; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[[ -f "$spec" ]] || { echo "error: no spec at $spec (pass --spec PATH)" >&2; exit 1; }

bench="$root/target/dependent-bench"
mkdir -p "$bench"
unset RUSTFLAGS CARGO_BUILD_RUSTFLAGS CARGO_INCREMENTAL CARGO_TARGET_DIR MISSKEY_SPEC
export CARGO_TERM_COLOR=never
cp "$spec" "$bench/api.json"

# The baseline's sources, as a worktree (replaced if it is from another revision).
if [[ "$(git -C "$bench/baseline" rev-parse HEAD 2>/dev/null || true)" != "$baseline" ]]; then
  git worktree remove --force "$bench/baseline" 2>/dev/null || rm -rf "$bench/baseline"
  git worktree prune
  git worktree add --detach -q "$bench/baseline" "$baseline"
fi

# A bot crate per side: the same code, which compiles against either revision's API.
make_bot() {
  local dir=$1 lib=$2
  mkdir -p "$dir/src" "$dir/.cargo"
  cat >"$dir/Cargo.toml" <<TOML
[package]
name = "bench-bot"
version = "0.1.0"
edition = "2021"

[dependencies]
misskey-client = { path = "$lib" }
tokio = { version = "1", features = ["macros", "rt-multi-thread"] }

[workspace]
TOML
  printf '[env]\nMISSKEY_SPEC = "%s"\n' "$bench/api.json" >"$dir/.cargo/config.toml"
  cat >"$dir/src/main.rs" <<'RS'
#[tokio::main]
async fn main() -> misskey_client::Result<()> {
    let client = misskey_client::Client::builder("https://misskey.example").token("T").build()?;
    let me = client.i().await?;
    println!("{}", me.username);
    Ok(())
}
RS
  (cd "$dir" && cargo generate-lockfile -q && cargo fetch -q)
}
make_bot "$bench/bot-current" "$root"
make_bot "$bench/bot-baseline" "$bench/baseline"

samples="$bench/samples.tsv"
: >"$samples"
build() {
  local side=$1 dir="$bench/bot-$1"
  rm -rf "$dir/target"
  local start end
  start=$(date +%s.%N)
  (cd "$dir" && cargo build -q --offline) >/dev/null 2>"$bench/$side.log" \
    || { cat "$bench/$side.log" >&2; exit 1; }
  end=$(date +%s.%N)
  python3 -c "import sys; print(f'{sys.argv[1]}\t{float(sys.argv[3]) - float(sys.argv[2]):.2f}')" \
    "$side" "$start" "$end" | tee -a "$samples"
}
for ((i = 1; i <= runs; i++)); do
  build baseline
  build current
done

python3 benches/support/summary.py "$samples" \
  "clean build of a bot crate (default features, dependencies included)" \
  "baseline=baseline ${baseline:0:10}" "current=this tree"
