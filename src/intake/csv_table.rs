//! The CSV reader: sniffs the dialect (`;`, `,` or tab; Norwegian exports use `;` with decimal
//! comma) and reads a header and rows (see [`Records`]). Ragged rows and unclosed quotes are
//! tolerated: a row is whatever the reader could make of it.

/// The delimiter a CSV file uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvDialect {
    pub delimiter: u8,
}

/// A table as read from CSV: first non-empty record as header, the rest as rows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawTable {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// 1-based line of each row's first line in the input.
    pub row_lines: Vec<usize>,
    pub header_line: usize,
    pub end_line: usize,
}

const CANDIDATES: [u8; 3] = [b';', b'\t', b','];

/// Looks at the first (up to 20) non-empty lines and returns the delimiter that splits them into a
/// consistent number (≥ 2) of fields. Text with commas in prose is not mistaken for CSV: a comma
/// must give the same count on every sampled line.
pub fn sniff_delimiter(text: &str) -> Option<CsvDialect> {
    let sample: Vec<&str> = text
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .take(20)
        .collect();
    if sample.len() < 2 {
        return None;
    }
    let mut best: Option<(u8, usize)> = None;
    for &d in &CANDIDATES {
        let counts: Vec<usize> = sample.iter().map(|l| count_fields(l, d)).collect();
        let first = counts[0];
        if first < 2 {
            continue;
        }
        let agreeing = counts.iter().filter(|&&c| c == first).count();
        if agreeing * 10 >= counts.len() * 8 && best.is_none_or(|(_, n)| first > n) {
            best = Some((d, first));
        }
    }
    best.map(|(delimiter, _)| CsvDialect { delimiter })
}

/// Fields on a line for a delimiter, ignoring delimiters inside double quotes.
fn count_fields(line: &str, delimiter: u8) -> usize {
    let mut in_quotes = false;
    let mut n = 1;
    for b in line.bytes() {
        if b == b'"' {
            in_quotes = !in_quotes;
        } else if b == delimiter && !in_quotes {
            n += 1;
        }
    }
    n
}

/// Reads a CSV text into a header and rows. Uses the sniffed delimiter, `;` when none is found.
pub fn read_table(text: &str) -> RawTable {
    let dialect = sniff_delimiter(text).unwrap_or(CsvDialect { delimiter: b';' });
    let mut table = RawTable::default();
    for (line, cells) in Records::new(text, dialect.delimiter) {
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        table.end_line = line;
        if table.header.is_empty() && table.header_line == 0 {
            table.header = cells;
            table.header_line = line;
        } else {
            table.rows.push(cells);
            table.row_lines.push(line);
        }
    }
    table
}

/// RFC 4180 records, leniently: `"` opens a quoted field in which delimiters and line breaks
/// are text and `""` is a quote; text after a closing quote is kept; an unclosed quote runs to
/// the end of the input; rows may have any number of fields. Fields are trimmed. Each record
/// comes with the 1-based line it starts on. (Hand-written rather than the `csv` crate: the
/// browser build is smaller, and one pass over a `&str` needs no I/O layer.)
struct Records<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
    delimiter: char,
}

impl<'a> Records<'a> {
    fn new(text: &'a str, delimiter: u8) -> Self {
        Records {
            text,
            pos: 0,
            line: 1,
            delimiter: char::from(delimiter),
        }
    }
}

impl Iterator for Records<'_> {
    type Item = (usize, Vec<String>);

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.text.get(self.pos..)?;
        if rest.is_empty() {
            return None;
        }
        // Byte scanning: the delimiter, quote and line breaks are ASCII, so every cut is on a
        // char boundary and runs between them are copied as whole slices.
        let bytes = rest.as_bytes();
        let delimiter = self.delimiter as u8;
        let start_line = self.line;
        let mut cells = Vec::new();
        let mut field = String::new();
        let mut i = 0;
        let mut consumed = rest.len();
        while i < bytes.len() {
            let b = bytes[i];
            if b == b'"' && field.trim().is_empty() {
                // A quoted field: up to the closing quote; `""` is a quote.
                field.clear();
                i += 1;
                loop {
                    let run = i;
                    while i < bytes.len() && bytes[i] != b'"' {
                        if bytes[i] == b'\n' {
                            self.line += 1;
                        }
                        i += 1;
                    }
                    field.push_str(rest.get(run..i).unwrap_or_default());
                    if bytes.get(i) == Some(&b'"') && bytes.get(i + 1) == Some(&b'"') {
                        field.push('"');
                        i += 2;
                    } else {
                        i += 1; // the closing quote, or past the end when unclosed
                        break;
                    }
                }
                continue;
            }
            if b == b'\r' || b == b'\n' {
                i += if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                self.line += 1;
                consumed = i;
                break;
            }
            if b == delimiter {
                cells.push(trimmed(&mut field));
                i += 1;
                continue;
            }
            let run = i;
            while i < bytes.len()
                && !matches!(bytes[i], b'"' | b'\r' | b'\n')
                && bytes[i] != delimiter
            {
                i += 1;
            }
            if i == run {
                // A quote inside an unquoted field is text.
                i += 1;
            }
            field.push_str(rest.get(run..i).unwrap_or_default());
        }
        cells.push(trimmed(&mut field));
        self.pos += consumed.min(rest.len());
        Some((start_line, cells))
    }
}

