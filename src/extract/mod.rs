//! Extraction: what the text says. Numbers and units (`numbers`), entities (`entities`), tables
//! (`tables`), targets (`targets`), the report's own claims (`claims`) and values bound to entity
//! and year (`values`). Phrase lists are loaded by `phrases`.

pub mod cell_tables;
pub mod claims;
pub mod entities;
pub mod meta;
pub mod numbers;
pub mod phrases;
pub mod tables;
pub mod targets;
pub mod values;
