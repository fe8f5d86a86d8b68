//! `misskey-codegen`: summarize, compare and fetch Misskey OpenAPI specs.
//!
//! Only argument parsing lives here; the commands are `misskey_codegen::{summary, diff,
//! surface, fetch}`.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use misskey_codegen::{diff, fetch, summary, surface};

const USAGE: &str = "\
misskey-codegen: inspect, compare and fetch Misskey OpenAPI specs

Usage:
  misskey-codegen summary SPEC
  misskey-codegen diff OLD NEW
  misskey-codegen names SPEC
  misskey-codegen fetch URL [-o PATH] [--timeout SECS]
  misskey-codegen help | -h | --help
  misskey-codegen --version

Commands:
  summary SPEC   What the generator would generate from the spec file SPEC: title,
                 server version (info.version), OpenAPI version, paths, endpoints,
                 endpoints needing a credential, multipart endpoints, component
                 schemas, endpoints per group and per permission.
  diff OLD NEW   What changed from spec OLD to spec NEW. First, and briefly, what
                 breaks Rust code written against OLD: types, methods, setters,
                 fields and variants removed or renamed, types changed, parameters
                 that became required; then what does not (additions, parameters
                 that became optional), with counts. Then the spec changes:
                 endpoints added and removed; for endpoints in both, request
                 parameters and response fields added, removed or changed (type,
                 required/optional, nullable), the response type, credential,
                 permission and body kind; component schemas (models) added,
                 removed, and their fields or variants changed. 3.0 and 3.1
                 spellings of the same schema compare equal. Fields of models are
                 listed once, under the model, not under every endpoint using it.
  names SPEC     Every public type, method, constructor and setter the spec
                 generates, one per line with the JSON pointer it comes from.
  fetch URL      GET URL/api.json, check that it is a spec the generator accepts,
                 and only then replace PATH with it atomically. Redirects are
                 followed only to the same host.

Options:
  -o, --output PATH    fetch: where to write the spec [default: spec/api.json]
      --timeout SECS   fetch: time limit of each request [default: 30]
  -h, --help           print this help
  -V, --version        print the version

URL may be a host (https is assumed) or an http(s) address, with or without a
trailing slash or /api.json:
  misskey.io   https://misskey.io/   https://misskey.io/api.json   http://127.0.0.1:3000

Exit status:
  0  success (diff: nothing breaks Rust code; there may be other changes)
  1  diff: something breaks Rust code written against OLD
  2  error: bad arguments, unreadable or invalid spec, failed fetch (nothing
     written); the message is on stderr
";

/// A parsed command line.
#[derive(Debug)]
enum Command {
    Help,
    Version,
    Summary(PathBuf),
    Names(PathBuf),
    Diff(PathBuf, PathBuf),
    Fetch {
        url: String,
        output: PathBuf,
        timeout: Duration,
    },
}

fn parse(args: &[String]) -> Result<Command, String> {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        return Ok(Command::Help);
    }
    let Some((command, rest)) = args.split_first() else {
        return Err("no command given".into());
    };
    // Everything after the command, split into options and positional arguments.
    let mut positional = Vec::new();
    let mut output = None;
    let mut timeout = None;
    let mut it = rest.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match arg.as_str() {
            "-o" | "--output" => output = Some(value(arg)?),
            "--timeout" => timeout = Some(value(arg)?),
            a if a.starts_with("--output=") => output = Some(a["--output=".len()..].to_owned()),
            a if a.starts_with("--timeout=") => timeout = Some(a["--timeout=".len()..].to_owned()),
            a if a.starts_with('-') && a.len() > 1 => return Err(format!("unknown option {a}")),
            _ => positional.push(arg.clone()),
        }
    }
    if command != "fetch" && (output.is_some() || timeout.is_some()) {
        return Err(format!(
            "-o and --timeout are options of fetch, not {command}"
        ));
    }
    let expect = |n: usize, what: &str| {
        if positional.len() == n {
            Ok(())
        } else {
            Err(format!(
                "{command} takes {what}, got {} argument{}",
                positional.len(),
                if positional.len() == 1 { "" } else { "s" }
            ))
        }
    };
    match command.as_str() {
        "help" => Ok(Command::Help),
        "-V" | "--version" | "version" => Ok(Command::Version),
        "summary" => {
            expect(1, "SPEC")?;
            Ok(Command::Summary(positional[0].clone().into()))
        }
        "names" => {
            expect(1, "SPEC")?;
            Ok(Command::Names(positional[0].clone().into()))
        }
        "diff" => {
            expect(2, "OLD NEW")?;
            Ok(Command::Diff(
                positional[0].clone().into(),
                positional[1].clone().into(),
            ))
        }
        "fetch" => {
            expect(1, "URL")?;
            let timeout = match timeout {
                None => fetch::FetchOptions::default().timeout,
                Some(t) => match t.parse::<u64>() {
                    Ok(secs) if secs > 0 => Duration::from_secs(secs),
                    _ => {
                        return Err(format!(
                            "--timeout takes a positive number of seconds, not {t:?}"
                        ))
                    }
                },
            };
            Ok(Command::Fetch {
                url: positional[0].clone(),
                output: output.unwrap_or_else(|| "spec/api.json".into()).into(),
                timeout,
            })
        }
        other => Err(format!("unknown command {other:?}")),
    }
}

/// Prints to stdout without `print!`'s panic when the reader has gone (`| head`): a closed
/// pipe just ends the output.
fn out(text: &str, code: ExitCode) -> Result<ExitCode, String> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(code),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(code),
        Err(e) => Err(format!("cannot write to stdout: {e}")),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match parse(&args) {
        Ok(command) => command,
        Err(message) => {
            eprintln!("misskey-codegen: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = match command {
        Command::Help => out(USAGE, ExitCode::SUCCESS),
        Command::Version => out(
            &format!("misskey-codegen {}\n", env!("CARGO_PKG_VERSION")),
            ExitCode::SUCCESS,
        ),
        Command::Summary(spec) => summary::summarize_file(&spec)
            .map_err(|e| e.to_string())
            .and_then(|text| out(&text, ExitCode::SUCCESS)),
        Command::Names(spec) => surface::names_file(&spec)
            .map_err(|e| e.to_string())
            .and_then(|text| out(&text, ExitCode::SUCCESS)),
        Command::Diff(old, new) => diff::diff_files(&old, &new)
            .map_err(|e| e.to_string())
            .and_then(|(text, breaking)| out(&text, ExitCode::from(u8::from(breaking)))),
        Command::Fetch {
            url,
            output,
            timeout,
        } => fetch::fetch(&url, &output, &fetch::FetchOptions { timeout })
            .map_err(|e| format!("{e}; {} was not changed", output.display()))
            .and_then(|fetched| out(&format!("{}\n", fetched.line(&output)), ExitCode::SUCCESS)),
    };
    result.unwrap_or_else(|message| {
        eprintln!("misskey-codegen: {message}");
        ExitCode::from(2)
    })
}