/// The field, trimmed, leaving `field` empty for the next one (no copy when nothing is trimmed).
fn trimmed(field: &mut String) -> String {
    let t = field.trim();
    if t.len() == field.len() {
        std::mem::take(field)
    } else {
        let t = t.to_string();
        field.clear();
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolon_with_decimal_comma() {
        let t = read_table(
            "\"Helseforetak\";\"2023\";\"2024\"\nSt. Olavs hospital;9,2;9,0\nHNT;9,2;9,2\n",
        );
        assert_eq!(t.header, vec!["Helseforetak", "2023", "2024"]);
        assert_eq!(t.rows[0], vec!["St. Olavs hospital", "9,2", "9,0"]);
        assert_eq!(t.row_lines, vec![2, 3]);
        assert_eq!(t.header_line, 1);
    }

    #[test]
    fn tab_and_comma_are_sniffed() {
        assert_eq!(
            sniff_delimiter("a\tb\tc\n1\t2\t3\n").unwrap().delimiter,
            b'\t'
        );
        assert_eq!(sniff_delimiter("a,b\n1,2\n3,4\n").unwrap().delimiter, b',');
    }

    #[test]
    fn prose_is_not_csv() {
        let prose = "Kravet er innfridd, og tallene viser bedring.\nDet er fortsatt, som i fjor, utfordringer i TSB og PHV.\n";
        assert!(sniff_delimiter(prose).is_none());
    }

    #[test]
    fn quotes_line_breaks_and_crlf() {
        let t = read_table(
            "Navn;Merknad;Verdi\r\n\"Helse Bergen\";\"sa \"\"nei\"\"; se\r\nvedlegg\";4,5\r\n\r\n  HNT ; ; 9,2 \r\n",
        );
        assert_eq!(t.header, vec!["Navn", "Merknad", "Verdi"]);
        assert_eq!(
            t.rows[0],
            vec!["Helse Bergen", "sa \"nei\"; se\r\nvedlegg", "4,5"]
        );
        assert_eq!(t.rows[1], vec!["HNT", "", "9,2"]);
        // Each row's first line; the blank line 4 is skipped.
        assert_eq!(t.row_lines, vec![2, 5]);
        assert_eq!(t.end_line, 5);
    }

    /// The same records as the `csv` crate (flexible, trimmed), which the reader replaced, on
    /// well-formed and ragged inputs. Lines are compared by `quotes_line_breaks_and_crlf`
    /// instead: the crate's record positions were off after CRLF line ends and blank lines
    /// (a record on line 6 after two blank lines was reported on line 4).
    #[test]
    fn agrees_with_the_csv_crate() {
        let inputs = [
            "a;b;c\n1;2;3\n",
            "a;b;c\n1;2\n3;4;5;6\n",
            "\"x\";\"y;z\"\n\"multi\nline\";2\n\n\n4;5\n",
            "a;b;c\r\n1;2\r\n3;4;5;6\r\n",
            "Helseforetak;2023;2024\nSt. Olavs hospital;9,2;9,0\n  HNT ;  9,2;9,2  \n",
            "a;\"b\"\"c\";d\ne;f;g",
            "\"open;7\nmore;8\n",
            "ab\"c;d\n\"q\"rest;x\n",
            ";;\n;x;\n",
        ];
        for input in inputs {
            let mut reader = csv::ReaderBuilder::new()
                .delimiter(b';')
                .has_headers(false)
                .flexible(true)
                .trim(csv::Trim::All)
                .from_reader(input.as_bytes());
            let theirs: Vec<Vec<String>> = reader
                .records()
                .map_while(Result::ok)
                .map(|r| r.iter().map(str::to_string).collect())
                .filter(|cells: &Vec<String>| cells.iter().any(|c| !c.is_empty()))
                .collect();
            let ours: Vec<Vec<String>> = Records::new(input, b';')
                .map(|(_, cells)| cells)
                .filter(|cells| cells.iter().any(|c| !c.is_empty()))
                .collect();
            assert_eq!(ours, theirs, "{input:?}");
        }
    }

    #[test]
    fn ragged_and_unclosed_quotes_do_not_fail() {
        let t = read_table("a;b;c\n1;2\n3;4;5;6\n\"open;7\n");
        assert_eq!(t.header.len(), 3);
        assert!(t.rows.len() >= 2);
    }
}
