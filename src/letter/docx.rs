//! The letter as a Word file: minimal WordprocessingML ([Content_Types].xml, _rels/.rels,
//! word/document.xml) in a ZIP written with the `zip` crate (stored, no compression feature
//! needed). Headings are bold, larger paragraphs; questions are paragraphs numbered in their
//! text, so every reader shows the same numbers.

use std::io::Write;

use super::Letter;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && c != '\t' => o.push(' '),
            c => o.push(c),
        }
    }
    o
}

/// One paragraph; `size` in half-points.
fn para(text: &str, bold: bool, size: Option<u32>, indent: Option<u32>) -> String {
    let mut rpr = String::new();
    if bold {
        rpr.push_str("<w:b/>");
    }
    if let Some(sz) = size {
        rpr.push_str(&format!("<w:sz w:val=\"{sz}\"/>"));
    }
    let ppr = match indent {
        Some(i) => format!(
            "<w:pPr><w:spacing w:after=\"120\"/><w:ind w:left=\"{i}\" w:hanging=\"{i}\"/></w:pPr>"
        ),
        None => "<w:pPr><w:spacing w:after=\"160\"/></w:pPr>".to_string(),
    };
    let runs: Vec<String> = text
        .split('\n')
        .map(|l| {
            format!(
                "<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r>",
                esc(l)
            )
        })
        .collect();
    format!("<w:p>{ppr}{}</w:p>", runs.join("<w:r><w:br/></w:r>"))
}

/// The WordprocessingML body of the letter.
pub fn document_xml(l: &Letter) -> String {
    let mut body = String::new();
    body.push_str(&para(&l.title, true, Some(32), None));
    body.push_str(&para(&l.intro, false, None, None));
    if l.groups.is_empty() {
        body.push_str(&para(&l.empty, false, None, None));
    }
    for g in &l.groups {
        body.push_str(&para(&g.heading, true, Some(26), None));
        for q in &g.questions {
            body.push_str(&para(
                &format!("{}.\t{}", q.number, q.text),
                false,
                None,
                Some(425),
            ));
        }
    }
    for p in l.closing.split("\n\n") {
        body.push_str(&para(p, false, None, None));
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1417\" w:right=\"1417\" w:bottom=\"1417\" w:left=\"1417\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
    )
}

/// The letter as the bytes of a .docx file.
pub fn write(l: &Letter) -> Result<Vec<u8>, String> {
    let mut zw = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let parts = [
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", RELS.to_string()),
        ("word/document.xml", document_xml(l)),
    ];
    for (name, content) in parts {
        zw.start_file(name, opts).map_err(|e| e.to_string())?;
        zw.write_all(content.as_bytes())
            .map_err(|e| e.to_string())?;
    }
    let cur = zw.finish().map_err(|e| e.to_string())?;
    Ok(cur.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_docx_holds_the_three_parts_and_escapes_text() {
        let a = crate::analyze(
            "r.txt",
            "Navn på prosjekt: A & B <test>\nKontaktperson: Kari\n".as_bytes(),
        )
        .unwrap();
        let l = super::super::build(&a.report, &a.text, super::super::Lang::Nb);
        let bytes = write(&l).unwrap();
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        assert!(z.by_name("[Content_Types].xml").is_ok());
        assert!(z.by_name("_rels/.rels").is_ok());
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut z.by_name("word/document.xml").unwrap(), &mut xml)
            .unwrap();
        assert!(xml.contains("A &amp; B &lt;test&gt;"));
    }
}
