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

/// RFC 4180 records, leniently, parsed by `csv-core` (the parser under the `csv` crate, without
/// its I/O layer, records and serde support, which the browser build does not need): `"` opens a
/// quoted field in which delimiters and line breaks are text and `""` is a quote; text after a
/// closing quote is kept; an unclosed quote runs to the end of the input; rows may have any
/// number of fields; blank lines are skipped. Fields are trimmed. Each record comes with the
/// 1-based line it starts on.
///
/// Two things are done here rather than by the parser:
/// - Lines are counted from byte offsets, with `\n`, `\r\n` and a lone `\r` each ending a line as
///   in [`crate::document::Document`]. (The `csv` crate's `Position::line()` is where the reader
///   stood before a record: it counts only `\n` and misses the blank lines and the `\n` of a
///   `\r\n` that are skipped at the start of the next record, so records after CRLF line ends or
///   blank lines came out one or more lines too early.)
/// - Whitespace before an opening quote is skipped (`a; "b;c"` is two fields, as the sniffer
///   counts them); `csv-core` only opens a quoted field on the field's first byte.
struct Records<'a> {
    text: &'a str,
    delimiter: u8,
    parser: csv_core::Reader,
    /// Byte offset of the next unread input.
    pos: usize,
    /// Byte offset up to which line breaks have been counted, and the line there.
    counted: usize,
    line: usize,
    /// The parser's output for the field being read.
    buf: Vec<u8>,
}

impl<'a> Records<'a> {
    fn new(text: &'a str, delimiter: u8) -> Self {
        Records {
            text,
            delimiter,
            parser: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            pos: 0,
            counted: 0,
            line: 1,
            buf: vec![0; 256],
        }
    }

    /// Moves `pos` past whitespace that stands before an opening quote at a field's start.
    fn skip_space_before_quote(&mut self) {
        let rest = self.text.get(self.pos..).unwrap_or_default();
        let space = rest
            .find(|c: char| {
                !c.is_whitespace() || c == '\n' || c == '\r' || c == char::from(self.delimiter)
            })
            .unwrap_or(rest.len());
        if space > 0 && rest[space..].starts_with('"') {
            self.pos += space;
        }
    }

    /// Reads one field from `pos` into `buf`: its length, and whether it ended the record.
    fn field(&mut self) -> Option<(usize, bool)> {
        use csv_core::ReadFieldResult;
        let mut len = 0;
        loop {
            let input = self.text.as_bytes().get(self.pos..).unwrap_or_default();
            let (result, read, written) = self.parser.read_field(input, &mut self.buf[len..]);
            self.pos += read;
            len += written;
            match result {
                // At the end of the text: an empty input tells the parser so.
                ReadFieldResult::InputEmpty => {}
                ReadFieldResult::OutputFull => {
                    let grown = self.buf.len() * 2;
                    self.buf.resize(grown, 0);
                }
                ReadFieldResult::Field { record_end } => return Some((len, record_end)),
                ReadFieldResult::End => return None,
            }
        }
    }
}

impl Iterator for Records<'_> {
    type Item = (usize, Vec<String>);

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.text.as_bytes();
        // The record starts after line breaks (blank lines, the `\n` of a `\r\n`), which the
        // parser would skip too.
        while matches!(bytes.get(self.pos), Some(b'\r' | b'\n')) {
            self.pos += 1;
        }
        if self.pos >= bytes.len() {
            return None;
        }
        self.line += line_breaks(&bytes[self.counted..self.pos]);
        self.counted = self.pos;
        let mut cells = Vec::new();
        loop {
            self.skip_space_before_quote();
            let Some((len, record_end)) = self.field() else {
                break;
            };
            let field = String::from_utf8_lossy(&self.buf[..len]);
            cells.push(field.trim().to_string());
            if record_end {
                break;
            }
        }
        Some((self.line, cells))
    }
}

