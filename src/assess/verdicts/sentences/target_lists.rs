//! Targets written as a list under a lead sentence that ends with a colon.

use crate::document::Sentence;
use crate::extract::targets::TargetSpec;
use crate::text::fold;

/// Targets written as a list after a lead that ends with a colon ("Måltala for gjennomsnittleg
/// ventetid i 2024 er:" then "– somatikk: under 55 dagar", "– TSB: under 30 dagar"): each item
/// is read as the lead's sentence with its own figure and area ("Måltala for … i 2024 er under
/// 55 dagar for somatikk"). The lead must hold a goal noun (`[goal_nouns]`; when it stands later
/// in the lead, the noun phrase from it is the items' subject), the items be list items of the
/// form "area: figure" that set no target of their own.
pub(super) fn list_targets(sentences: &[Sentence], texts: &[&str], specs: &mut [Vec<TargetSpec>]) {
    let book = crate::extract::phrases::targets();
    let nouns = book.get("goal_nouns");
    // A goal noun inside the lead ("Helse Vest stilte desse krava til ventetid:"): the items
    // are read with the noun phrase as their subject ("krava til ventetid er under 55 dagar").
    let noun_lead = |lead: &str| -> String {
        // A bracket that closes the lead is a reference ("(jf. tabell 1)"), not the target's.
        let lead = match lead.trim_end().strip_suffix(')').and_then(|l| l.rfind('(')) {
            Some(k) => lead[..k].trim_end(),
            None => lead,
        };
        let f = fold(lead);
        if f.split_whitespace()
            .take(3)
            .any(|w| nouns.iter().any(|n| n == w))
            || crate::extract::phrases::first_of(&f, book.get("modal"), 0).is_some()
        {
            return lead.to_string();
        }
        let at = nouns
            .iter()
            .filter_map(|n| crate::text::find_phrase(&f, n, 0).map(|r| r.start))
            .min();
        match at.and_then(|a| lead.get(a..)) {
            Some(rest) => format!("{} er", rest.trim_end()),
            None => lead.to_string(),
        }
    };
    // "Måltala for … i 2024 er:" + "somatikk: under 55 dagar" → one target sentence.
    let read_item = |lead: &str, item: &str| -> Option<TargetSpec> {
        let lead = noun_lead(lead);
        let lead = lead.as_str();
        // "under 54 dagar i somatikken": the item opens with its comparator and names its one
        // area after the figure; read as the lead's sentence ending with it.
        if let Some(read) = comparator_item(lead, item) {
            return Some(read);
        }
        // "somatikk: under 55 dagar", or without the colon "somatikk 55 dagar": the area is
        // what stands before the figure.
        let (area, rest) = item.split_once(':').or_else(|| {
            let at = item.find(|c: char| c.is_ascii_digit())?;
            (at > 0).then(|| item.split_at(at))
        })?;
        if crate::extract::targets::subjects_in(&fold(area), 0).is_empty() {
            return None;
        }
        // The item ends with its figure ("58 dagar"), whatever a joined paragraph runs on with.
        let rest = rest.trim();
        let rest = crate::extract::numbers::lex(rest)
            .iter()
            .find(|t| t.kind == crate::extract::numbers::NumberKind::Quantity)
            .map_or(rest, |t| &rest[..t.span.end]);
        let sentence = format!(
            "{lead} {} for {}.",
            rest.trim().trim_end_matches(['.', ';', ',']),
            area.trim()
        );
        let mut read = crate::extract::targets::parse_targets_folded(&sentence, &fold(&sentence));
        // One area of a list of several: a figure that names no area is not this one's.
        read.iter_mut().for_each(|r| r.sole_area = false);
        (read.len() == 1).then(|| read.remove(0))
    };
    // The items "area: figure" of a text, when it is nothing else ("BUP: 45 dagar, TSB: 35
    // dagar, VOP: 42 dagar"), each read with the lead.
    let read_items = |lead: &str, text: &str| -> Option<Vec<TargetSpec>> {
        let items: Vec<&str> = text
            .split([',', ';'])
            .flat_map(|p| p.split(" og "))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        // The items from the start, as long as they are items.
        let read: Vec<TargetSpec> = items.iter().map_while(|it| read_item(lead, it)).collect();
        (read.len() >= 2).then_some(read)
    };
    // A lead that opens with a goal noun ("Måltala for … er:") or that sets a requirement whose
    // figures follow ("Innan utgangen av 2026 skal ventetida vere på høgst:").
    // A goal noun later in the lead counts too ("Helse Vest stilte desse krava til ventetid:"):
    // the items must still read as targets of their own with it.
    let opens = |lead: &str| {
        let f = fold(lead);
        f.split_whitespace().any(|w| nouns.iter().any(|n| n == w))
            || crate::extract::phrases::first_of(&f, book.get("modal"), 0).is_some()
    };
    for i in 0..sentences.len() {
        let text = texts[i].trim();
        if !specs[i].is_empty() || text.len() > 400 {
            continue;
        }
        let Some(lead) = text.strip_suffix(':') else {
            // Lead and items in one sentence, as a paragraph joins them.
            if let Some((lead, items)) = text.split_once(": ") {
                if lead.len() <= 200 && opens(lead) {
                    if let Some(read) = read_items(lead, items.trim_end_matches('.')) {
                        specs[i] = read;
                    }
                }
            }
            continue;
        };
        if lead.len() > 200 || !opens(lead) {
            continue;
        }
        let mut j = i + 1;
        let mut first_free = true;
        // The measure of the items read so far, which an item that gives only its area and
        // limit shares ("- PHBU: maksimalt 40 dager" after "- somatikk: ventetiden skal være
        // under 58 dager").
        let mut measure: Option<String> = None;
        while j < sentences.len() && sentences[j].kind == crate::document::UnitKind::Bullet {
            // Items that are target sentences of their own ("- Sjukefråværet skal vere under
            // 7,0 prosent.") stand among the others.
            if !specs[j].is_empty() {
                measure = specs[j].first().map(|s| s.measure.clone());
                first_free = false;
                j += 1;
                continue;
            }
            if let Some(read) = read_item(lead, texts[j]) {
                specs[j] = vec![read];
            } else if let Some(read) = measure_item(texts[j]) {
                // "- Ventetid: under 50 dagar i somatikken og under 40 dagar i PHV".
                specs[j] = read;
            } else if let Some(read) = measure
                .as_deref()
                .and_then(|m| shared_measure_item(m, texts[j]))
            {
                specs[j] = vec![read];
            } else {
                break;
            }
            measure = specs[j].first().map(|s| s.measure.clone());
            first_free = false;
            j += 1;
        }
        let j = if first_free { j } else { i + 2 };
        // The items on one line: "BUP: 45 dagar, TSB: 35 dagar, VOP: 42 dagar".
        if j == i + 1 && j < sentences.len() && specs[j].is_empty() {
            if let Some(read) = read_items(lead, texts[j]) {
                specs[j] = read;
            }
        }
    }
}

