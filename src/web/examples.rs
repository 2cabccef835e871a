//! Sample reports built into the app, so "Prøv med eksempel" works offline.

pub struct Example {
    pub file: &'static str,
    pub bytes: &'static [u8],
}

macro_rules! example {
    ($f:literal) => {
        Example {
            file: $f,
            bytes: include_bytes!(concat!("../../examples/", $f)),
        }
    };
}

pub const EXAMPLES: &[Example] = &[
    example!("000_2a6fda8bf9662336.txt"),
    example!("001_a15ca66fe45fcd5e.txt"),
    example!("002_473fd4dd3fe50d6d.txt"),
    example!("003_1aa3c3bfad0b64da.txt"),
    example!("004_6a014670dbcf36ad.txt"),
];

/// A button title: the document's first words, whitespace collapsed, shortened.
pub fn title(bytes: &[u8]) -> String {
    const MAX: usize = 72;
    let text = String::from_utf8_lossy(bytes);
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
