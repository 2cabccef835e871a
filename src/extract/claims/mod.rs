//! Where the report's own verdict is read: "Kravet er innfridd", "Kravet er delvis innfridd",
//! "Målet er nådd", "Det er uvisst om kravet er innfridd", nynorsk "Kravet er ikkje oppfylt", also
//! per entity ("Helse Nord-Trøndelag HF har ikke innfridd kravet"). Phrases are in
//! `data/phrases/claims.txt`, checked in the order uncertain → partial → not met → met so that the
//! more specific reading wins.

use crate::extract::entities::{catalogue, EntityKind};
use crate::extract::phrases::{self, first_of};
use crate::model::Claim;
use crate::text::fold;

/// A verdict the report gives, for the whole target or for one entity.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimSpec {
    pub claim: Claim,
    /// The entity the claim is about, when the sentence names one as its subject.
    pub entity: Option<String>,
    /// Byte offset of the claim phrase in the sentence.
    pub at: usize,
    /// Some of a few, as the claim counts them: "tre av fire helseforetak klarte kravet" →
    /// (3, 4).
    pub count: Option<(u32, u32)>,
}

/// Reads the claim a sentence makes, if any.
pub fn parse_claim(sentence: &str) -> Option<ClaimSpec> {
    if sentence.len() > 2000 {
        return None;
    }
    parse_claim_folded(sentence, &fold(sentence))
}

/// [`parse_claim`] for a sentence already folded (`f == fold(sentence)`).
pub fn parse_claim_folded(sentence: &str, f: &str) -> Option<ClaimSpec> {
    if sentence.len() > 2000 {
        return None;
    }
    if let Some(claim) = bare_status(f) {
        return Some(ClaimSpec {
            claim,
            entity: None,
            at: 0,
            count: None,
        });
    }
    // A field of a report's form: "Vurdering: Oppnådd.", "Status: Ikkje nådd".
    if let Some((label, rest)) = f.split_once(':') {
        let at = label.len() + 1;
        let short = (1..=2).contains(&label.split_whitespace().count());
        if let Some(claim) = bare_status(rest).filter(|_| short) {
            return Some(ClaimSpec {
                claim,
                entity: None,
                at,
                count: None,
            });
        }
    }
    let view = ClaimView::new(f);
    let v = view.text.as_str();
    let book = phrases::claims();
    for section in book.sections() {
        let Some(claim) = section_claim(section) else {
            continue;
        };
        if let Some((r, phrase)) = first_of(v, book.get(section), 0) {
            let at = view.original(r.start);
            // Bare "er innfridd"/"er nådd" only count with a target word before them
            // ("kravet", "målet", "indikatoren") or an entity as subject.
            if claim == Claim::Met
                && phrase.starts_with("er ")
                && !generic_subject_ok(v, r.start)
                && !generic_subject_ok(f, at)
            {
                continue;
            }
            // A conditional or a question is not a verdict: "dersom kravet er innfridd".
            let before = &v[..r.start];
            if crate::extract::phrases::words()
                .get("conditional_leads")
                .iter()
                .any(|w| {
                    before
                        .strip_suffix(' ')
                        .is_some_and(|b| b.ends_with(w.as_str()))
                })
                && !before.trim_end().ends_with("dermed")
            {
                if before.ends_with("at ") && !goal_clause(before) {
                    // "… viser at målet er nådd" is a claim; "Kravet er at …" is not.
                } else {
                    continue;
                }
            }
            // Someone else's verdict, quoted or asked about: "… har i årleg melding rapportert
            // at kravet er delvis oppfylt", "HOD ber om … kravet er innfridd".
            if first_of(f, book.get("reported"), 0).is_some_and(|(q, _)| q.start < at) {
                return None;
            }
            let claim = match claim {
                Claim::Met => refine_met(v, r.clone()),
                c => c,
            };
            let count = if claim == Claim::Partial {
                claim_count(v, r.clone())
            } else {
                None
            };
            // The subject stands before the goal word, also where the verb came first ("I
            // PHV nådde Helse Bergen målet").
            let entity = subject_entity(sentence, view.original(r.end.saturating_sub(1)).max(at));
            return Some(ClaimSpec {
                claim,
                entity,
                at,
                count,
            });
        }
    }
    None
}

