//! UI language (bokmål by default, English on request) and the words for contract values.

use crate::model::{Claim, Comparator, FindingKind, Severity, Status, TargetUnit, VerdictStatus};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Nb,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "nb" | "no" | "nob" | "nb-no" => Some(Lang::Nb),
            "en" | "eng" | "en-gb" | "en-us" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the text for this language.
    pub fn t(self, nb: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Nb => nb,
            Lang::En => en,
        }
    }
}

/// Status shown as icon AND text, never colour alone.
pub fn status_icon(s: Status) -> &'static str {
    match s {
        Status::Met => "✓",
        Status::NotMet => "✗",
        Status::Partial => "◐",
        Status::Unknown => "?",
        Status::Pending => "…",
    }
}

pub fn status_key(s: Status) -> &'static str {
    match s {
        Status::Met => "met",
        Status::NotMet => "not_met",
        Status::Partial => "partial",
        Status::Unknown => "unknown",
        Status::Pending => "pending",
    }
}

/// The Designsystemet colour (`data-color`) a status is shown in: a tag, an alert.
pub fn status_color(s: Status) -> &'static str {
    match s {
        Status::Met => "success",
        Status::NotMet => "danger",
        Status::Partial => "warning",
        Status::Unknown => "neutral",
        Status::Pending => "info",
    }
}

pub fn status_text(l: Lang, s: Status) -> &'static str {
    match s {
        Status::Met => l.t("Oppnådd", "Met"),
        Status::NotMet => l.t("Ikke oppnådd", "Not met"),
        Status::Partial => l.t("Delvis oppnådd", "Partly met"),
        Status::Unknown => l.t("Kan ikke avgjøres", "Cannot tell"),
        Status::Pending => l.t("Fristen er ikke ute", "Deadline not passed"),
    }
}

pub const STATUSES: [Status; 5] = [
    Status::Met,
    Status::NotMet,
    Status::Partial,
    Status::Pending,
    Status::Unknown,
];

pub fn verdict_as_status(v: VerdictStatus) -> Status {
    match v {
        VerdictStatus::Met => Status::Met,
        VerdictStatus::NotMet => Status::NotMet,
        VerdictStatus::Unknown => Status::Unknown,
        VerdictStatus::Pending => Status::Pending,
    }
}

pub fn claim_text(l: Lang, c: Option<Claim>) -> &'static str {
    match c {
        Some(Claim::Met) => l.t("oppnådd", "met"),
        Some(Claim::NotMet) => l.t("ikke oppnådd", "not met"),
        Some(Claim::Partial) => l.t("delvis oppnådd", "partly met"),
        Some(Claim::Uncertain) => l.t("usikkert", "uncertain"),
        None => l.t(
            "ingenting om målet er nådd",
            "nothing about whether the target is met",
        ),
    }
}

pub fn severity_icon(s: Severity) -> &'static str {
    match s {
        Severity::Error => "✖",
        Severity::Warning => "⚠",
        Severity::Info => "ℹ",
    }
}

pub fn severity_key(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// The Designsystemet colour (`data-color`) a finding's severity is shown in.
pub fn severity_color(s: Severity) -> &'static str {
    match s {
        Severity::Error => "danger",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

pub fn severity_text(l: Lang, s: Severity) -> &'static str {
    match s {
        Severity::Error => l.t("Feil", "Error"),
        Severity::Warning => l.t("Advarsel", "Warning"),
        Severity::Info => l.t("Merknad", "Note"),
    }
}

pub const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

pub const KINDS: [FindingKind; 5] = [
    FindingKind::Arithmetic,
    FindingKind::ClaimMismatch,
    FindingKind::MissingData,
    FindingKind::Placeholder,
    FindingKind::Application,
];

pub fn kind_text(l: Lang, k: FindingKind) -> &'static str {
    match k {
        FindingKind::Arithmetic => l.t("Regnefeil", "Arithmetic"),
        FindingKind::ClaimMismatch => l.t(
            "Påstand som ikke stemmer med tallene",
            "Claim that contradicts the figures",
        ),
        FindingKind::MissingData => l.t("Mangler tall", "Missing figures"),
        FindingKind::Placeholder => l.t(
            "Plassholder eller uferdig tekst",
            "Placeholder or unfinished text",
        ),
        FindingKind::Application => l.t("Søknad", "Application"),
    }
}

pub fn comparator_text(l: Lang, c: Comparator) -> &'static str {
    match c {
        Comparator::AtLeast => l.t("minst", "at least"),
        Comparator::AtMost => l.t("høyst", "at most"),
        Comparator::Above => l.t("over", "above"),
        Comparator::Below => l.t("under", "below"),
        Comparator::Increase => l.t("økning", "increase"),
        Comparator::Decrease => l.t("reduksjon", "decrease"),
        Comparator::NotAboveBaseline => l.t("ikke høyere enn", "not above"),
        Comparator::NotBelowBaseline => l.t("ikke lavere enn", "not below"),
        Comparator::Qualitative => l.t("kvalitativt mål", "qualitative target"),
    }
}

pub fn unit_text(l: Lang, u: TargetUnit) -> &'static str {
    match u {
        TargetUnit::Percent => "%",
        TargetUnit::Days => l.t("dager", "days"),
        TargetUnit::Count => "",
        TargetUnit::Nok => l.t("kr", "NOK"),
        TargetUnit::Per100k => l.t("per 100 000", "per 100,000"),
        TargetUnit::Ratio => "",
        TargetUnit::Other => "",
    }
}
