//! The web face (Leptos CSR). Shows what the engine returns; never parses or computes.