/// The verdict a section of claims.txt stands for (`None` for the other word lists), in the
/// order the sections are checked: uncertain → partial → not met → met.
fn section_claim(section: &str) -> Option<Claim> {
    match section {
        "uncertain" => Some(Claim::Uncertain),
        "partial" => Some(Claim::Partial),
        "not_met" => Some(Claim::NotMet),
        "met" => Some(Claim::Met),
        _ => None,
    }
}

/// A sentence that is nothing but a verdict, as a status cell writes it ("Innfridd", "Delvis
/// oppfylt", "Ikkje nådd.", a traffic-light colour): read as "Kravet er …" with the phrases of
/// claims.txt, and only when the phrase covers the whole of it. `f` is folded.
pub fn bare_status(f: &str) -> Option<Claim> {
    let core = f.trim().trim_end_matches(['.', '!']).trim();
    let words = core.split_whitespace().count();
    if !(1..=3).contains(&words) || core.chars().any(|c| !c.is_alphabetic() && c != ' ') {
        return None;
    }
    let s = format!("kravet er {core}");
    let view = ClaimView::new(&s);
    let book = phrases::claims();
    for section in book.sections() {
        let Some(claim) = section_claim(section) else {
            continue;
        };
        if let Some((r, _)) = first_of(&view.text, book.get(section), 0) {
            // The phrase must be the whole status: "dager ikke oppnådd" is not one.
            let whole = r.end == view.text.len() && r.start <= "kravet er ".len();
            return whole.then_some(claim);
        }
    }
    // "Delvis" or "Uavklart" alone in a status column, or a traffic-light colour.
    if book.get("bare_uncertain").iter().any(|p| p == core) {
        return Some(Claim::Uncertain);
    }
    for (section, claim) in [
        ("bare_colour_met", Claim::Met),
        ("bare_colour_partial", Claim::Partial),
        ("bare_colour_not_met", Claim::NotMet),
    ] {
        if book.get(section).iter().any(|p| p == core) {
            return Some(claim);
        }
    }
    book.get("bare_partial")
        .iter()
        .any(|p| p == core)
        .then_some(Claim::Partial)
}

/// The assessment a table row ends with ("Færre fristbrudd enn i 2023  4 431  Innfridd"): its
/// last one to three words, when they are a bare status.
pub fn trailing_status(row: &str) -> Option<ClaimSpec> {
    let words: Vec<(usize, &str)> = row
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - row.as_ptr() as usize, w))
        .collect();
    (1..=3.min(words.len().saturating_sub(1)))
        .rev()
        .find_map(|k| {
            let at = words[words.len() - k].0;
            let claim = bare_status(&fold(&row[at..]))?;
            Some(ClaimSpec {
                claim,
                entity: None,
                at,
                count: None,
            })
        })
}

/// The status cell of a table row laid out in columns, wherever it stands ("Ventetid (dager)
/// < 60  61  rød  Ned fra 64 dager"): the one cell after the first that is a bare status, with
/// its text.
pub fn status_cell(row: &str) -> Option<(Claim, String)> {
    let mut found: Option<(Claim, String)> = None;
    for (_, cell) in crate::document::cells_of(row).into_iter().skip(1) {
        if let Some(claim) = bare_status(&fold(&cell)) {
            if found.is_some() {
                return None;
            }
            found = Some((claim, cell));
        }
    }
    found
}

/// "Kravet er at …", "Målet var at …": a goal clause, not a report of one.
fn goal_clause(before: &str) -> bool {
    let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
    words.len() >= 2
        && matches!(words[1], "er" | "var")
        && words
            .get(2)
            .is_some_and(|w| w.starts_with("krav") || w.starts_with("mål"))
}

