#!/usr/bin/env bash
# Compile-time benchmark of misskey-client against one spec (misskey.io's by default).
#
# Measures, with the dependencies already built:
#   - the build script's run time (the compiled build-script binary run directly, with the
#     environment cargo gives it, so only the generator is timed);
#   - a clean debug build of the crate itself (`cargo clean -p misskey-client` first), with
#     the default features and with all features;
#   - the same, all features, generated with serde derives on every type
#     (MISSKEY_CODEGEN_DERIVE_ALL=1): the baseline a naive generator gives;
#   - a clean `cargo check --all-features`, ours and the baseline;
#   - the rebuild after touching the spec (cargo reruns build.rs: rerun-if-changed);
#   - rustc's peak memory (max RSS) on the crate's own compilation, through a RUSTC_WRAPPER.
# Every measurement is repeated (3 runs by default, the configurations interleaved so that
# a noisy neighbour hits them alike) and the median reported, with the ratios to the baseline
# measured in the same run. Absolute times depend on the machine and its load; the ratios are
# what to compare.
#
# Usage: benches/compile_time.sh [--quick] [--runs N] [--spec PATH]
#   --quick   one run of everything (a smoke test)
# Writes its own target dir, target/compile-bench, and the table to
# target/compile-bench/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

runs=3
spec="$root/../shared/specs/misskeyio-2025.4.1-mhq.13.json"
while (($#)); do
  case "$1" in
    --quick) runs=1 ;;
    --runs) runs="$2"; shift ;;
    --spec) spec="$2"; shift ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[[ -f "$spec" ]] || { echo "error: no spec at $spec (pass --spec PATH)" >&2; exit 1; }

# GNU time, for rustc's peak memory.
if [[ ! -x /usr/bin/time ]]; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "installing GNU time (apt-get install time)..." >&2
    (apt-get install -y -qq time >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq time >/dev/null; }) \
      || { echo "error: could not install GNU time; install the 'time' package" >&2; exit 1; }
  else
    echo "error: this needs GNU time at /usr/bin/time (Debian/Ubuntu: apt-get install time)" >&2
    exit 1
  fi
fi
command -v python3 >/dev/null || { echo "error: this needs python3 (for medians and the table)" >&2; exit 1; }

export CARGO_TARGET_DIR="$root/target/compile-bench"
export CARGO_TERM_COLOR=never
unset MISSKEY_CODEGEN_DERIVE_ALL RUSTFLAGS CARGO_BUILD_RUSTFLAGS CARGO_INCREMENTAL
mkdir -p "$CARGO_TARGET_DIR"
bench="$CARGO_TARGET_DIR"
# A copy of the spec, so that touching it does not make everyone else's build rerun.
cp "$spec" "$bench/spec.json"
export MISSKEY_SPEC="$bench/spec.json"

# Records rustc's max RSS and wall time when it compiles this crate's library.
memlog="$bench/rustc-mem.log"
cat >"$bench/rustc-wrapper.sh" <<EOF
#!/usr/bin/env bash
case " \$* " in
  *" --crate-name misskey_client "*"--crate-type lib"*)
    exec /usr/bin/time -a -o "$memlog" -f "%M %e" "\$@" ;;
esac
exec "\$@"
EOF
chmod +x "$bench/rustc-wrapper.sh"
export RUSTC_WRAPPER="$bench/rustc-wrapper.sh"

results="$bench/samples.tsv"
: >"$results"
record() { printf '%s\t%s\n' "$1" "$2" >>"$results"; }
now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.3f}')" "$1" "$2"; }
log() { printf '[compile-bench] %s\n' "$*" >&2; }

# cargo quietly, but show the output when it fails.
cargo_q() {
  local out
  if ! out=$(cargo "$@" 2>&1); then
    echo "$out" >&2
    echo "error: cargo $* failed" >&2
    exit 1
  fi
}

# Times `cargo <args>` after `cargo clean -p misskey-client`; records time and rustc's peak RSS.
clean_build() {
  local name=$1; shift
  cargo_q clean -p misskey-client
  : >"$memlog"
  local t0 t1
  t0=$(now)
  cargo_q "$@"
  t1=$(now)
  record "$name" "$(elapsed "$t0" "$t1")"
  if [[ -s "$memlog" ]]; then
    record "$name:rss_kb" "$(awk '{print $1}' "$memlog" | sort -n | tail -1)"
    record "$name:rustc_s" "$(awk '{print $2}' "$memlog" | sort -n | tail -1)"
  fi
}

if grep -q 'build-override' Cargo.toml; then
  log "warning: Cargo.toml has a build-override profile: the build script timing below is"
  log "this workspace's, not what a dependent (with its own profile) sees"
fi

log "rustc: $(rustc --version); machine: $(nproc) cores, $(free -h | awk '/^Mem:/{print $2}') RAM"
log "spec: $spec ($(wc -c <"$spec") bytes); $runs run(s) of each; target dir $CARGO_TARGET_DIR"
log "building the dependencies once (not timed)..."
cargo_q build --all-features
cargo_q check --all-features

