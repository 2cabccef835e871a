//! Who a figure or a claim belongs to: the report's owner, a trust a sentence or heading names,
//! the region as a whole, every trust.

use crate::document::Document;
use crate::text::fold;

/// Who the report speaks for when a figure names no one: the one trust (HF) the document's
/// title names ("Årlig melding 2024 – Helse Stavanger HF"), else the region ("Regionen").
/// The title is the first line, among the first three non-empty ones, that names an entity.
pub(crate) fn document_owner(doc: &Document) -> String {
    owner_of(doc, &crate::extract::meta::read(doc))
}

/// [`document_owner`] with the title page already read.
pub(super) fn owner_of(doc: &Document, meta: &crate::extract::meta::DocumentMeta) -> String {
    use crate::extract::entities::EntityKind;
    let cat = crate::extract::entities::catalogue();
    let title = (1..=doc.line_count().min(40))
        .map(|n| doc.line_text(n))
        .filter(|t| !t.trim().is_empty())
        .take(3)
        // A title names its trust; a sentence that opens the text ("Helse Møre og Romsdal har
        // ikke nådd målet.") does not make the document that trust's.
        .filter(|t| !t.trim_end().ends_with('.'))
        .map(|t| cat.mentions(t))
        .find(|m| !m.is_empty());
    if let Some(m) = title {
        let first = m[0].entity;
        if m.iter().all(|x| x.entity == first) && cat.kind(first) == EntityKind::Hf {
            return cat.name(first).to_string();
        }
    }
    // The owner the title page names (a case paper's "Nordlandssykehuset HF" under its
    // meeting date and archive number).
    meta.owner
        .clone()
        .filter(|o| {
            cat.resolve(o)
                .is_some_and(|id| cat.kind(id) == EntityKind::Hf)
        })
        .unwrap_or_else(|| String::from("Regionen"))
}

/// The HF a sentence opens with ("Helse Nord-Trøndelag HF har …"), if any.
pub(super) fn leading_entity(text: &str) -> Option<String> {
    let cat = crate::extract::entities::catalogue();
    let m = cat.mentions(text).into_iter().next()?;
    if m.span.start > 4 {
        return None;
    }
    match cat.kind(m.entity) {
        crate::extract::entities::EntityKind::Hf
        | crate::extract::entities::EntityKind::Support
        | crate::extract::entities::EntityKind::Private => Some(cat.name(m.entity).to_string()),
        _ => None,
    }
}

/// Longest trust name a heading may be ("Universitetssykehuset Nord-Norge HF" and some room).
const MAX_HEADING_NAME_BYTES: usize = 60;

/// The trust a heading is the name of and nothing more ("Helse Bergen", "Helse Førde HF:").
pub(super) fn heading_entity(text: &str) -> Option<String> {
    use crate::extract::entities::EntityKind;
    let name = text.trim().trim_end_matches(':');
    // A trust's name is a few words (most lines are not one: leave them at once).
    if name.len() > MAX_HEADING_NAME_BYTES || name.contains(',') {
        return None;
    }
    let cat = crate::extract::entities::catalogue();
    let e = cat.resolve(name)?;
    matches!(
        cat.kind(e),
        EntityKind::Hf | EntityKind::Support | EntityKind::Private
    )
    .then(|| cat.name(e).to_string())
}

/// Whether an entity name stands for the region as a whole (the RHF, "Regionen", a total row).
pub(crate) fn region_entity(entity: &str) -> bool {
    let cat = crate::extract::entities::catalogue();
    cat.resolve(entity).is_some_and(|e| {
        matches!(
            cat.kind(e),
            crate::extract::entities::EntityKind::Rhf
                | crate::extract::entities::EntityKind::Region
                | crate::extract::entities::EntityKind::Total
        )
    })
}

/// Whether `text` names an entity other than `entity` ("Kravet er likevel nådd for Helse Vest
/// samla" after a paragraph on Helse Fonna names the region, not Fonna).
pub(super) fn names_other_entity(text: &str, entity: &str) -> bool {
    let cat = crate::extract::entities::catalogue();
    cat.mentions(text)
        .iter()
        .any(|m| cat.name(m.entity) != entity)
}

pub(super) fn mentions_region(text: &str) -> bool {
    // "regionen samlet", "foretaksgruppen", "heile regionen" (the region's aliases in
    // data/entities.tsv), or the RHF by name ("nådd for Helse Vest samla").
    use crate::extract::entities::{mentions_kind, EntityKind};
    mentions_kind(text, &[EntityKind::Region, EntityKind::Rhf])
}

/// Whether a claim sentence speaks of every trust ("Kravet er innfridd i alle føretaka"). Only the
/// claim's own clause counts: in "Målet er nådd for somatikk, men ikke for PHV ved alle
/// helseforetak" the trusts belong to the exception.
pub(super) fn speaks_of_all_trusts(sentence: &str) -> bool {
    let folded = fold(sentence);
    let phrases = crate::extract::phrases::claims();
    let own = crate::extract::phrases::first_of(&folded, phrases.get("exception"), 0)
        .map_or(folded.len(), |(r, _)| r.start);
    let Some((all, _)) = crate::extract::phrases::first_of(&folded, phrases.get("all_trusts"), 0)
    else {
        return false;
    };
    // "i alle føretak unntatt Helse Bergen": not every trust, and which ones the figures tell.
    let excepts_trust =
        crate::extract::phrases::first_of(&folded, phrases.get("excepted_name"), all.end)
            .is_some_and(|(e, _)| {
                use crate::extract::entities::{mentions_kind, EntityKind};
                mentions_kind(&folded[e.end..], &[EntityKind::Hf])
            });
    all.start < own && !excepts_trust
}

/// The trusts a claim sentence sets apart after an exception ("nådd for regionen samla, men
/// ikkje i Helse Stavanger", "innfridd i alle føretak unntatt Helse Bergen"), by canonical name.
pub(super) fn excepted_trusts(sentence: &str) -> Vec<String> {
    use crate::extract::entities::{catalogue, EntityKind};
    let folded = fold(sentence);
    let phrases = crate::extract::phrases::claims();
    let Some((e, _)) = crate::extract::phrases::first_of(&folded, phrases.get("exception"), 0)
    else {
        return Vec::new();
    };
    let cat = catalogue();
    let mut out: Vec<String> = Vec::new();
    // The trusts in the original text (`fold` keeps offsets): an abbreviation ("NLSH") is a
    // name only in capitals.
    for m in cat.mentions(sentence.get(e.end..).unwrap_or("")) {
        let name = cat.name(m.entity);
        if cat.kind(m.entity) == EntityKind::Hf && !out.iter().any(|n| n == name) {
            out.push(name.to_string());
        }
    }
    out
}
