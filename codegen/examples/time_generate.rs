//! How long the generator takes on a spec: the best of several runs of `generate_file`.
//!
//! Built with the dev profile this is unoptimized, as the generator is in a dependent's build
//! script, which is the run users wait for:
//!
//! ```sh
//! cargo run -p misskey-codegen --example time_generate -- ../shared/specs/misskey-2025.2.1.json
//! cargo run -p misskey-codegen --example time_generate -- ../shared/specs   # all, merged
//! ```

use std::time::{Duration, Instant};

const RUNS: usize = 5;

fn main() {
    let Some(spec) = std::env::args_os().nth(1) else {
        eprintln!("usage: time_generate SPEC (a file, a directory or a list: merged)");
        std::process::exit(2);
    };
    let specs = match misskey_codegen::spec_files(&spec) {
        Ok(specs) => specs,
        Err(err) => {
            eprintln!("error: {err}");
            std::process::exit(1);
        }
    };
    let options = misskey_codegen::Options::default();
    let mut best = Duration::MAX;
    let mut bytes = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        let generated = match misskey_codegen::generate_files(&specs, &options) {
            Ok(generated) => generated,
            Err(err) => {
                eprintln!("error: {err}");
                std::process::exit(1);
            }
        };
        best = best.min(start.elapsed());
        bytes = generated.code.len();
    }
    println!(
        "{:.3} s (best of {RUNS}), {bytes} bytes of code",
        best.as_secs_f64()
    );
}
