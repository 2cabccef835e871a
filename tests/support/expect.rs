//! Scores an independent evaluation set (`tests/fixtures/<set>`): reports written by authors who
//! did not see the engine, each with a reviewer's expectations in `NAME.expect.json`
//! (tests/fixtures/variants3/FORMAT.md): targets found, the report's claims read, verdicts
//! right, real errors flagged, placeholders found, consistent places left alone, false flags.
//! `VARIANTS_JSON=out.json` scores a saved `meldingssjekk check --format json` output instead of
//! running the engine (how a first score, before any change, is taken).

use serde_json::Value;
use std::collections::BTreeMap;

fn set_dir(set: &str) -> String {
    format!("{}/tests/fixtures/{set}", env!("CARGO_MANIFEST_DIR"))
}

#[derive(Default, Clone, Copy)]
struct Tally {
    hit: usize,
    of: usize,
}

impl Tally {
    fn add(&mut self, ok: bool) {
        self.of += 1;
        self.hit += ok as usize;
    }
    fn merge(&mut self, o: Tally) {
        self.hit += o.hit;
        self.of += o.of;
    }
}

#[derive(Default, Clone)]
struct Score {
    targets: Tally,
    claims: Tally,
    verdicts: Tally,
    errors: Tally,
    placeholders: Tally,
    consistent: Tally,
    false_flags: usize,
    misses: Vec<String>,
}

impl Score {
    fn total(&self) -> Tally {
        let mut t = Tally::default();
        for x in [
            self.targets,
            self.claims,
            self.verdicts,
            self.errors,
            self.placeholders,
            self.consistent,
        ] {
            t.merge(x);
        }
        t
    }
    fn merge(&mut self, o: &Score) {
        self.targets.merge(o.targets);
        self.claims.merge(o.claims);
        self.verdicts.merge(o.verdicts);
        self.errors.merge(o.errors);
        self.placeholders.merge(o.placeholders);
        self.consistent.merge(o.consistent);
        self.false_flags += o.false_flags;
    }
}

fn fixtures(set: &str) -> Vec<String> {
    let dir = set_dir(set);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".txt"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
        .into_iter()
        .filter(|n| std::path::Path::new(&format!("{dir}/{}", expect_name(n))).exists())
        .collect()
}

fn expect_name(txt: &str) -> String {
    format!("{}.expect.json", txt.trim_end_matches(".txt"))
}

/// The 1-based line holding `quote` (the first one).
fn line_of(text: &str, quote: &str) -> Option<usize> {
    text.lines().position(|l| l.contains(quote)).map(|i| i + 1)
}

fn num(v: &Value) -> Option<f64> {
    v.as_f64()
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-6 * b.abs().max(1.0),
        _ => false,
    }
}

/// Money: the engine gives whole kroner, an author may have written millions as the text does.
fn close_value(got: Option<f64>, want: Option<f64>, unit: &Value) -> bool {
    close(got, want) || (unit == "nok" && close(got, want.map(|w| w * 1e6)))
}

/// The area key ("somatikk", "phv", "phbu", "tsb") of a subject as the engine or an author writes it.
fn subject_key(s: &str) -> String {
    let f = s.to_lowercase();
    if f.contains("barn") || f.contains("phbu") || f.contains("bup") {
        "phbu".into()
    } else if f.contains("voksne")
        || f.contains("vaksne")
        || f.contains("phv")
        || f.contains("vop")
        || f.contains("psykisk")
    {
        "phv".into()
    } else if f.contains("tsb") || f.contains("rus") {
        "tsb".into()
    } else if f.contains("somat") {
        "somatikk".into()
    } else {
        f
    }
}

fn entity_matches(got: &str, want: &str) -> bool {
    let norm = |s: &str| s.to_lowercase().replace(" rhf", "").replace(" hf", "");
    if norm(got) == norm(want) {
        return true;
    }
    // The region's own figures: the engine may call the RHF "Regionen" or "Totalt".
    want.ends_with(" RHF") && (got == "Regionen" || got == "Totalt")
}

fn indicators_at(doc: &Value, line: usize) -> Vec<&Value> {
    let Some(all) = doc["indicators"].as_array() else {
        return Vec::new();
    };
    all.iter()
        .filter(|i| {
            let l = i["line"].as_u64().unwrap_or(0) as usize;
            let e = i["end_line"].as_u64().unwrap_or(0) as usize;
            l <= line && line <= e.max(l)
        })
        .collect()
}

