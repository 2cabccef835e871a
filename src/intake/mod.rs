//! Intake: bytes → text or table. Detects the encoding (BOM, valid UTF-8, else Windows-1252),
//! decides whether the input is a table (CSV/TSV by name or by a sniffed delimiter) or running text,
//! and refuses binary files with a message that names the file and the reason.
//!
//! Structured files (PDF, DOCX, XLSX, ODS) are recognised by their signature (a ZIP archive by
//! the parts inside it) and turned by their reader into text laid out the way the engine reads
//! it, with the origin of every line (see `structured`). The readers are behind the `readers`
//! feature: the page's view wasm has none and says that these formats need the analysis worker.

pub mod csv_table;
#[cfg(feature = "readers")]
pub mod docx;
pub mod encoding;
#[cfg(feature = "pdf")]
pub mod pdf;
#[cfg(feature = "readers")]
pub mod sheets;
pub mod structured;
#[cfg(feature = "readers")]
pub mod zipped;

use crate::model::Format;
use crate::text::{Grouping, NumberFormat};
pub use structured::{Structured, StructuredInput};

pub use csv_table::{read_table, CsvDialect, RawTable};

/// Largest input Meldingssjekk analyses. Larger files are refused before decoding.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// What the bytes turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Text,
    Csv,
}

/// Decoded input, ready for the document model or the table reader.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub name: String,
    pub text: String,
    /// "UTF-8", "UTF-16LE", "UTF-16BE" or "windows-1252".
    pub encoding: &'static str,
    pub kind: InputKind,
}

/// Why an input was refused; `Display` gives the one-line message users see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntakeError {
    Empty {
        name: String,
    },
    TooLarge {
        name: String,
        bytes: usize,
    },
    Binary {
        name: String,
        reason: String,
    },
    /// A PDF, Word or spreadsheet file its reader could not read; `reason` says why, `advice`
    /// what to do.
    Unreadable {
        name: String,
        what: &'static str,
        reason: String,
        advice: &'static str,
    },
    /// A PDF, Word or spreadsheet file where no reader is built in (the page without its worker).
    NoReader {
        name: String,
        what: &'static str,
    },
}

impl std::fmt::Display for IntakeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IntakeError::Empty { name } => write!(f, "{name}: filen er tom (the file is empty)"),
            IntakeError::TooLarge { name, bytes } => write!(
                f,
                "{name}: filen er for stor ({} MB; grensen er {} MB) (file too large)",
                format_mb(*bytes),
                MAX_INPUT_BYTES / (1024 * 1024)
            ),
            IntakeError::Binary { name, reason } => {
                write!(
                    f,
                    "{name}: ikke en tekst- eller CSV-fil: {reason} (not a text or CSV file)"
                )
            }
            IntakeError::Unreadable {
                name,
                what,
                reason,
                advice,
            } => write!(f, "{name}: {what} kunne ikke leses: {reason}. {advice}"),
            IntakeError::NoReader { name, what } => write!(
                f,
                "{name}: {what} kan bare leses i den serverte siden (scripts/serve) eller på \
                 kommandolinjen, ikke i enkeltfilen åpnet fra disk. Åpne siden fra en server, \
                 eller lagre dokumentet som tekst."
            ),
        }
    }
}

impl std::error::Error for IntakeError {}

fn format_mb(bytes: usize) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    NumberFormat::nb(1).grouping(Grouping::None).format(mb)
}

/// Signatures of binary formats we do not read, with the Norwegian name shown to users.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG", "PNG-bilde"),
    (b"\xFF\xD8\xFF", "JPEG-bilde"),
    (b"GIF8", "GIF-bilde"),
    (b"\xD0\xCF\x11\xE0", "Office-dokument (gammelt format)"),
    (b"\x1F\x8B", "gzip-arkiv"),
    (b"\0asm", "WebAssembly-modul"),
    (b"\x7FELF", "programfil"),
];

/// What an input turned out to be: text or CSV to decode, or a structured file read into text.
#[derive(Debug, Clone)]
pub enum Intake {
    Plain(Decoded),
    Structured(StructuredInput),
}

/// A structured format recognised by its signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    Pdf,
    Docx,
    Xlsx,
    Ods,
}

impl Container {
    pub fn format(self) -> Format {
        match self {
            Container::Pdf => Format::Pdf,
            Container::Docx => Format::Docx,
            Container::Xlsx => Format::Xlsx,
            Container::Ods => Format::Ods,
        }
    }

