//! How long the generator takes on a spec: the best of several runs of `generate_file`.
//!
//! Built with the dev profile this is unoptimized, as the generator is in a dependent's build
//! script, which is the run users wait for:
//!
//! ```sh
//! cargo run -p misskey-codegen --example time_generate -- ../shared/specs/misskey-2025.2.1.json
//! cargo run -p misskey-codegen --example time_generate -- ../shared/specs   # all, merged
//! cargo run -p misskey-codegen --example time_generate -- --stages SPEC
//! ```
//!
//! `--stages` also times the run's parts: the analysis, then the output's printing (`emit`
//! with `syn` and `prettyplease`), and of that printing what formatting alone takes, timed on
//! the printed source: lexing it back into tokens, `syn` parsing them, `prettyplease` printing.

use std::time::{Duration, Instant};

const RUNS: usize = 5;

fn main() {
    let mut args: Vec<_> = std::env::args_os().skip(1).collect();
    let stages = args.first().is_some_and(|a| a == "--stages");
    if stages {
        args.remove(0);
    }
    let Some(spec) = args.first() else {
        eprintln!("usage: time_generate [--stages] SPEC (a file, a directory or a list: merged)");
        std::process::exit(2);
    };
    let specs = misskey_codegen::spec_files(spec).unwrap_or_else(|err| fail(err));
    let options = misskey_codegen::Options::default();
    let (generated, total) = best(|| misskey_codegen::generate_files(&specs, &options));
    let generated = generated.unwrap_or_else(|err| fail(err));
    println!(
        "{:.3} s (best of {RUNS}), {} bytes of code",
        total.as_secs_f64(),
        generated.code.len()
    );
    if !stages {
        return;
    }
    let [path] = specs.as_slice() else {
        fail("--stages times one spec file, not a merge")
    };
    let text = std::fs::read_to_string(path).unwrap_or_else(|err| fail(err));
    let (api, analysis) = best(|| misskey_codegen::analyze(&text, &options));
    let api = api.unwrap_or_else(|err| fail(err));
    let (code, printing) = best(|| misskey_codegen::render(&api));
    let code = code.unwrap_or_else(|err| fail(err));
    let (tokens, lexing) = best(|| code.parse::<proc_macro2::TokenStream>());
    let tokens = tokens.unwrap_or_else(|err| fail(err));
    let (file, parsing) = best(|| syn::parse2::<syn::File>(tokens.clone()));
    let file = file.unwrap_or_else(|err| fail(err));
    let (_, formatting) = best(|| prettyplease::unparse(&file));
    for (stage, time) in [
        ("analysis (`analyze`)", analysis),
        ("printing (`render`: emit, parse, format)", printing),
        ("  of which `syn` parsing the tokens", parsing),
        ("  of which `prettyplease` printing them", formatting),
        ("lexing the source back (not in a build)", lexing),
    ] {
        println!("  {stage}: {:.3} s", time.as_secs_f64());
    }
}

/// `run`'s answer and its best time of [`RUNS`].
fn best<T>(mut run: impl FnMut() -> T) -> (T, Duration) {
    let mut best = Duration::MAX;
    let mut answer = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        answer = Some(run());
        best = best.min(start.elapsed());
    }
    (answer.expect("RUNS > 0"), best)
}

fn fail(err: impl std::fmt::Display) -> ! {
    eprintln!("error: {err}");
    std::process::exit(1);
}
