//! The domain model every stage shares: where a document came from (`Format`, `Origin`), the
//! targets a report sets (`Target`, `Comparator`, `TargetUnit`, `Claim`), indicators and
//! verdicts (`Indicator`, `Verdict`, `Status`), findings (`Finding`) and tables (`Table`).
//! The JSON contract (`crate::report`) serialises these types as they are, so they keep their
//! serde names; nothing here imports from a stage.

mod finding;
mod source;
mod table;
mod target;
mod verdict;

pub use finding::{CheckPassed, Finding, FindingKind, Severity};
pub use source::{Format, Origin};
pub use table::Table;
pub use target::{Claim, Comparator, Target, TargetUnit};
pub use verdict::{Change, Indicator, Status, Verdict, VerdictStatus};