    /// The Norwegian name used in messages ("Word-dokumentet").
    pub fn what(self) -> &'static str {
        match self {
            Container::Pdf => "PDF-dokumentet",
            Container::Docx => "Word-dokumentet",
            Container::Xlsx => "Excel-arbeidsboken",
            Container::Ods => "regnearket (ODS)",
        }
    }

    #[cfg_attr(not(feature = "readers"), allow(dead_code))]
    fn advice(self) -> &'static str {
        match self {
            Container::Pdf => {
                "Åpne den i en PDF-leser og lagre en ny kopi, eller kopier teksten og lim den inn"
            }
            Container::Docx => {
                "Åpne det i Word og lagre det på nytt som .docx, eller lagre det som tekst (.txt)"
            }
            Container::Xlsx | Container::Ods => {
                "Åpne det i regnearkprogrammet og lagre det på nytt, eller lagre arket som CSV"
            }
        }
    }
}

/// The structured format of `bytes` by its signature, if any: `%PDF`, or a ZIP archive holding
/// `word/document.xml`, `xl/workbook.xml`, or an ODS `mimetype`. Without the `readers` feature
/// a ZIP archive is taken as DOCX/XLSX/ODS by its file name.
pub fn container_of(name: &str, bytes: &[u8]) -> Option<Container> {
    if bytes.starts_with(b"%PDF") {
        return Some(Container::Pdf);
    }
    if !bytes.starts_with(b"PK\x03\x04") && !bytes.starts_with(b"PK\x05\x06") {
        return None;
    }
    // An ODS names itself in its first entry, stored uncompressed.
    if bytes.get(30..38) == Some(b"mimetype")
        && memchr::memmem::find(
            bytes.get(..200).unwrap_or(bytes),
            b"application/vnd.oasis.opendocument.spreadsheet",
        )
        .is_some()
    {
        return Some(Container::Ods);
    }
    #[cfg(feature = "readers")]
    {
        if let Ok(zip) = zipped::Zip::open(bytes) {
            if zip.has("word/document.xml") {
                return Some(Container::Docx);
            }
            if zip.has("xl/workbook.xml") {
                return Some(Container::Xlsx);
            }
            return None;
        }
    }
    let lower = name.to_lowercase();
    if lower.ends_with(".docx") {
        Some(Container::Docx)
    } else if lower.ends_with(".xlsx") {
        Some(Container::Xlsx)
    } else if lower.ends_with(".ods") {
        Some(Container::Ods)
    } else {
        None
    }
}

/// Reads any input: a structured file through its reader, anything else through [`decode`].
/// `progress(done, total)` is called per PDF page. A panic inside a reader (third-party code)
/// is caught where unwinding is possible and becomes a refusal.
pub fn intake(
    name: &str,
    bytes: &[u8],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Intake, IntakeError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(IntakeError::TooLarge {
            name: name.to_string(),
            bytes: bytes.len(),
        });
    }
    match container_of(name, bytes) {
        Some(c) => read_container(name, c, bytes, progress).map(Intake::Structured),
        None => decode(name, bytes).map(Intake::Plain),
    }
}

#[cfg(not(feature = "readers"))]
fn read_container(
    name: &str,
    c: Container,
    _bytes: &[u8],
    _progress: &mut dyn FnMut(usize, usize),
) -> Result<StructuredInput, IntakeError> {
    Err(IntakeError::NoReader {
        name: name.to_string(),
        what: c.what(),
    })
}

#[cfg(feature = "readers")]
fn read_container(
    name: &str,
    c: Container,
    bytes: &[u8],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<StructuredInput, IntakeError> {
    let unreadable = |reason: String| IntakeError::Unreadable {
        name: name.to_string(),
        what: c.what(),
        reason,
        advice: c.advice(),
    };
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match c {
        Container::Docx => docx::read_docx(bytes).map_err(|e| e.to_string()),
        Container::Xlsx => sheets::read_xlsx(bytes).map_err(|e| e.to_string()),
        Container::Ods => sheets::read_ods(bytes).map_err(|e| e.to_string()),
        Container::Pdf => pdf_text(bytes, progress),
    }));
    let doc = match read {
        Ok(Ok(doc)) => doc,
        Ok(Err(reason)) => return Err(unreadable(reason)),
        Err(_) => {
            return Err(unreadable(
                "leseren stoppet med en intern feil (a reader panicked)".into(),
            ))
        }
    };
    if doc.text.trim().is_empty() {
        return Err(unreadable("det er ingen tekst i filen".into()));
    }
    Ok(StructuredInput {
        format: c.format(),
        doc,
    })
}

/// Without the PDF reader (the web worker's wasm for Office files): PDFs go to the PDF worker.
#[cfg(all(feature = "readers", not(feature = "pdf")))]
fn pdf_text(_: &[u8], _: &mut dyn FnMut(usize, usize)) -> Result<Structured, String> {
    Err("PDF leses av PDF-modulen, som ikke er lastet her".to_string())
}