/// A met claim with a quantifier or an exception in its clause: "Ingen av foretakene nådde
/// målet" is not met; "nådd for alle føretak unntatt Helse Stavanger", "nådd for X, men ikkje
/// for Y" are partial.
fn refine_met(v: &str, r: std::ops::Range<usize>) -> Claim {
    let book = phrases::claims();
    // A negation before the verb, as in a subordinate clause: "som ikkje nådde målet".
    let last = v[..r.start]
        .split_whitespace()
        .next_back()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    if matches!(
        last,
        Some("ikke" | "ikkje" | "aldri" | "ikkje heilt" | "ikke helt")
    ) {
        return Claim::NotMet;
    }
    let (head, tail) = clause_around(v, r.clone());
    if first_of(head, book.get("none"), 0).is_some() {
        return Claim::NotMet;
    }
    // "Alle helseføretaka unntatt Helse Møre og Romsdal nådde målet": the exception may
    // stand before the verb too.
    if first_of(tail, book.get("exception"), 0).is_some()
        || first_of(head, book.get("exception"), 0).is_some()
    {
        return Claim::Partial;
    }
    // "Tre av fire helseforetak klarte kravet": some of a few, not all; unless the sentence
    // also speaks of the region as a whole ("innfridd for regionen samla og for tre av fire
    // føretak"), whose claim it then is.
    if claim_count(v, r).is_some() && !names_region(v) {
        return Claim::Partial;
    }
    Claim::Met
}

/// The "N av M" count of the claim at `r` in `v`: in its own clause, or before a list of the
/// names it counts set off by commas ("To av fire helseforetak, Nordlandssykehuset og
/// Helgelandssykehuset, nådde kravet").
fn claim_count(v: &str, r: std::ops::Range<usize>) -> Option<(u32, u32)> {
    let (head, tail) = clause_around(v, r.clone());
    if let Some(c) = some_of_few(head).or_else(|| some_of_few(tail)) {
        return Some(c);
    }
    if !names_only(head) {
        return None;
    }
    let before = &v[..r.start - head.len()];
    let mut segments = before.rsplit(',');
    // The segment that closed the list is the head itself; the ones before are names until the
    // count.
    segments.next();
    for segment in segments {
        if let Some(c) = some_of_few(segment) {
            return Some(c);
        }
        if !names_only(segment) {
            return None;
        }
    }
    None
}

/// Whether a (folded) stretch of a list holds only entity names joined by "og"/"eller" (or
/// nothing at all).
fn names_only(segment: &str) -> bool {
    let cat = catalogue();
    let mut rest = segment.to_string();
    for m in cat.mentions(segment).iter().rev() {
        if let Some(r) = rest.get(m.span.clone()) {
            let blank = " ".repeat(r.len());
            rest.replace_range(m.span.clone(), &blank);
        }
    }
    rest.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .all(|w| matches!(w, "" | "og" | "eller" | "samt"))
}

/// The claim's clause before the claim phrase `r` of `v` (from the last comma, semicolon or
/// colon) and after it (to a semicolon: the sentence is already one sentence, and a full stop
/// inside it ends an abbreviation, "St. Olavs hospital").
fn clause_around(v: &str, r: std::ops::Range<usize>) -> (&str, &str) {
    let clause_start = v[..r.start].rfind([',', ';', ':']).map_or(0, |p| p + 1);
    let tail_end = v[r.end..].find(';').map_or(v.len(), |p| r.end + p);
    (&v[clause_start..r.start], &v[r.end..tail_end])
}

/// Whether `f` names the region as a whole ("regionen samla", "foretaksgruppen").
fn names_region(f: &str) -> bool {
    crate::extract::entities::mentions_kind(f, &[crate::extract::entities::EntityKind::Region])
}

/// Most parts a "N av M" count of trusts, areas or months may have (beyond it the count is of
/// patients or cases, and says nothing about how many units met the goal).
const MAX_FEW: f64 = 50.0;

