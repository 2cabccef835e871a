//! `meldingssjekk serve`: serves the page (index.html, pkg/, style/, examples/) on 127.0.0.1 with
//! correct MIME types, so nobody needs Python or Node to run the app.

use super::{CliError, Options, EXIT_OK};
use std::path::{Component, Path, PathBuf};

pub fn run(args: &[String]) -> Result<i32, CliError> {
    let opts = Options::parse(args, &["port", "root"])?;
    let port: u16 = match opts.get("port") {
        None => 8080,
        Some(p) => p
            .parse()
            .map_err(|_| CliError::Usage(format!("--port: «{p}» er ikke et portnummer")))?,
    };
    let root = PathBuf::from(opts.get("root").unwrap_or("."));
    if !root.join("index.html").is_file() {
        return Err(CliError::Input(format!(
            "{}: finner ikke index.html (run from the repository or give --root)",
            root.display()
        )));
    }
    let server = tiny_http::Server::http(("127.0.0.1", port))
        .map_err(|e| CliError::Input(format!("kan ikke lytte på 127.0.0.1:{port}: {e}")))?;
    println!("Meldingssjekk: http://127.0.0.1:{port}/");
    for request in server.incoming_requests() {
        let response = respond(&root, request.url());
        let _ = request.respond(response);
    }
    Ok(EXIT_OK)
}

fn respond(root: &Path, url: &str) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let path = percent_decode(path);
    let rel = path.trim_start_matches('/');
    let rel = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    };
    let rel_path = Path::new(&rel);
    if rel_path
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return text_response(403, "forbidden");
    }
    let full = root.join(rel_path);
    match std::fs::read(&full) {
        Ok(bytes) => {
            let mime = mime_of(&full);
            let mut r = tiny_http::Response::from_data(bytes);
            r.add_header(
                tiny_http::Header::from_bytes("Content-Type", mime).expect("static header"),
            );
            r.add_header(
                tiny_http::Header::from_bytes("Cache-Control", "no-cache").expect("static header"),
            );
            r
        }
        Err(_) => text_response(404, "not found"),
    }
}

fn text_response(code: u16, body: &str) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    tiny_http::Response::from_data(body.as_bytes().to_vec()).with_status_code(code)
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// MIME type by extension; `application/wasm` matters for streaming compilation.
pub fn mime_of(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}
