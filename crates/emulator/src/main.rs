//! `atlas-emulator`: serves the emulated Admin API on loopback.
//!
//! ```text
//! atlas-emulator [--port N] [--data FILE] [--port-file FILE] [--latency-ms N] [--fault KIND] [--propagation-ms N]
//! ```
//! `--port 0` (the default) takes a free port; the address is printed, and written to `--port-file`.
use atlas_emulator::faults::FaultKind;
use atlas_emulator::{Emulator, Reply, Request, Settings};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tiny_http::{Header, Response, Server};

const USAGE: &str = "usage: atlas-emulator [--port N] [--data FILE] [--port-file FILE] [--latency-ms N] [--fault 500|429[:s]|drop|delay:<ms>] [--propagation-ms N]";

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

fn header(name: &str, value: &str) -> Header {
    // Names and values here are ASCII constants or numbers, which tiny_http always accepts.
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("ASCII header")
}

/// The dev server and the test runner serve the app from another loopback port, so every answer allows
/// any origin (the emulator holds no real data and listens on loopback only).
fn cors(origin: Option<&str>) -> Vec<Header> {
    vec![
        header("Access-Control-Allow-Origin", origin.unwrap_or("*")),
        header("Vary", "Origin"),
        header(
            "Access-Control-Allow-Methods",
            "GET, POST, PUT, PATCH, DELETE, OPTIONS",
        ),
        header(
            "Access-Control-Allow-Headers",
            "Accept, Content-Type, Authorization, X-Emulator-Fault",
        ),
        header("Access-Control-Expose-Headers", "Retry-After"),
        header("Access-Control-Max-Age", "600"),
    ]
}

fn serve(emulator: &Mutex<Emulator>, mut request: tiny_http::Request) {
    let find = |name: &'static str| {
        request
            .headers()
            .iter()
            .find(|h| h.field.equiv(name))
            .map(|h| h.value.as_str().to_string())
    };
    let origin = find("Origin");
    let mut req = Request::from_url(request.method().as_str(), request.url());
    req.accept = find("Accept");
    req.fault = find("X-Emulator-Fault");
    if request.as_reader().read_to_string(&mut req.body).is_err() {
        req.body.clear();
    }
    // The lock spans only the handling, never the injected delay: other requests keep flowing.
    let reply: Reply = match emulator.lock() {
        Ok(mut emu) => emu.handle(&req),
        Err(poisoned) => poisoned.into_inner().handle(&req),
    };
    if let Some(delay) = reply.delay {
        std::thread::sleep(delay);
    }
    if reply.drop {
        // tiny_http can't close a kept-alive socket mid-answer, so a "dropped connection" is an answer cut
        // short without CORS headers: a browser's fetch rejects exactly as for a lost connection, and any
        // other client gets half a JSON document.
        let _ = request.respond(Response::from_string("{\"results\": ["));
        return;
    }
    let mut headers = cors(origin.as_deref());
    if let Some(ct) = &reply.content_type {
        headers.push(header("Content-Type", ct));
    }
    if let Some(s) = reply.retry_after {
        headers.push(header("Retry-After", &s.to_string()));
    }
    let body = reply
        .raw
        .or_else(|| reply.body.map(|b| b.to_string()))
        .unwrap_or_default();
    let len = body.len();
    let _ = request.respond(Response::new(
        reply.status.into(),
        headers,
        std::io::Cursor::new(body.into_bytes()),
        Some(len),
        None,
    ));
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
    for request in server.incoming_requests() {
        let emulator = Arc::clone(&emulator);
        std::thread::spawn(move || serve(&emulator, request));
    }
}