/// The count `f` (folded) gives when it counts some but not all of a few: "to av tre" → (2, 3),
/// "11 av 12", "fire av dei åtte".
fn some_of_few(f: &str) -> Option<(u32, u32)> {
    let words: Vec<&str> = f
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let value = |w: &str| {
        w.parse::<f64>()
            .ok()
            .or_else(|| crate::extract::targets::number_word(w))
    };
    words.iter().enumerate().find_map(|(i, w)| {
        if *w != "av" || i == 0 {
            return None;
        }
        let n = value(words[i - 1])?;
        // A number before "N" ("9 505 av 14 230") is a count of cases written with a space.
        if i >= 2 && value(words[i - 2]).is_some() {
            return None;
        }
        let next = match words.get(i + 1) {
            Some(&"de" | &"dei") => i + 2,
            _ => i + 1,
        };
        let m = words.get(next).and_then(|w| value(w))?;
        // "12 av 12 000": a count written with a thousands space is no small whole.
        if words
            .get(next + 1)
            .is_some_and(|w| w.len() == 3 && w.parse::<u32>().is_ok())
        {
            return None;
        }
        (n >= 1.0 && n < m && m <= MAX_FEW && n.fract() == 0.0 && m.fract() == 0.0)
            .then_some((n as u32, m as u32))
    })
}

/// The folded sentence as claims are matched: filler adverbs dropped ("Målet er dermed
/// akkurat nådd"), past tense read as present ("Målet ble nådd", "nådde målet"), with a map
/// back to byte offsets of the folded sentence. Word lists in `data/phrases/claims.txt`.
struct ClaimView {
    text: String,
    /// For each byte of `text`, its offset in the folded sentence.
    map: Vec<usize>,
}

impl ClaimView {
    fn new(f: &str) -> ClaimView {
        let book = phrases::claims();
        let adverbs = book.get("adverbs");
        let tense = tense_pairs();
        // (word as matched, its offset in the folded sentence, the word as written)
        let mut words: Vec<(String, usize, String)> = Vec::new();
        let mut prev_word = String::new();
        let mut pos = 0;
        for word in f.split_whitespace() {
            let at = pos + f[pos..].find(word).unwrap_or(0);
            pos = at + word.len();
            let core = word.trim_matches(|c: char| !c.is_alphanumeric());
            if !core.is_empty() && core.len() == word.len() && adverbs.iter().any(|a| a == core) {
                continue;
            }
            let replaced = tense
                .iter()
                .find(|(from, _)| from == core)
                .map(|(_, to)| to);
            let w = match replaced {
                // After "er" a past form is a participle ("krava er oppfylte", "måla er
                // nådde"), kept as is.
                Some(to) if prev_word != "er" => {
                    let lead = word.find(core).unwrap_or(0);
                    let mut w = String::with_capacity(word.len() + 4);
                    w.push_str(&word[..lead]);
                    w.push_str(to);
                    w.push_str(&word[lead + core.len()..]);
                    w
                }
                _ => word.to_string(),
            };
            words.push((w, at, core.to_string()));
            prev_word = core.to_string();
        }
        if !f.trim_end().ends_with('?') {
            uninvert(&mut words, book);
        }
        let mut text = String::with_capacity(f.len());
        let mut map = Vec::with_capacity(f.len());
        for (w, at, _) in &words {
            if !text.is_empty() {
                text.push(' ');
                map.push(*at);
            }
            text.push_str(w);
            map.extend(std::iter::repeat_n(*at, w.len()));
        }
        ClaimView { text, map }
    }

    fn original(&self, at: usize) -> usize {
        self.map.get(at).copied().unwrap_or(0)
    }
}