/// A list item that opens with a comparator and its figure and names one area after it ("under
/// 54 dagar i somatikken", "høgst 30 dagar for TSB"), under a lead whose sentence it ends
/// ("Kravet var at gjennomsnittleg ventetid … skulle vere:"): read as the lead and the item as
/// one sentence.
pub(super) fn comparator_item(lead: &str, item: &str) -> Option<TargetSpec> {
    let item = item.trim().trim_end_matches(['.', ';', ',']);
    let f = fold(item);
    if !opens_with_comparator(&f) || crate::extract::targets::subjects_in(&f, 0).len() != 1 {
        return None;
    }
    let sentence = format!("{} {item}.", lead.trim_end());
    let mut read = crate::extract::targets::parse_targets_folded(&sentence, &fold(&sentence));
    (read.len() == 1 && read[0].subjects.len() == 1).then(|| read.remove(0))
}

/// A list item that names a measure and then its limit ("Ventetid: under 50 dagar i
/// somatikken og under 40 dagar i PHV"), under a lead that sets requirements: read as "Ventetid
/// skal vere under …". The part after the colon must open with a comparator.
pub(super) fn measure_item(item: &str) -> Option<Vec<TargetSpec>> {
    let (label, rest) = item.split_once(':')?;
    let label = label.trim();
    if label.is_empty() || label.split_whitespace().count() > 4 {
        return None;
    }
    if !opens_with_comparator(&fold(rest.trim())) {
        return None;
    }
    let sentence = format!("{label} skal vere {}", rest.trim());
    let read = crate::extract::targets::parse_targets_folded(&sentence, &fold(&sentence));
    (!read.is_empty()).then_some(read)
}

/// An item that gives only its area and limit ("psykisk helsevern barn og unge (PHBU):
/// maksimalt 40 dager") among items whose measure is `measure` ("ventetiden"): read as
/// "ventetiden skal vere maksimalt 40 dager for psykisk helsevern barn og unge (PHBU)". The part
/// before the colon must name one area, the part after open with a comparator.
fn shared_measure_item(measure: &str, item: &str) -> Option<TargetSpec> {
    let (area, rest) = item.split_once(':')?;
    // The sibling's own area label is not part of its measure ("PHV: ventetiden").
    let measure = measure.rsplit_once(':').map_or(measure, |(_, m)| m);
    if !names_one_area(area) || measure.trim().is_empty() {
        return None;
    }
    let rest = rest.trim().trim_end_matches(['.', ';', ',']);
    if !opens_with_comparator(&fold(rest)) {
        return None;
    }
    let sentence = format!("{} skal vere {rest} for {}.", measure.trim(), area.trim());
    let mut read = crate::extract::targets::parse_targets_folded(&sentence, &fold(&sentence));
    read.iter_mut().for_each(|r| r.sole_area = false);
    (read.len() == 1 && read[0].target.subject.is_some()).then(|| read.remove(0))
}

