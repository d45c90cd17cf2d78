//! The emulator's HTTP side: one thread per request on a `tiny_http` server, CORS for the dev server and
//! the test runner, faults that cut an answer short. In the library so that native tests of other crates
//! (the portal's) can run the emulator in-process.
use crate::{Emulator, Reply, Request};
use std::sync::{Arc, Mutex};
use tiny_http::{Header, Response, Server};

/// Answers every request `server` receives, each on its own thread, until the server is dropped.
pub fn serve_forever(server: &Server, emulator: &Arc<Mutex<Emulator>>) {
    for request in server.incoming_requests() {
        let emulator = Arc::clone(emulator);
        std::thread::spawn(move || serve(&emulator, request));
    }
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
    req.authorization = find("Authorization");
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
    if let Some(held) = &reply.held {
        held.wait();
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