/// Puts the verb back after its subject where a fronted phrase moved it before (Norwegian
/// word order after an adverbial): "For PHV vart målet nådd" → "… målet er nådd"; "I somatikken
/// nådde alle føretaka målet" → "… alle føretaka når målet". The verb must follow a word (not
/// open the sentence, where "Er målet nådd" asks), and at most five words without a comma may
/// stand between a moved past-tense verb and the goal it reaches.
fn uninvert(words: &mut [(String, usize, String)], book: &phrases::PhraseBook) {
    let goal = |w: &str| book.get("claim_subjects").iter().any(|g| g == w);
    let mut i = 1;
    while i + 1 < words.len() {
        let verb = words[i].0.as_str();
        let after_comma = words[i - 1].0.ends_with([',', ';', ':']);
        // "er målet nådd" → "målet er nådd".
        if verb == "er" && goal(&words[i + 1].2) && !goal(&words[i - 1].2) && !after_comma {
            words.swap(i, i + 1);
            i += 2;
            continue;
        }
        // "når alle føretaka målet" (from "nådde") → "alle føretaka når målet".
        let moved = book.get("inverted_verbs").iter().any(|v| *v == words[i].2);
        // Only where a subject follows the verb: a quantifier ("alle", "ingen av") or a name.
        let subject_next = moved && {
            let next = &words[i + 1];
            let rest: Vec<&str> = words[i + 1..(i + 6).min(words.len())]
                .iter()
                .map(|w| w.0.as_str())
                .collect();
            book.get("inverted_subjects").contains(&next.2)
                || catalogue()
                    .mentions(&rest.join(" "))
                    .first()
                    .is_some_and(|m| m.span.start == 0)
        };
        if subject_next && !after_comma {
            let end = (i + 7).min(words.len());
            let reach = (i + 2..end).find(|&j| goal(&words[j].2));
            let clean = |j: usize| (i + 1..j).all(|k| !words[k].0.ends_with([',', ';', ':', '.']));
            if let Some(j) = reach.filter(|&j| clean(j)) {
                words[i..j].rotate_left(1);
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
}

fn tense_pairs() -> &'static [(String, String)] {
    static T: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        phrases::claims()
            .get("tense")
            .iter()
            .filter_map(|l| {
                let (a, b) = l.split_once('=')?;
                Some((a.trim().to_string(), b.trim().to_string()))
            })
            .collect()
    })
}

