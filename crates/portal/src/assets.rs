//! The console's release build, served from memory: read at start and served at once; compressed with
//! gzip and brotli in the background (`compress`, seconds on a slow machine), each answer then in the best
//! encoding ready that the browser accepts. Hashed assets (Trunk names them
//! `name-<hash>.ext`) are cached for a year; `index.html` is revalidated. Pages carry the strict
//! Content-Security-Policy the console is built for.
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::sync::OnceLock;

/// What the release build needs and nothing more (README, "Content-Security-Policy").
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; frame-ancestors 'self'; base-uri 'self'";

struct Asset {
    content_type: &'static str,
    identity: Vec<u8>,
    gzip: OnceLock<Vec<u8>>,
    brotli: OnceLock<Vec<u8>>,
    immutable: bool,
}

pub struct Assets {
    files: HashMap<String, Asset>,
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "json" => "application/json",
        _ => "application/octet-stream",
    }
}

/// `dbaccess-3f2a…_bg.wasm`, `main-9c1d….css`: a name Trunk gave a content hash; or any file in a folder
/// named after one, `pkg-5be0…/`, where scripts/build-wasm puts a build's module and its chunks.
fn is_hashed(path: &str) -> bool {
    path.split('/').filter(|s| !s.is_empty()).any(|segment| {
        let stem = segment.split('.').next().unwrap_or_default();
        stem.split(['-', '_'])
            .any(|part| part.len() >= 16 && part.bytes().all(|b| b.is_ascii_hexdigit()))
    })
}

/// A file of some build's folder (`/pkg-<hash>/…`) that isn't here: a page loaded before a deployment
/// asking for its own build's chunk. It gets a 404, not the console's page in the module's place.
fn is_build_file(path: &str) -> bool {
    path.starts_with("/pkg-") && path[1..].contains('/')
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(bytes)
        .and_then(|()| e.finish())
        .unwrap_or_default()
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    let _ = brotli::BrotliCompress(&mut &bytes[..], &mut out, &params);
    out
}

fn walk(dir: &Path, prefix: &str, out: &mut HashMap<String, Asset>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().to_string();
        let path = format!("{prefix}/{name}");
        if entry.file_type()?.is_dir() {
            walk(&entry.path(), &path, out)?;
            continue;
        }
        let identity = std::fs::read(entry.path())?;
        out.insert(
            path.clone(),
            Asset {
                content_type: content_type(&name),
                gzip: OnceLock::new(),
                brotli: OnceLock::new(),
                identity,
                immutable: is_hashed(&path),
            },
        );
    }
    Ok(())
}

impl Assets {
    pub fn load(dist: &Path) -> Result<Assets, String> {
        let mut files = HashMap::new();
        walk(dist, "", &mut files)
            .map_err(|e| format!("dist: cannot read {}: {e}", dist.display()))?;
        if !files.contains_key("/index.html") {
            return Err(format!("dist: {} holds no index.html", dist.display()));
        }
        Ok(Assets { files })
    }

    /// Compresses every file, gzip first (quick) then brotli (small). Blocking: run it off the server's
    /// threads.
    pub fn compress(&self) {
        for asset in self.files.values() {
            let _ = asset.gzip.set(gzip(&asset.identity));
        }
        for asset in self.files.values() {
            let _ = asset.brotli.set(brotli(&asset.identity));
        }
    }

    /// The file at `path`, or the console's page for any other path (its routes live in the browser).
    pub fn answer(&self, path: &str, request: &HeaderMap) -> Response {
        if !self.files.contains_key(path) && is_build_file(path) {
            let no_cache = [(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"))];
            return (StatusCode::NOT_FOUND, no_cache).into_response();
        }
        let asset = self
            .files
            .get(path)
            .or_else(|| self.files.get("/index.html"))
            .expect("index.html was loaded");
        let accepts = |coding: &str| {
            request
                .get_all(header::ACCEPT_ENCODING)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .any(|c| {
                    let mut parts = c.trim().split(';');
                    parts.next() == Some(coding) && !parts.any(|q| q.trim() == "q=0")
                })
        };
        let (body, encoding) = match (asset.brotli.get(), asset.gzip.get()) {
            (Some(b), _) if accepts("br") => (b.clone(), Some("br")),
            (_, Some(g)) if accepts("gzip") => (g.clone(), Some("gzip")),
            _ => (asset.identity.clone(), None),
        };
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(asset.content_type),
        );
        headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
        headers.insert(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        );
        if let Some(e) = encoding {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(e));
        }
        let cache = if asset.immutable {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        };
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
        if asset.content_type.starts_with("text/html") {
            headers.insert(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(CSP),
            );
        }
        (StatusCode::OK, headers, body).into_response()
    }
}