/// A PDF's text: each page's lines in order, running headers and footers left out, the pieces
/// of a line (split at wide gaps) three spaces apart so the table reader sees the columns; a
/// table whose lines do not all have the same cells (a wrapped header, an empty cell) lined up
/// by x and written as a Word table is (see `pdf::page_blocks`, `Structured::table`).
#[cfg(feature = "pdf")]
fn pdf_text(bytes: &[u8], progress: &mut dyn FnMut(usize, usize)) -> Result<Structured, String> {
    use crate::model::Origin;
    let text = pdf::read_pdf(bytes, progress).map_err(|e| match e {
        pdf::PdfError::Encrypted => "PDF-en er kryptert eller passordbeskyttet".to_string(),
        pdf::PdfError::NoText => {
            "PDF-en har ikke noe teksttlag (et skannet dokument?); Meldingssjekk leser ikke bilder (ingen OCR)"
                .replace("teksttlag", "tekstlag")
        }
        pdf::PdfError::TooManyPages(n) => format!("PDF-en har {n} sider, som er for mange"),
        pdf::PdfError::Malformed(m) => format!("PDF-en er skadet eller ikke støttet ({m})"),
    })?;
    let mut out = Structured::new();
    for page in &text.pages {
        let origin = |i: usize| Origin {
            page: Some(page.number),
            page_line: Some(i + 1),
            ..Origin::default()
        };
        for block in pdf::page_blocks(&page.lines) {
            match block {
                pdf::Block::Line(i) => {
                    let cells: Vec<&str> = page.lines[i]
                        .cells
                        .iter()
                        .map(|c| c.trim())
                        .filter(|c| !c.is_empty())
                        .collect();
                    out.line(&cells.join("   "), origin(i));
                }
                pdf::Block::Table { rows, lines } => {
                    let origins: Vec<Origin> = lines.iter().map(|&i| origin(i)).collect();
                    out.table(&rows, &origins);
                }
            }
        }
    }
    Ok(out)
}

/// Reads bytes into text, deciding encoding and kind. `name` is used for messages and to
/// recognise `.csv` / `.tsv` files.
pub fn decode(name: &str, bytes: &[u8]) -> Result<Decoded, IntakeError> {
    let name_owned = name.to_string();
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(IntakeError::TooLarge {
            name: name_owned,
            bytes: bytes.len(),
        });
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(IntakeError::Binary {
            name: name_owned,
            reason: "filen er et ZIP-arkiv som ikke er et Word-dokument (.docx) eller et regneark (.xlsx, .ods)".into(),
        });
    }
    if bytes.starts_with(b"%PDF") {
        return Err(IntakeError::NoReader {
            name: name_owned,
            what: Container::Pdf.what(),
        });
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0") && is_encrypted_ooxml(bytes) {
        return Err(IntakeError::Binary {
            name: name_owned,
            reason: "filen er et passordbeskyttet Office-dokument; åpne det, fjern passordet og lagre det på nytt".into(),
        });
    }
    if let Some((_, what)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Err(IntakeError::Binary {
            name: name_owned,
            reason: format!("filen ser ut som et {what}, som ikke støttes ennå"),
        });
    }
    let (text, encoding) = decode_text(bytes);
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        if bytes.is_empty() || text.trim_start_matches('\u{feff}').is_empty() {
            return Err(IntakeError::Empty { name: name_owned });
        }
        if !bytes.contains(&0) {
            return Err(IntakeError::Empty { name: name_owned });
        }
    }
    if let Some(reason) = binary_reason(&text) {
        return Err(IntakeError::Binary {
            name: name_owned,
            reason,
        });
    }
    let kind = guess_kind(name, &text);
    Ok(Decoded {
        name: name_owned,
        text,
        encoding,
        kind,
    })
}

/// A password-protected Word/Excel file is an OLE container with an `EncryptedPackage` stream.
fn is_encrypted_ooxml(bytes: &[u8]) -> bool {
    let needle: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    memchr::memmem::find(bytes, &needle).is_some()
}

/// Decodes: BOM first, then strict UTF-8, then BOM-less UTF-16, else Windows-1252.
fn decode_text(bytes: &[u8]) -> (String, &'static str) {
    if let Some((label, bom_len)) = encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        return (encoding::decode_lossy(label, rest), label);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_string(), "UTF-8");
    }
    if let Some(text) = utf16_without_bom(bytes) {
        return text;
    }
    (
        encoding::decode_lossy("windows-1252", bytes),
        "windows-1252",
    )
}

