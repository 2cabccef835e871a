//! A third independent evaluation (tests/fixtures/variants3): ten reports written by authors
//! who did not see the engine, with a reviewer's expectations as data; scored by
//! `support::expect` (`cargo test --release --test variants3 -- --nocapture` prints every miss).

mod support;

/// The floor this suite holds the engine to (share of expectations met); no false flag is
/// allowed. Raised as the engine improves; the first score before any change is in
/// docs/variants3-first-score.txt.
const FLOOR: f64 = 0.92;

#[test]
fn variants3_score() {
    support::expect::run("variants3", FLOOR);
}
