use super::*;

/// Reads a segment; when it names several areas ("i somatikken … , medan … i TSB"), each area's
/// part is read on its own.
pub(super) fn read_segment(
    f: &str,
    tokens: &[NumberToken],
    start: usize,
    end: usize,
    unit: Option<TargetUnit>,
    entity: &str,
) -> Option<Observation> {
    read_segments(f, tokens, start, end, unit, entity)
        .into_iter()
        .next()
}

pub(super) fn read_segments(
    f: &str,
    tokens: &[NumberToken],
    start: usize,
    end: usize,
    unit: Option<TargetUnit>,
    entity: &str,
) -> Vec<Observation> {
    let spans = subject_spans(f, start, end);
    // Fewer than two distinct subjects: one reading.
    if spans
        .iter()
        .all(|s| spans.first().is_some_and(|f| f.2 == s.2))
    {
        return read_one(f, tokens, start, end, unit, entity)
            .into_iter()
            .collect();
    }
    let anchors: Vec<(usize, usize)> = spans.iter().map(|s| (s.0, s.1)).collect();
    let in_range: Vec<&NumberToken> = tokens
        .iter()
        .filter(|t| t.span.start >= start && t.span.end <= end)
        .collect();
    // "høvesvis 57, 38, 41 og 26 dagar for somatikk, PHV, PHBU og TSB": the figures paired
    // with the areas in order.
    let in_tokens: Vec<NumberToken> = in_range.iter().map(|t| (*t).clone()).collect();
    let paired = respectively(f, &anchors, &in_tokens, unit);
    if !paired.is_empty() {
        return paired
            .into_iter()
            .map(|(i, t)| Observation {
                entity: entity.to_string(),
                subject: Some(spans[i].2.clone()),
                value: Some(t.value),
                baseline_value: None,
                year: None,
                baseline_year: None,
                change_pct: None,
                at: t.span.start,
            })
            .collect();
    }
    let backward = figures_come_first(f, &anchors, &in_range, unit);
    // "66 dagar i somatikken (69 dagar i 2023), 47 dagar i …": a bracket right after an area's
    // name still belongs to that area.
    let bracket_end = |at_end: usize| -> usize {
        let rest = f.get(at_end..end).unwrap_or("");
        let lead = rest.len() - rest.trim_start().len();
        match rest.trim_start().strip_prefix('(') {
            Some(inner) => inner
                .find(')')
                .map_or(at_end, |c| at_end + lead + 1 + c + 1),
            None => at_end,
        }
    };
    let mut out = Vec::new();
    for (i, (at, at_end, _)) in spans.iter().enumerate() {
        // Forward: from this area to the next. Backward: from the previous area to the end of this one.
        let (s, e) = if backward {
            (
                if i == 0 {
                    start
                } else {
                    bracket_end(spans[i - 1].1)
                },
                bracket_end(*at_end),
            )
        } else {
            (
                if i == 0 { start } else { *at },
                spans.get(i + 1).map_or(end, |n| n.0),
            )
        };
        if let Some(o) = read_one(f, tokens, s, e, unit, entity) {
            out.push(o);
        }
    }
    out
}
