//! Sample reports for "Prøv med eksempel". They are not compiled into the wasm (they would be a
//! third of it): the host passes them to `mount` (`options.examples`, written by scripts/build as
//! pkg/examples.js), so the section only shows when it has examples.

#[derive(Debug, Clone, serde::Deserialize)]
pub struct Example {
    pub file: String,
    pub text: String,
}

/// A button title: the document's first words, whitespace collapsed, shortened.
pub fn title(text: &str) -> String {
    const MAX: usize = 72;
    // The first non-blank lines, until there is enough to recognise the document by.
    let mut first = String::new();
    for line in text
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
    {
        if !first.is_empty() {
            first.push_str(" · ");
        }
        first.push_str(&line);
        if first.chars().count() >= 30 {
            break;
        }
    }
    if first.ends_with('-') {
        // A word broken over two lines: show that the title goes on.
        return format!("{}…", first.trim_end_matches(['-', ' ']));
    }
    if first.chars().count() <= MAX {
        return first;
    }
    let cut: String = first.chars().take(MAX).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > MAX / 2 => cut[..i].to_string(),
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches([' ', '-', ',', ':']))
}
