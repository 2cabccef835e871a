//! Extraction: what the text says. Numbers and units (`numbers`), entities (`entities`), tables
//! (`tables`), targets (`targets`), the report's own claims (`claims`) and values bound to entity
//! and year (`values`).

pub mod numbers;
pub mod tables;