/// Whether `text` opens with a comparator of a threshold ("under", "høgst", "maksimalt", …).
fn opens_with_comparator(folded: &str) -> bool {
    let book = crate::extract::phrases::targets();
    ["at_least", "at_most", "above", "below"]
        .iter()
        .any(|section| {
            crate::extract::phrases::first_of(folded, book.get(section), 0)
                .is_some_and(|(r, _)| r.start == 0)
        })
}

/// Whether a label before a colon is the name of one area and nothing more than a name ("TSB",
/// "psykisk helsevern barn og unge (PHBU)"): no figure, a few words.
fn names_one_area(label: &str) -> bool {
    let label = label.trim().trim_start_matches(['–', '-', '•', '*']).trim();
    !label.is_empty()
        && label.split_whitespace().count() <= MAX_AREA_LABEL_WORDS
        && !label.chars().any(|c| c.is_ascii_digit())
        && crate::extract::targets::subjects_in(&fold(label), 0).len() == 1
}

/// Most words of an area's name written as a label ("tverrfaglig spesialisert rusbehandling
/// (TSB)").
const MAX_AREA_LABEL_WORDS: usize = 7;

/// A requirement row inside a table by trust with one column per area ("Krav 2025  < 55  < 42
/// < 38  < 30" under "Somatikk | PHV | PHBU | TSB"): one target per area column whose cell is a
/// requirement with a figure, for the year the label names, measured as the caption says
/// ("Gjennomsnittleg ventetid for avvikla pasientar 2025 (dagar)"). The label must open with a
/// goal noun (`[goal_nouns]`), the row must be the table's first, and at least two columns
/// must give a requirement.
pub(super) fn table_requirement_rows(
    sentences: &[Sentence],
    tables: &[crate::model::Table],
    specs: &mut [Vec<TargetSpec>],
) {
    let book = crate::extract::phrases::targets();
    let nouns = book.get("goal_nouns");
    for (i, s) in sentences.iter().enumerate() {
        // The table's rows decide, whatever the reading view made of the line (a row of
        // requirement cells may read as prose).
        if !specs[i].is_empty() || s.line != s.end_line {
            continue;
        }
        let Some((table, r)) = tables.iter().find_map(|t| {
            t.row_lines
                .iter()
                .position(|&l| l == s.line)
                .map(|r| (t, r))
        }) else {
            continue;
        };
        // The requirement row heads the rows it sets the bar for; a "Mål" row at the foot of a
        // table more often restates targets the text set in other words (left unread: unknown
        // is better than a second target).
        if r != 0 {
            continue;
        }
        let Some(row) = table.rows.get(r) else {
            continue;
        };
        let Some(label) = row.first() else {
            continue;
        };
        let lf = fold(label);
        if !lf
            .split_whitespace()
            .next()
            .is_some_and(|w| nouns.iter().any(|n| n == w))
            || table.header.len() != row.len()
        {
            continue;
        }
        let caption = table.caption.as_deref().unwrap_or("");
        let unit = crate::assess::tables_link::unit_hint(caption);
        let measure = caption_measure(caption);
        let year = crate::extract::tables::year_in(label);
        let mut read = Vec::new();
        for (cell, header) in row.iter().zip(&table.header).skip(1) {
            let areas = crate::extract::targets::subjects_in(&fold(header), 0);
            let [area] = areas.as_slice() else {
                continue;
            };
            let Some(mut target) = crate::assess::target_tables::target_cell(cell) else {
                continue;
            };
            if target.threshold.is_none() {
                continue;
            }
            target.unit = target
                .unit
                .or_else(|| crate::assess::tables_link::unit_hint(header))
                .or(unit);
            target.target_year = year;
            target.subject = Some(area.clone());
            read.push(TargetSpec {
                target,
                measure: measure.clone(),
                subjects: vec![area.clone()],
                sole_area: false,
            });
        }
        // A row that restates targets the text set before it ("Krav  < 60  < 45 …" under
        // "skal vere under høvesvis 60, 45, …") sets none of its own: the text's targets are
        // answered by the table.
        let restated = |r: &TargetSpec| {
            specs[..i].iter().flatten().any(|e| {
                e.target.comparator == r.target.comparator
                    && e.target.threshold == r.target.threshold
            })
        };
        if read.len() >= 2 && !read.iter().any(restated) {
            specs[i] = read;
        }
    }
}

/// What a table's caption says is measured: "Tabell 1 Gjennomsnittleg ventetid for avvikla
/// pasientar 2025 (dagar)" gives "Gjennomsnittleg ventetid for avvikla pasientar".
fn caption_measure(caption: &str) -> String {
    let head = caption.split('(').next().unwrap_or(caption);
    let mut words: Vec<&str> = head.split_whitespace().collect();
    if words.first().is_some_and(|w| fold(w).starts_with("tabell")) {
        words.remove(0);
        if words.first().is_some_and(|w| {
            w.trim_end_matches([':', '.'])
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.')
        }) {
            words.remove(0);
        }
    }
    while words.last().is_some_and(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.is_empty() || (w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))
    }) {
        words.pop();
    }
    words.join(" ").trim_end_matches([',', ':']).to_string()
}