# Runs the build-script binary the last build compiled, as cargo would, into a scratch OUT_DIR.
features_env=()
while read -r feature; do
  features_env+=("CARGO_FEATURE_$(tr 'a-z-' 'A-Z_' <<<"$feature")=1")
done < <(awk '/^\[features\]/{f=1; next} /^\[/{f=0} f && /^[a-z0-9-]+ *=/{print $1}' Cargo.toml)
build_script_run() {
  local name=$1 script
  script=$(ls -t "$bench"/debug/build/misskey-client-*/build-script-build | head -1)
  mkdir -p "$bench/bs-out"
  local t0 t1
  t0=$(now)
  env "${features_env[@]}" CARGO_MANIFEST_DIR="$root" CARGO_PKG_NAME=misskey-client \
    OUT_DIR="$bench/bs-out" "$script" >/dev/null
  t1=$(now)
  record "$name" "$(elapsed "$t0" "$t1")"
}

for ((run = 1; run <= runs; run++)); do
  log "run $run/$runs: clean build, default features"
  clean_build build_default build
  log "run $run/$runs: clean build, all features"
  clean_build build_all build --all-features
  log "run $run/$runs: the build script alone (x3)"
  for _ in 1 2 3; do build_script_run build_script; done
  log "run $run/$runs: touch the spec, rebuild (all features)"
  touch "$MISSKEY_SPEC"
  : >"$memlog"
  t0=$(now); cargo_q build --all-features; t1=$(now)
  record touch_rebuild "$(elapsed "$t0" "$t1")"
  log "run $run/$runs: clean check, all features"
  clean_build check_all check --all-features
  log "run $run/$runs: baseline (derive everything), clean build, all features"
  MISSKEY_CODEGEN_DERIVE_ALL=1 clean_build baseline_build_all build --all-features
  cp "$(ls -t "$bench"/debug/build/misskey-client-*/out/generated.rs | head -1)" "$bench/generated-baseline.rs"
  log "run $run/$runs: baseline, clean check, all features"
  MISSKEY_CODEGEN_DERIVE_ALL=1 clean_build baseline_check_all check --all-features
done
# Leave the target dir built the normal way, and keep our generated file for the sizes.
cargo_q build --all-features
cp "$(ls -t "$bench"/debug/build/misskey-client-*/out/generated.rs | head -1)" "$bench/generated.rs"

python3 - "$results" "$bench" "$runs" <<'EOF'
import statistics, sys, pathlib
results, bench, runs = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]
samples = {}
for line in open(results):
    key, value = line.rstrip("\n").split("\t")
    samples.setdefault(key, []).append(float(value))
med = {k: statistics.median(v) for k, v in samples.items()}
def s(key):
    if key not in med:
        return "n/a"
    vals = ", ".join(f"{v:.2f}" for v in samples[key])
    return f"{med[key]:.2f} s ({vals})"
def mb(key):
    return f"{med[key] / 1024:.0f} MB" if key in med else "n/a"
def ratio(a, b):
    return f"{med[a] / med[b]:.2f}x" if a in med and b in med else "n/a"
def size(name):
    p = bench / name
    if not p.exists():
        return "n/a"
    text = p.read_text()
    return f"{len(text.encode()) / 1e6:.2f} MB, {text.count(chr(10)):,} lines"
rows = [
    ("build script run (generator, unoptimized)", s("build_script"), "", ""),
    ("clean build, default features", s("build_default"), mb("build_default:rss_kb"), ratio("build_default", "baseline_build_all")),
    ("clean build, all features", s("build_all"), mb("build_all:rss_kb"), ratio("build_all", "baseline_build_all")),
    ("clean build, all features, **baseline**", s("baseline_build_all"), mb("baseline_build_all:rss_kb"), "1.00x"),
    ("clean check, all features", s("check_all"), mb("check_all:rss_kb"), ratio("check_all", "baseline_check_all")),
    ("clean check, all features, **baseline**", s("baseline_check_all"), mb("baseline_check_all:rss_kb"), "1.00x"),
    ("rebuild after touching the spec, all features", s("touch_rebuild"), "", ratio("touch_rebuild", "build_all") + " of a clean build"),
]
out = [f"Medians of {runs} run(s) (the runs in brackets). Ratios are to the baseline in the same run.", "",
       "| what | time | rustc peak RSS | ratio |", "| --- | --- | --- | --- |"]
out += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
out += ["", f"rustc time of the crate alone (all features): ours {s('build_all:rustc_s')}, baseline {s('baseline_build_all:rustc_s')}",
        f"generated.rs: ours {size('generated.rs')}; baseline {size('generated-baseline.rs')}"]
text = "\n".join(out)
print(text)
(bench / "results.md").write_text(text + "\n")
EOF
