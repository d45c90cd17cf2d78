//! `atlas-emulator`: serves the emulated Admin API on loopback.
//!
//! ```text
//! atlas-emulator [--port N] [--data FILE] [--port-file FILE] [--latency-ms N] [--fault KIND] [--propagation-ms N] [--demo standard|large-across]
//! ```
//! `--port 0` (the default) takes a free port; the address is printed, and written to `--port-file`.
//! `--require-auth` answers 401 to Admin API calls without a bearer token from `POST /api/oauth/token`
//! (client credentials `--client-id`/`--client-secret`, tokens valid `--token-lifetime-s`).
//! `--demo large-across` serves the large project and four drifted copies of it (1,400 roles each, for
//! `scripts/bench`) instead of the standard demo project with its staging and production.
use atlas_emulator::faults::FaultKind;
use atlas_emulator::{Emulator, Settings};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tiny_http::Server;

const USAGE: &str = "usage: atlas-emulator [--port N] [--data FILE] [--port-file FILE] [--latency-ms N] [--fault 500|429[:s]|drop|delay:<ms>] [--propagation-ms N] [--require-auth] [--token-lifetime-s N] [--client-id ID] [--client-secret SECRET] [--demo standard|large-across]";

struct Args {
    port: u16,
    port_file: Option<PathBuf>,
    settings: Settings,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        port: 0,
        port_file: None,
        settings: Settings::default(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        if flag == "--help" || flag == "-h" {
            return Err(USAGE.to_string());
        }
        if flag == "--demo" {
            match it.next().as_deref() {
                Some("large-across") => args.settings.large_across = true,
                Some("standard") => args.settings.large_across = false,
                other => {
                    return Err(format!(
                        "--demo takes standard or large-across, not {other:?}\n{USAGE}"
                    ))
                }
            }
            continue;
        }
        if flag == "--require-auth" {
            args.settings.auth.required = true;
            continue;
        }
        let value = it
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        let number = |v: &str| {
            v.parse::<u64>()
                .map_err(|_| format!("{flag} takes a number, not {v:?}"))
        };
        match flag.as_str() {
            "--port" => args.port = u16::try_from(number(&value)?).map_err(|_| "port too large")?,
            "--port-file" => args.port_file = Some(value.into()),
            "--data" => args.settings.data_file = Some(value.into()),
            "--latency-ms" => args.settings.latency = Duration::from_millis(number(&value)?),
            "--token-lifetime-s" => {
                args.settings.auth.lifetime = Duration::from_secs(number(&value)?)
            }
            "--client-id" => args.settings.auth.client_id = value,
            "--client-secret" => args.settings.auth.client_secret = value,
            "--propagation-ms" => {
                args.settings.propagation = Duration::from_millis(number(&value)?)
            }
            "--fault" => {
                args.settings.always = Some(
                    FaultKind::parse(&value).ok_or_else(|| format!("unknown fault {value:?}"))?,
                )
            }
            _ => return Err(format!("unknown flag {flag}\n{USAGE}")),
        }
    }
    Ok(args)
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let emulator = match Emulator::open(args.settings) {
        Ok(e) => Arc::new(Mutex::new(e)),
        Err(e) => {
            eprintln!("atlas-emulator: {e}");
            std::process::exit(1);
        }
    };
    let server = match Server::http(("127.0.0.1", args.port)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!(
                "atlas-emulator: cannot listen on 127.0.0.1:{}: {e}",
                args.port
            );
            std::process::exit(1);
        }
    };
    let addr = server
        .server_addr()
        .to_ip()
        .expect("a TCP listener has an IP address");
    let project = emulator
        .lock()
        .map(|e| e.project.id.clone())
        .unwrap_or_default();
    println!("atlas-emulator: http://{addr} (project {project})");
    if let Some(file) = &args.port_file {
        if let Err(e) = std::fs::write(file, format!("http://{addr}\n")) {
            eprintln!("atlas-emulator: cannot write {}: {e}", file.display());
            std::process::exit(1);
        }
    }
    atlas_emulator::http::serve_forever(&server, &emulator);
}
