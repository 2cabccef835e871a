//! A table line as tokens: words, numbers (thousands groups kept apart for the row reader to
//! join), units and notes.

use super::*;

// ---------------------------------------------------------------------------------------------
// Tokens of one line.

#[derive(Debug, Clone, PartialEq)]
pub(super) struct NumLex {
    pub(super) neg: bool,
    /// Integer digits (thousands dots removed).
    pub(super) int: String,
    pub(super) frac: Option<String>,
    /// Written with thousands dots ("1.234.567").
    pub(super) dotted: bool,
}

#[derive(Debug, Clone)]
pub(super) enum Elem {
    Num {
        lex: NumLex,
        start: usize,
        end: usize,
        gap: usize,
    },
    Pct {
        end: usize,
    },
    Unit {
        end: usize,
        unit: NumUnit,
        scale: f64,
    },
    Paren {
        start: usize,
        end: usize,
        inner_start: usize,
        inner_end: usize,
    },
    Word {
        start: usize,
        end: usize,
    },
}

impl Elem {
    pub(super) fn start(&self) -> usize {
        match *self {
            Elem::Num { start, .. } | Elem::Paren { start, .. } | Elem::Word { start, .. } => start,
            Elem::Pct { end } | Elem::Unit { end, .. } => end,
        }
    }
    pub(super) fn is_num(&self) -> bool {
        matches!(self, Elem::Num { .. })
    }
}

#[derive(Debug, Clone)]
pub(super) enum Tk {
    Word,
    Num(NumLex),
    Pct,
    Open,
    Close,
}

#[derive(Debug, Clone)]
pub(super) struct Tok {
    pub(super) kind: Tk,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) gap: usize,
}

pub(super) fn tokenize(s: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut gap = 0usize;
    let mut piece_start: Option<usize> = None;
    let flush = |start: usize, end: usize, gap: usize, toks: &mut Vec<Tok>| {
        split_piece(s, start, end, gap, toks);
    };
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            // "< 60", "≥ 70 %": a comparison sign and the figure after one space are one piece
            // (a requirement cell), not a word and a number.
            if piece_start.is_some_and(|ps| requirement_sign(&s[ps..i]) == Some(i - ps))
                && s[i + c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit())
            {
                continue;
            }
            if let Some(ps) = piece_start.take() {
                flush(ps, i, gap, &mut toks);
                gap = 0;
            }
            gap += 1;
        } else if piece_start.is_none() {
            piece_start = Some(i);
        }
    }
    if let Some(ps) = piece_start {
        flush(ps, s.len(), gap, &mut toks);
    }
    toks
}

pub(super) fn split_piece(
    s: &str,
    mut start: usize,
    mut end: usize,
    gap: usize,
    toks: &mut Vec<Tok>,
) {
    let mut first = true;
    let g = |first: bool| if first { gap } else { 0 };
    while s[start..end].starts_with('(') {
        toks.push(Tok {
            kind: Tk::Open,
            start,
            end: start + 1,
            gap: g(first),
        });
        first = false;
        start += 1;
    }
    let mut closes = 0;
    while end > start && s[start..end].ends_with(')') {
        end -= 1;
        closes += 1;
    }
    if end > start {
        let core = &s[start..end];
        // A requirement cell ("< 60", "≤45", "≥ 70%"): the figure, its span from the sign, so
        // the cell's text still shows it is a requirement.
        let signed = requirement_sign(core).map(|n| core[n..].trim_start());
        let signed = signed.map(|r| (r.strip_suffix('%'), r));
        if let Some(num) = signed.and_then(|(pct, r)| lex_num(pct.unwrap_or(r))) {
            let pct = signed.is_some_and(|(pct, _)| pct.is_some());
            toks.push(Tok {
                kind: Tk::Num(num),
                start,
                end: if pct { end - 1 } else { end },
                gap: g(first),
            });
            if pct {
                toks.push(Tok {
                    kind: Tk::Pct,
                    start: end - 1,
                    end,
                    gap: 0,
                });
            }
        } else if core == "%" {
            toks.push(Tok {
                kind: Tk::Pct,
                start,
                end,
                gap: g(first),
            });
        } else if let Some(num) = core.strip_suffix('%').and_then(lex_num) {
            toks.push(Tok {
                kind: Tk::Num(num),
                start,
                end: end - 1,
                gap: g(first),
            });
            toks.push(Tok {
                kind: Tk::Pct,
                start: end - 1,
                end,
                gap: 0,
            });
        } else if let Some(num) = lex_num(core) {
            toks.push(Tok {
                kind: Tk::Num(num),
                start,
                end,
                gap: g(first),
            });
        } else {
            toks.push(Tok {
                kind: Tk::Word,
                start,
                end,
                gap: g(first),
            });
        }
        first = false;
    }
    for k in 0..closes {
        toks.push(Tok {
            kind: Tk::Close,
            start: end + k,
            end: end + k + 1,
            gap: g(first),
        });
        first = false;
    }
}