/// UTF-16 without a BOM is recognised when every other byte of mostly-ASCII text is zero.
fn utf16_without_bom(bytes: &[u8]) -> Option<(String, &'static str)> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let zero_hi = bytes
        .chunks_exact(2)
        .filter(|c| c[1] == 0 && c[0] != 0)
        .count();
    let zero_lo = bytes
        .chunks_exact(2)
        .filter(|c| c[0] == 0 && c[1] != 0)
        .count();
    let label = if zero_hi * 10 >= pairs * 8 {
        "UTF-16LE"
    } else if zero_lo * 10 >= pairs * 8 {
        "UTF-16BE"
    } else {
        return None;
    };
    Some((encoding::decode_lossy(label, bytes), label))
}

/// Decides whether decoded text is binary: NUL characters, or mostly control characters.
fn binary_reason(text: &str) -> Option<String> {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(64 * 1024) {
        total += 1;
        if c == '\0' {
            return Some("den inneholder NUL-tegn (binærdata)".into());
        }
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}') {
            control += 1;
        }
    }
    if total > 0 && control * 10 > total {
        return Some(format!(
            "{} av de første {} tegnene er kontrolltegn (binærdata)",
            control, total
        ));
    }
    None
}

/// `.csv`/`.tsv` by name, otherwise a sniff: the first lines split into the same number (≥ 2)
/// of fields on one delimiter and do not read like prose.
fn guess_kind(name: &str, text: &str) -> InputKind {
    let lower = name.to_lowercase();
    if lower.ends_with(".csv") || lower.ends_with(".tsv") {
        return InputKind::Csv;
    }
    if lower.ends_with(".txt") || lower.ends_with(".md") {
        return InputKind::Text;
    }
    if csv_table::sniff_delimiter(text).is_some() {
        InputKind::Csv
    } else {
        InputKind::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_text_is_read_as_text() {
        let d = decode("melding.txt", "Kravet er innfridd.\n".as_bytes()).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.kind, InputKind::Text);
    }

    #[test]
    fn bom_utf16le_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Sykefravær 9,0 %".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode("x.txt", &bytes).unwrap();
        assert_eq!(d.encoding, "UTF-16LE");
        assert_eq!(d.text, "Sykefravær 9,0 %");
    }

    #[test]
    fn utf16be_with_bom_is_decoded() {
        let mut bytes = vec![0xFE, 0xFF];
        for u in "Økt fra 10,6".encode_utf16() {
            bytes.extend_from_slice(&u.to_be_bytes());
        }
        let d = decode("x.txt", &bytes).unwrap();
        assert_eq!(d.encoding, "UTF-16BE");
        assert_eq!(d.text, "Økt fra 10,6");
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252() {
        let bytes = b"Sykefrav\xe6r i Tr\xf8ndelag";
        let d = decode("x.txt", bytes).unwrap();
        assert_eq!(d.encoding, "windows-1252");
        assert_eq!(d.text, "Sykefravær i Trøndelag");
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let d = decode("x.txt", b"\xEF\xBB\xBFHei").unwrap();
        assert_eq!(d.text, "Hei");
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn empty_and_bom_only_files_are_refused_as_empty() {
        assert!(matches!(
            decode("tom.txt", b""),
            Err(IntakeError::Empty { .. })
        ));
        assert!(matches!(
            decode("bom.txt", b"\xEF\xBB\xBF"),
            Err(IntakeError::Empty { .. })
        ));
        assert!(matches!(
            decode("blank.txt", b"  \n\n "),
            Err(IntakeError::Empty { .. })
        ));
    }

    #[test]
    fn binary_files_are_refused_with_name_and_reason() {
        let err = decode("rapport.pdf", b"%PDF-1.7\n...").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("rapport.pdf:"), "{msg}");
        assert!(msg.contains("PDF"), "{msg}");
        let err = decode("nul.bin", b"abc\0def").unwrap_err();
        assert!(err.to_string().contains("NUL"));
        let noise: Vec<u8> = (0u8..=255).cycle().take(4000).map(|b| b % 32).collect();
        assert!(matches!(
            decode("st\u{f8}y.dat", &noise),
            Err(IntakeError::Binary { .. })
        ));
    }

    #[test]
    fn csv_is_recognised_by_name_and_by_sniffing() {
        let csv = "Foretak;2023;2024\nSt. Olavs hospital;9,2;9,0\nHNT;9,2;9,2\n";
        assert_eq!(
            decode("a.csv", csv.as_bytes()).unwrap().kind,
            InputKind::Csv
        );
        assert_eq!(decode("a", csv.as_bytes()).unwrap().kind, InputKind::Csv);
        assert_eq!(
            decode("a.txt", csv.as_bytes()).unwrap().kind,
            InputKind::Text
        );
    }

    #[test]
    fn too_large_is_refused_early_with_size() {
        let big = vec![b'a'; MAX_INPUT_BYTES + 1];
        let msg = decode("stor.txt", &big).unwrap_err().to_string();
        assert!(msg.contains("stor.txt") && msg.contains("MB"), "{msg}");
    }
}