/// Line breaks in `bytes`: `\n`, `\r\n` and a lone `\r` count one each.
fn line_breaks(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count()
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

    /// The same records as the `csv` crate (flexible, trimmed), whose parser `Records` drives
    /// with its own line counting, on well-formed and ragged inputs. Lines are compared by
    /// `quotes_line_breaks_and_crlf` and the tests below instead: the crate's record positions
    /// are off after CRLF line ends and blank lines (a record on line 6 after two blank lines is
    /// reported on line 4).
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
    fn quoted_delimiter_and_line_break_keep_the_following_lines() {
        let t = read_table(
            "Foretak;Merknad;Verdi\nHelse Bergen;\"to; tre\nfire\n\nfem\";4,5\nHNT;x;9,2\n\nSt. Olavs;y;7\n",
        );
        assert_eq!(
            t.rows[0],
            vec!["Helse Bergen", "to; tre\nfire\n\nfem", "4,5"]
        );
        assert_eq!(t.rows[1], vec!["HNT", "x", "9,2"]);
        assert_eq!(t.rows[2], vec!["St. Olavs", "y", "7"]);
        assert_eq!(t.row_lines, vec![2, 6, 8]);
        assert_eq!((t.header_line, t.end_line), (1, 8));
    }

    #[test]
    fn doubled_quote_inside_a_quoted_field() {
        let t = read_table("a;b\n\"sa \"\"nei\"\"\";\"\"\"\"\"\"\nx;\"\"\n");
        assert_eq!(t.rows[0], vec!["sa \"nei\"", "\"\""]);
        assert_eq!(t.rows[1], vec!["x", ""]);
        assert_eq!(t.row_lines, vec![2, 3]);
    }

    #[test]
    fn crlf_and_lone_cr_line_ends_number_lines_like_the_document() {
        let text = "a;b\r\n1;2\r\n\r\n\"3\r\n4\";5\r\n6;7\r8;9\r\r10;11";
        let t = read_table(text);
        assert_eq!(t.header, vec!["a", "b"]);
        assert_eq!(
            t.rows,
            vec![
                vec!["1", "2"],
                vec!["3\r\n4", "5"],
                vec!["6", "7"],
                vec!["8", "9"],
                vec!["10", "11"],
            ]
        );
        assert_eq!(t.row_lines, vec![2, 4, 6, 7, 9]);
    }

    /// A lone `\r` inside a quoted field ends a line of the document too (the hand-written reader
    /// counted only `\n` there, so the rows after it came out too early).
    #[test]
    fn a_lone_cr_inside_quotes_is_a_line_break() {
        let t = read_table("a;b\n\"x\ry\";1\nz;2\n");
        assert_eq!(t.rows, vec![vec!["x\ry", "1"], vec!["z", "2"]]);
        assert_eq!(t.row_lines, vec![2, 4]);
    }

    #[test]
    fn space_before_an_opening_quote_still_quotes() {
        let t = read_table("Foretak, Verdi\n\"Helse Bergen\", \"9,2\"\n  \"HNT\" ,\t\"8,1\"\n");
        assert_eq!(t.header, vec!["Foretak", "Verdi"]);
        assert_eq!(
            t.rows,
            vec![vec!["Helse Bergen", "9,2"], vec!["HNT", "8,1"]]
        );
    }

    #[test]
    fn long_fields_and_multibyte_text_survive_the_parser_buffer() {
        let long = "æøå ".repeat(200);
        let text = format!("navn;tekst\nA;{long}\n\"B\";\"{long}\"\n");
        let t = read_table(&text);
        assert_eq!(t.rows[0][1], long.trim());
        assert_eq!(t.rows[1], vec!["B".to_string(), long.trim().to_string()]);
        assert_eq!(t.row_lines, vec![2, 3]);
    }

    #[test]
    fn ragged_and_unclosed_quotes_do_not_fail() {
        let t = read_table("a;b;c\n1;2\n3;4;5;6\n\"open;7\n");
        assert_eq!(t.header.len(), 3);
        assert!(t.rows.len() >= 2);
    }
}