/// The byte length of the comparison sign a piece opens with ("<", "≤", ">=", …), when it opens
/// with one.
pub(crate) fn requirement_sign(piece: &str) -> Option<usize> {
    ["<=", ">=", "<", ">", "≤", "≥", "⩽", "⩾"]
        .iter()
        .find(|sign| piece.starts_with(**sign))
        .map(|sign| sign.len())
}

/// A numeric piece: "302", "9,0", "-561", "1.234.567", "13.5", "4 657 500,-" (the last piece).
/// Dates ("09.09.2025"), ordinals ("9.") and pieces with trailing punctuation are not numbers.
pub(super) fn lex_num(core: &str) -> Option<NumLex> {
    let mut s = core;
    let mut neg = false;
    if let Some(c) = s.chars().next() {
        if matches!(c, '-' | '−' | '–' | '+') {
            let rest = &s[c.len_utf8()..];
            if rest.starts_with(|d: char| d.is_ascii_digit()) {
                neg = c != '+';
                s = rest;
            }
        }
    }
    let s = s.strip_suffix(",-").unwrap_or(s);
    if s.is_empty()
        || !s.starts_with(|c: char| c.is_ascii_digit())
        || !s.ends_with(|c: char| c.is_ascii_digit())
        || !s
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    let seps: Vec<char> = s.chars().filter(|c| *c == ',' || *c == '.').collect();
    let parts: Vec<&str> = s.split([',', '.']).collect();
    match seps.len() {
        0 => Some(NumLex {
            neg,
            int: s.to_string(),
            frac: None,
            dotted: false,
        }),
        1 => {
            let (a, b) = (parts[0], parts[1]);
            if seps[0] == '.' && b.len() == 3 && a.len() <= 3 {
                Some(NumLex {
                    neg,
                    int: format!("{a}{b}"),
                    frac: None,
                    dotted: true,
                })
            } else {
                Some(NumLex {
                    neg,
                    int: a.to_string(),
                    frac: Some(b.to_string()),
                    dotted: false,
                })
            }
        }
        n => {
            // Thousands dots, optionally a decimal comma at the end: "1.234.567", "1.234,5".
            let last_comma = seps[n - 1] == ',';
            let dots = if last_comma { n - 1 } else { n };
            if dots == 0 || seps[..dots].iter().any(|c| *c != '.') || parts[0].len() > 3 {
                return None;
            }
            if parts[1..=dots].iter().any(|p| p.len() != 3) {
                return None;
            }
            let int: String = parts[..=dots].concat();
            Some(NumLex {
                neg,
                int,
                frac: if last_comma {
                    Some(parts[n].to_string())
                } else {
                    None
                },
                dotted: true,
            })
        }
    }
}

/// The unit a name in `data/table_unit_words.txt` stands for.
pub(super) fn unit_named(name: &str) -> Option<NumUnit> {
    match name {
        "percent" => Some(NumUnit::Percent),
        "percentage_points" => Some(NumUnit::PercentagePoints),
        "days" => Some(NumUnit::Days),
        "nok" => Some(NumUnit::Nok),
        "none" => Some(NumUnit::None),
        _ => None,
    }
}