fn target_matches(ind: &Value, want: &Value) -> bool {
    let t = &ind["target"];
    if t["comparator"] != want["comparator"] {
        return false;
    }
    if let Some(th) = num(&want["threshold"]) {
        if !close_value(num(&t["threshold"]), Some(th), &want["unit"]) {
            return false;
        }
    }
    if let Some(s) = want["subject"].as_str() {
        match t["subject"].as_str() {
            Some(g) if subject_key(g) == subject_key(s) => {}
            _ => return false,
        }
    }
    true
}

fn status_matches(got: &str, want: &str) -> bool {
    got == want || (want == "pending" && got == "unknown")
}

fn score_document(name: &str, text: &str, expect: &Value, doc: &Value) -> Score {
    let mut s = Score::default();
    let miss = |s: &mut Score, what: String| s.misses.push(format!("{name}: {what}"));
    let empty = Vec::new();
    for t in expect["targets"].as_array().unwrap_or(&empty) {
        let quote = t["quote"].as_str().unwrap_or("");
        let Some(line) = line_of(text, quote) else {
            miss(&mut s, format!("quote not in text: {quote:?}"));
            continue;
        };
        let found = indicators_at(doc, line)
            .into_iter()
            .find(|i| target_matches(i, t));
        s.targets.add(found.is_some());
        let label = format!(
            "line {line} {} {} {}",
            t["comparator"], t["threshold"], t["subject"]
        );
        if found.is_none() {
            let got: Vec<String> = indicators_at(doc, line)
                .iter()
                .map(|i| {
                    format!(
                        "{} {} {}",
                        i["target"]["comparator"], i["target"]["threshold"], i["target"]["subject"]
                    )
                })
                .collect();
            miss(&mut s, format!("target {label} not read (got {got:?})"));
        }
        if let Some(c) = t["claim"].as_str() {
            let ok = found.is_some_and(|i| i["claim"].as_str() == Some(c));
            s.claims.add(ok);
            if !ok {
                let got = found.map(|i| i["claim"].clone());
                miss(&mut s, format!("claim {c} for {label} (got {got:?})"));
            }
        }
        for v in t["verdicts"].as_array().unwrap_or(&empty) {
            let entity = v["entity"].as_str().unwrap_or("");
            let status = v["status"].as_str().unwrap_or("");
            let ok = found.is_some_and(|i| {
                i["verdicts"].as_array().unwrap_or(&empty).iter().any(|g| {
                    entity_matches(g["entity"].as_str().unwrap_or(""), entity)
                        && v["subject"].as_str().is_none_or(|ws| {
                            g["subject"]
                                .as_str()
                                .or(i["target"]["subject"].as_str())
                                .is_some_and(|gs| subject_key(gs) == subject_key(ws))
                        })
                        && (num(&v["value"]).is_none()
                            || close_value(num(&g["value"]), num(&v["value"]), &t["unit"]))
                        && status_matches(g["status"].as_str().unwrap_or(""), status)
                })
            });
            s.verdicts.add(ok);
            if !ok {
                let got: Vec<String> = found
                    .map(|i| {
                        i["verdicts"]
                            .as_array()
                            .unwrap_or(&empty)
                            .iter()
                            .map(|g| {
                                format!(
                                    "{} [{}] {} {}",
                                    g["entity"], g["subject"], g["value"], g["status"]
                                )
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                miss(
                    &mut s,
                    format!(
                        "verdict {label}: {entity} [{}] {} {status} (got {got:?})",
                        v["subject"], v["value"]
                    ),
                );
            }
        }
    }
    let findings: Vec<&Value> = doc["findings"]
        .as_array()
        .unwrap_or(&empty)
        .iter()
        .collect();
    let covers = |f: &Value, line: usize| {
        let l = f["line"].as_u64().unwrap_or(0) as usize;
        let e = f["end_line"].as_u64().unwrap_or(0) as usize;
        l <= line && line <= e.max(l)
    };
    let is_flag = |f: &Value| matches!(f["kind"].as_str(), Some("arithmetic" | "claim_mismatch"));
    let mut used = vec![false; findings.len()];
    for e in expect["errors"].as_array().unwrap_or(&empty) {
        let quote = e["quote"].as_str().unwrap_or("");
        let Some(line) = line_of(text, quote) else {
            miss(&mut s, format!("quote not in text: {quote:?}"));
            continue;
        };
        let hit: Vec<usize> = (0..findings.len())
            .filter(|&k| is_flag(findings[k]) && covers(findings[k], line))
            .collect();
        for &k in &hit {
            used[k] = true;
        }
        s.errors.add(!hit.is_empty());
        if hit.is_empty() {
            miss(
                &mut s,
                format!("error not flagged at line {line}: {}", e["why"]),
            );
        }
    }
    for p in expect["placeholders"].as_array().unwrap_or(&empty) {
        let quote = p["quote"].as_str().unwrap_or("");
        let Some(line) = line_of(text, quote) else {
            miss(&mut s, format!("quote not in text: {quote:?}"));
            continue;
        };
        let ok = findings
            .iter()
            .any(|f| f["kind"] == "placeholder" && covers(f, line));
        s.placeholders.add(ok);
        if !ok {
            miss(&mut s, format!("placeholder not found at line {line}"));
        }
    }
    for c in expect["consistent"].as_array().unwrap_or(&empty) {
        let quote = c["quote"].as_str().unwrap_or("");
        let Some(line) = line_of(text, quote) else {
            miss(&mut s, format!("quote not in text: {quote:?}"));
            continue;
        };
        let flagged = findings.iter().any(|f| is_flag(f) && covers(f, line));
        s.consistent.add(!flagged);
        if flagged {
            miss(
                &mut s,
                format!("consistent place flagged at line {line}: {}", c["why"]),
            );
        }
    }
    for (k, f) in findings.iter().enumerate() {
        if is_flag(f) && !used[k] {
            s.false_flags += 1;
            miss(
                &mut s,
                format!(
                    "FALSE FLAG {} at line {}: {}",
                    f["kind"], f["line"], f["message"]
                ),
            );
        }
    }
    s
}

fn documents(set: &str) -> BTreeMap<String, Value> {
    if let Ok(path) = std::env::var("VARIANTS_JSON").or_else(|_| std::env::var("VARIANTS3_JSON")) {
        let all: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        return all["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                let n = d["name"].as_str().unwrap();
                let base = n.rsplit('/').next().unwrap().to_string();
                (base, d.clone())
            })
            .collect();
    }
    fixtures(set)
        .into_iter()
        .map(|n| {
            let d = super::doc_in(set, &n);
            (n, serde_json::to_value(&d).unwrap())
        })
        .collect()
}

fn score_all(set: &str) -> (Score, Vec<(String, Score)>) {
    let dir = set_dir(set);
    let docs = documents(set);
    let mut all = Score::default();
    let mut per = Vec::new();
    for name in fixtures(set) {
        let text = std::fs::read_to_string(format!("{dir}/{name}")).unwrap();
        let expect: Value = serde_json::from_str(
            &std::fs::read_to_string(format!("{dir}/{}", expect_name(&name))).unwrap(),
        )
        .unwrap_or_else(|e| panic!("{name}: bad expectations: {e}"));
        let Some(doc) = docs.get(&name) else {
            continue;
        };
        let s = score_document(&name, &text, &expect, doc);
        all.merge(&s);
        all.misses.extend(s.misses.iter().cloned());
        per.push((name, s));
    }
    (all, per)
}

fn row(name: &str, s: &Score) -> String {
    let t = s.total();
    let f = |x: Tally| format!("{}/{}", x.hit, x.of);
    format!(
        "{name:44} targets {:7} claims {:7} verdicts {:7} errors {:5} placeholders {:5} consistent {:5} | false flags {} | total {}/{} ({:.0} %)",
        f(s.targets),
        f(s.claims),
        f(s.verdicts),
        f(s.errors),
        f(s.placeholders),
        f(s.consistent),
        s.false_flags,
        t.hit,
        t.of,
        100.0 * t.hit as f64 / t.of.max(1) as f64
    )
}

/// Prints the score per report and every miss; fails below `floor` (share of expectations met)
/// or on any false flag.
pub fn run(set: &str, floor: f64) {
    let (all, per) = score_all(set);
    for (n, s) in &per {
        println!("{}", row(n, s));
    }
    println!("{}", row("ALL", &all));
    for m in &all.misses {
        println!("  {m}");
    }
    let t = all.total();
    let share = t.hit as f64 / t.of.max(1) as f64;
    assert!(share >= floor, "{set} score {share:.3} fell below {floor}");
    assert_eq!(all.false_flags, 0, "false flags");
}