/// Verdicts per area (fagområde) in one sentence: "Målet er nådd for somatikk og TSB, men
/// ikkje for psykisk helsevern" → somatikk and TSB met, both areas of psykisk helsevern not
/// met; "nådd for alle fagområder unntatt somatikk" → `("*", Met)` for the rest and somatikk
/// not met; "TSB ligg godt innanfor kravet" → TSB met. Areas are the canonical names of
/// `data/phrases/subjects.txt`. Empty when the sentence gives no verdict per area.
pub fn subject_claims(sentence: &str) -> Vec<(String, Claim, usize)> {
    if sentence.len() > 2000 {
        return Vec::new();
    }
    let f = fold(sentence);
    let view = ClaimView::new(&f);
    let v = view.text.as_str();
    // Clauses: split at "men", ";" and sentence ends; each clause has at most one verdict.
    let mut cuts = vec![0];
    for (i, _) in v.match_indices([';', '.']) {
        cuts.push(i + 1);
    }
    // "men", and the other conjunctions of `[clause_breaks]` that open a contrasting clause
    // ("…, medan måla for somatikk og VOP ikkje er nådde"); "og" and "samt" join lists of areas.
    for w in phrases::claims().get("clause_breaks") {
        if w == "og" || w == "samt" {
            continue;
        }
        let mut from = 0;
        while let Some(r) = crate::text::find_phrase(v, w, from) {
            cuts.push(r.start);
            from = r.end;
        }
    }
    cuts.push(v.len());
    crate::sorting::sort(&mut cuts);
    cuts.dedup();
    let mut out: Vec<(String, Claim, usize)> = Vec::new();
    let mut previous: Option<Claim> = None;
    for w in cuts.windows(2) {
        let clause = &v[w[0]..w[1]];
        let subjects = subjects_at(clause);
        let parsed = parse_claim_folded(clause, clause);
        let own = parsed.as_ref().map(|c| c.claim);
        let claim_at = view.original(w[0] + parsed.as_ref().map_or(0, |c| c.at));
        let negated_men = {
            let t = clause.trim_start();
            t.starts_with("men ikke") || t.starts_with("men ikkje")
        };
        let claim = match (own, negated_men, previous) {
            (Some(c), _, _) => Some(c),
            // "…, men ikke for PHV ved alle helseforetak": not at every trust is a partial
            // verdict for that area, not a failure.
            (None, true, Some(Claim::Met | Claim::Partial))
                if first_of(clause, phrases::claims().get("all_trusts"), 0).is_some() =>
            {
                Some(Claim::Partial)
            }
            (None, true, Some(Claim::Met | Claim::Partial)) => Some(Claim::NotMet),
            (None, true, Some(Claim::NotMet)) => Some(Claim::Met),
            _ => None,
        };
        let Some(claim) = claim else {
            continue;
        };
        previous = Some(claim);
        if subjects.is_empty() {
            continue;
        }
        // "for alle fagområder unntatt somatikk": the rest get the claim, the named the opposite.
        // Only an exception that names an area splits the areas; "alle føretaka … med unntak
        // av Helse Fonna" excepts a trust, and the area's verdict stays partial — unless the
        // clause gives it for the region ("nådd for regionen og i alle helseforetak unntatt …").
        let any_exception = first_of(clause, phrases::claims().get("exception"), 0)
            .filter(|(_, p)| !p.starts_with("men"))
            .map(|(r, _)| r.start);
        // The exception is an area's only when no trust stands between it and the area
        // ("Alle føretak unntatt Helse Stavanger nådde målet for TSB" excepts a trust).
        let exception = any_exception.filter(|&e| {
            subjects
                .iter()
                .find(|(at, _)| *at > e)
                .is_some_and(|(at, _)| {
                    catalogue()
                        .mentions(clause.get(e..*at).unwrap_or(""))
                        .is_empty()
                })
        });
        let for_region = exception.is_none()
            && any_exception.is_some_and(|e| {
                let cat = catalogue();
                cat.mentions(&clause[..e])
                    .iter()
                    .any(|m| cat.kind(m.entity) == EntityKind::Region)
            });
        let base = if claim == Claim::Partial && (exception.is_some() || for_region) {
            Claim::Met
        } else {
            claim
        };
        for (subject_at, s) in subjects {
            let c = match exception {
                Some(e) if subject_at > e => opposite(base),
                _ => base,
            };
            if !out.iter().any(|(x, _, _)| *x == s) {
                out.push((s, c, claim_at));
            }
        }
        if exception.is_some() && !out.iter().any(|(x, _, _)| x == "*") {
            out.push(("*".to_string(), base, claim_at));
        }
    }
    out
}

fn opposite(c: Claim) -> Claim {
    match c {
        Claim::Met => Claim::NotMet,
        Claim::NotMet => Claim::Met,
        c => c,
    }
}

/// Areas named in a folded clause with their offsets; "psykisk helsevern" without an age
/// group names both of its areas.
/// Most words of a label that opens a paragraph and names its area ("Psykisk helsevern barn
/// og unge: …").
const MAX_AREA_LABEL_WORDS: usize = 7;

/// The area a sentence's opening label names ("Psykisk helsevern voksne: Kravet er delvis
/// innfridd." → psykisk helsevern voksne): the text before its first colon is one area's name
/// and nothing more.
pub fn label_area(sentence: &str) -> Option<String> {
    let (label, _) = sentence.split_once(':')?;
    if label.split_whitespace().count() > MAX_AREA_LABEL_WORDS {
        return None;
    }
    let f = fold(label);
    let areas = crate::extract::targets::area_mentions(&f);
    let [(r, area)] = areas.as_slice() else {
        return None;
    };
    // The name is the whole label, bar a leading dash or bullet.
    let rest = format!("{}{}", &f[..r.start], &f[r.end..]);
    rest.chars()
        .all(|c| !c.is_alphanumeric())
        .then(|| area.clone())
}