/// A unit word the number lexer knows ("årsverk", "personer", "timer"): (unit, scale).
pub(super) fn lexer_unit(word: &str) -> Option<(NumUnit, f64)> {
    if word.chars().count() > 20 || !word.chars().any(|c| c.is_alphabetic()) {
        return None;
    }
    let probe = format!("1 {word}");
    let toks = crate::extract::numbers::lex(&probe);
    let [tok] = toks.as_slice() else {
        return None;
    };
    (tok.kind == crate::extract::numbers::NumberKind::Quantity
        && tok.span.end == probe.len()
        && (tok.unit != NumUnit::None || tok.value != 1.0)
        && tok.value.is_finite()
        && tok.value > 0.0)
        .then_some((tok.unit, tok.value))
}

pub(super) fn elems_of(s: &str) -> Vec<Elem> {
    let toks = tokenize(s);
    let mut out = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        match &t.kind {
            Tk::Open => {
                // Find the matching close (bounded by the line).
                let mut depth = 0i32;
                let mut j = i;
                let mut found = None;
                while j < toks.len() {
                    match toks[j].kind {
                        Tk::Open => depth += 1,
                        Tk::Close => {
                            depth -= 1;
                            if depth == 0 {
                                found = Some(j);
                                break;
                            }
                        }
                        _ => {}
                    }
                    j += 1;
                }
                match found {
                    Some(j) => {
                        out.push(Elem::Paren {
                            start: t.start,
                            end: toks[j].end,
                            inner_start: t.end,
                            inner_end: toks[j].start,
                        });
                        i = j + 1;
                    }
                    None => {
                        out.push(Elem::Word {
                            start: t.start,
                            end: t.end,
                        });
                        i += 1;
                    }
                }
                continue;
            }
            Tk::Close => out.push(Elem::Word {
                start: t.start,
                end: t.end,
            }),
            Tk::Pct => out.push(Elem::Pct { end: t.end }),
            Tk::Num(n) => out.push(Elem::Num {
                lex: n.clone(),
                start: t.start,
                end: t.end,
                gap: t.gap,
            }),
            Tk::Word => {
                let w = s[t.start..t.end].to_lowercase();
                let after_num = matches!(
                    out.last(),
                    Some(Elem::Num { .. }) | Some(Elem::Pct { .. }) | Some(Elem::Unit { .. })
                );
                // "per 100 000", "pr. 1000"
                if after_num && matches!(w.as_str(), "per" | "pr." | "pr") {
                    let mut j = i + 1;
                    let mut digits = String::new();
                    let mut end = t.end;
                    while j < toks.len() && digits.len() < 8 {
                        match &toks[j].kind {
                            Tk::Num(n) if n.frac.is_none() && !n.neg => {
                                digits.push_str(&n.int);
                                end = toks[j].end;
                                j += 1;
                            }
                            _ => break,
                        }
                        if matches!(digits.as_str(), "100000" | "10000") {
                            break;
                        }
                    }
                    if matches!(digits.as_str(), "100000") {
                        out.push(Elem::Unit {
                            end,
                            unit: NumUnit::Per100k,
                            scale: 1.0,
                        });
                        i = j;
                        continue;
                    }
                }
                if after_num {
                    let known = lexicon()
                        .table_units
                        .get(w.as_str())
                        .and_then(|&(name, scale)| unit_named(name).map(|unit| (unit, scale)))
                        .or_else(|| lexer_unit(&w));
                    if let Some((unit, scale)) = known {
                        out.push(Elem::Unit {
                            end: t.end,
                            unit,
                            scale,
                        });
                        i += 1;
                        continue;
                    }
                }
                out.push(Elem::Word {
                    start: t.start,
                    end: t.end,
                });
            }
        }
        i += 1;
    }
    out
}
