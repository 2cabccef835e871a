//! Byte → text decoders for the four encodings Meldingssjekk accepts: UTF-8 (with or without a
//! BOM), UTF-16LE, UTF-16BE and Windows-1252. Written against the WHATWG Encoding Standard with
//! the standard library only, so the browser build does not carry a general-purpose encoding
//! library with every legacy table (CJK and all). Malformed input is replaced with U+FFFD, never
//! refused: the caller decides what is binary.

/// The encoding named by a byte-order mark at the start of `bytes`, and the mark's length.
pub fn for_bom(bytes: &[u8]) -> Option<(&'static str, usize)> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        Some(("UTF-8", 3))
    } else if bytes.starts_with(&[0xFF, 0xFE]) {
        Some(("UTF-16LE", 2))
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        Some(("UTF-16BE", 2))
    } else {
        None
    }
}

/// Decodes `bytes` (no BOM) in the named encoding, replacing what cannot be decoded.
/// Unknown names decode as Windows-1252.
pub fn decode_lossy(label: &str, bytes: &[u8]) -> String {
    match label {
        "UTF-8" => String::from_utf8_lossy(bytes).into_owned(),
        "UTF-16LE" => utf16_lossy(bytes, u16::from_le_bytes),
        "UTF-16BE" => utf16_lossy(bytes, u16::from_be_bytes),
        _ => windows_1252(bytes),
    }
}

fn utf16_lossy(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut out: String = char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    if bytes.len() % 2 == 1 {
        out.push(char::REPLACEMENT_CHARACTER);
    }
    out
}

/// Windows-1252 bytes 0x80–0x9F (the rest is Latin-1: byte value = code point).
const CP1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

fn windows_1252(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 8);
    for &b in bytes {
        let c = match b {
            0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        };
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte, alone and in Norwegian context, decodes as encoding_rs (the WHATWG reference
    /// implementation) decodes it.
    #[test]
    fn windows_1252_matches_the_whatwg_table() {
        for b in 0u8..=255 {
            let byte = [b];
            let ours = decode_lossy("windows-1252", &byte);
            let (theirs, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
            assert_eq!(ours, theirs, "byte {b:#04x}");
        }
        let text = b"Helse S\xF8r-\xD8st \x96 m\xE5l\xE6t \x80 2 300";
        assert_eq!(
            decode_lossy("windows-1252", text),
            "Helse Sør-Øst – målæt € 2 300"
        );
    }

    #[test]
    fn utf16_matches_the_reference_including_broken_surrogates_and_odd_length() {
        let cases: &[&[u8]] = &[
            b"H\0e\0l\0s\0e\0 \0S\0\xF8\0r\0",
            b"\x3D\xD8\x00\xDE", // a surrogate pair (😀)
            b"\x3D\xD8A\0",      // a lone high surrogate, then 'A'
            b"\x00\xDEA\0",      // a lone low surrogate
            b"A\0B",             // odd length
            b"",
        ];
        for case in cases {
            let (le, _) = encoding_rs::UTF_16LE.decode_without_bom_handling(case);
            assert_eq!(decode_lossy("UTF-16LE", case), le, "LE {case:?}");
            let (be, _) = encoding_rs::UTF_16BE.decode_without_bom_handling(case);
            assert_eq!(decode_lossy("UTF-16BE", case), be, "BE {case:?}");
        }
    }

    #[test]
    fn broken_utf8_is_replaced_like_the_reference() {
        let cases: &[&[u8]] = &[
            b"Helse S\xC3\xB8r",
            b"m\xE5l \xC3",
            b"\xF0\x9F\x98",
            b"a\xED\xA0\x80b",
            b"\xC0\xAF",
            b"\xF4\x90\x80\x80",
        ];
        for case in cases {
            let (theirs, _) = encoding_rs::UTF_8.decode_without_bom_handling(case);
            assert_eq!(decode_lossy("UTF-8", case), theirs, "{case:?}");
        }
    }

    #[test]
    fn byte_order_marks() {
        assert_eq!(for_bom(b"\xEF\xBB\xBFa"), Some(("UTF-8", 3)));
        assert_eq!(for_bom(b"\xFF\xFEa\0"), Some(("UTF-16LE", 2)));
        assert_eq!(for_bom(b"\xFE\xFF\0a"), Some(("UTF-16BE", 2)));
        assert_eq!(for_bom(b"abc"), None);
    }
}
