//! The CSV reader: sniffs the dialect (`;`, `,` or tab; Norwegian exports use `;` with decimal
//! comma) and reads a header and rows with the `csv` crate. Ragged rows and unclosed quotes are
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
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(dialect.delimiter)
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut table = RawTable::default();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map(|p| p.line() as usize).unwrap_or(0);
                let cells: Vec<String> = record.iter().map(|c| c.to_string()).collect();
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
            // Invalid UTF-8 cannot occur (we read from a &str); any other error ends the table.
            Err(_) => break,
        }
    }
    table
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
    fn ragged_and_unclosed_quotes_do_not_fail() {
        let t = read_table("a;b;c\n1;2\n3;4;5;6\n\"open;7\n");
        assert_eq!(t.header.len(), 3);
        assert!(t.rows.len() >= 2);
    }
}