fn subjects_at(clause: &str) -> Vec<(usize, String)> {
    let mentions = crate::extract::targets::area_mentions(clause);
    let covered: Vec<std::ops::Range<usize>> = mentions.iter().map(|(r, _)| r.clone()).collect();
    let mut hits: Vec<(usize, String)> = mentions.into_iter().map(|(r, s)| (r.start, s)).collect();
    let mut from = 0;
    while let Some(r) = crate::text::find_phrase(clause, "psykisk helsevern", from) {
        if !covered
            .iter()
            .any(|c| c.start <= r.start && r.start < c.end)
        {
            for (canonical, _) in phrases::subjects() {
                let f = fold(canonical);
                if f.starts_with("psykisk helsevern ") {
                    hits.push((r.start, canonical.clone()));
                }
            }
        }
        from = r.end;
    }
    crate::sorting::sort(&mut hits);
    hits
}

/// The nouns a bare "er innfridd" / "er nådd" needs as its subject (`[claim_subjects]`).
fn is_target_word(w: &str) -> bool {
    phrases::claims()
        .get("claim_subjects")
        .iter()
        .any(|p| p == w)
}

fn generic_subject_ok(f: &str, at: usize) -> bool {
    let before = f[..at].trim_end();
    // "Kravet om minst 10 prosent reduksjon er innfridd", "Målet for BUP er nådd": the clause
    // opens with the target word.
    let clause = before
        .rfind(['.', ',', ';', ':'])
        .map_or(before, |p| &before[p + 1..])
        .trim_start();
    if clause.split_whitespace().count() <= 12
        && clause.split_whitespace().next().is_some_and(is_target_word)
    {
        return true;
    }
    let last = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    is_target_word(last) || subject_entity_f(f, at)
}

fn subject_entity_f(f: &str, at: usize) -> bool {
    catalogue()
        .mentions(&f[..at])
        .iter()
        .any(|m| m.span.start < 4)
}

/// The entity a claim sentence is about: an HF or support trust named at the start of the
/// sentence, before the claim phrase. Region-wide claims return `None`.
fn subject_entity(sentence: &str, at: usize) -> Option<String> {
    let cat = catalogue();
    let head = sentence.get(..at)?;
    let m = cat.mentions(head).into_iter().next()?;
    // "Psykisk helsevern voksne: NLSH når målet": a label before a colon names the area, not
    // the subject; the lead is what follows it.
    let lead = &head[..m.span.start];
    let lead = lead.rsplit(':').next().unwrap_or(lead).trim();
    // After a fronted phrase the verb comes first: "I somatikken nådde Helse Bergen målet".
    let inverted = lead.split_whitespace().next_back().is_some_and(|w| {
        phrases::claims()
            .get("inverted_verbs")
            .iter()
            .any(|v| *v == fold(w))
    });
    if lead.len() > 12 && !inverted {
        return None;
    }
    // "Berre Helse Stavanger ligg over kravet, og regionen samla er innanfor kravet": a clause
    // of its own (a comma and a conjunction of `[clause_breaks]`, or a semicolon) whose subject
    // is the region makes the claim the region's, not the trust's of the clause before.
    let region_clause = cat.mentions(head).iter().any(|r| {
        r.span.start >= m.span.end
            && matches!(cat.kind(r.entity), EntityKind::Region | EntityKind::Rhf)
            && clause_break_between(&head[m.span.end..r.span.start])
    });
    if region_clause {
        return None;
    }
    match cat.kind(m.entity) {
        EntityKind::Hf | EntityKind::Support | EntityKind::Private => {
            Some(cat.name(m.entity).to_string())
        }
        _ => None,
    }
}

/// Where the last clause of folded text `f` starts: after its last semicolon, or after the last
/// comma followed by a conjunction of `[clause_breaks]` ("…, og …", "…, medan …"); `None` when it
/// has one clause.
pub(crate) fn last_clause_start(f: &str) -> Option<usize> {
    let mut start = f.rfind(';').map(|p| p + 1);
    for w in phrases::claims().get("clause_breaks") {
        if let Some(p) = f.rfind(&format!(", {w} ")) {
            start = start.max(Some(p + 2));
        }
    }
    start
}

/// Whether a stretch of text opens a new clause (see [`last_clause_start`]).
fn clause_break_between(text: &str) -> bool {
    last_clause_start(&fold(text)).is_some()
}

#[cfg(test)]
mod tests;
