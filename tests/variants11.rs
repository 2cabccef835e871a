//! An eleventh independent evaluation (tests/fixtures/variants11): ten reports written at the start
//! of session 11 by authors who did not see the engine (format: tests/fixtures/variants3/FORMAT.md),
//! scored by `support::expect` (`cargo test --release --test variants11 -- --nocapture` prints
//! every miss). The first score, taken with the engine as it was before any change of that
//! session, is in docs/variants11-first-score.txt.

mod support;

/// The floor this suite holds the engine to (share of expectations met); no false flag is
/// allowed. 0.77 since session 13: a legend sentence ("Grønn betyr at målet er nådd, … rød at
/// målet ikke er nådd") had passed for r3's verdict on the wrong ground and no longer does
/// (277/356 after it).
const FLOOR: f64 = 0.79;

#[test]
fn variants11_score() {
    support::expect::run("variants11", FLOOR);
}
