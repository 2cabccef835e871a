//! `meldingssjekk`: the command line, a thin face over the engine (native only).

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // The engine is written not to panic; this is the safety net that keeps the promise of
    // "exit 0, 2 or 3, never 101" even if it ever does.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("meldingssjekk: intern feil (internal error): {info}");
    }));
    let code = std::panic::catch_unwind(|| cli::run(&args)).unwrap_or(3);
    std::process::exit(code);
}

#[cfg(target_arch = "wasm32")]
fn main() {}
