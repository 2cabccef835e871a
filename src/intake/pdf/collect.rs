//! The only part that talks to `hayro-interpret`: open the document, interpret each page into a
//! device that records glyphs (text, position, advance, size), and turn the parser's failures and
//! panics into [`PdfError`].

use super::{PdfError, MAX_GLYPHS_PER_PAGE, MAX_OPS_PER_PAGE, MAX_OPS_TOTAL, MAX_PAGES};
use hayro_interpret::font::GlyphRun;
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::hayro_syntax::{DecryptionError, LoadPdfError, Pdf};
use hayro_interpret::kurbo::{Affine, BezPath, Rect};
use hayro_interpret::{
    interpret_page, BlendMode, ClipPath, Context, Device, DrawMode, DrawProps, Image,
    ImageDrawProps, InterpreterCache, InterpreterSettings, SoftMask,
};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// What a glyph shows.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum GlyphText {
    One(char),
    /// Ligatures and other glyphs that stand for several characters ("fi").
    Many(Box<str>),
}

impl GlyphText {
    pub(super) fn push_to(&self, s: &mut String) {
        match self {
            GlyphText::One(c) => s.push(*c),
            GlyphText::Many(m) => s.push_str(m),
        }
    }

    pub(super) fn first(&self) -> char {
        match self {
            GlyphText::One(c) => *c,
            GlyphText::Many(m) => m.chars().next().unwrap_or(' '),
        }
    }
}

/// One drawn glyph, in the page's upright reading frame: x to the right, y downwards from the top,
/// in points.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Glyph {
    pub text: GlyphText,
    /// Left edge (the glyph origin).
    pub x: f32,
    /// Baseline.
    pub y: f32,
    /// Advance along the baseline.
    pub adv: f32,
    /// Em size (the font size after all transforms).
    pub size: f32,
}

/// Glyphs of one page and the page's size in the same frame.
#[derive(Debug, Clone, Default)]
pub(super) struct PageGlyphs {
    pub height: f32,
    pub glyphs: Vec<Glyph>,
}

/// The reason a page interpretation was stopped by the operation budget (used as a panic payload
/// with `resume_unwind`, which does not call the panic hook).
struct OverBudget;

/// Opens the PDF and collects the glyphs of every page.
pub(super) fn collect(
    bytes: &[u8],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Vec<PageGlyphs>, PdfError> {
    if !looks_like_pdf(bytes) {
        return Err(PdfError::Malformed("filen er ikke en PDF".into()));
    }
    let data = bytes.to_vec();
    let pdf = match catch_unwind(move || Pdf::new(data)) {
        Ok(Ok(pdf)) => pdf,
        Ok(Err(LoadPdfError::Decryption(e))) => {
            return Err(match e {
                DecryptionError::PasswordProtected | DecryptionError::UnsupportedAlgorithm => {
                    PdfError::Encrypted
                }
                DecryptionError::MissingIDEntry | DecryptionError::InvalidEncryption => {
                    PdfError::Malformed("krypteringen er ugyldig".into())
                }
            })
        }
        Ok(Err(LoadPdfError::Invalid)) => {
            return Err(PdfError::Malformed("filen er skadet eller avkortet".into()))
        }
        Err(_) => {
            return Err(PdfError::Malformed(
                "PDF-leseren stoppet på en feil i filen".into(),
            ))
        }
    };

    let count = match catch_unwind(AssertUnwindSafe(|| pdf.pages().len())) {
        Ok(n) => n,
        Err(_) => return Err(PdfError::Malformed("sidetreet i filen er skadet".into())),
    };
    if count > MAX_PAGES {
        return Err(PdfError::TooManyPages(count));
    }
    if count == 0 {
        return Err(PdfError::Malformed("filen har ingen sider".into()));
    }

    let cache = InterpreterCache::new();
    let mut out = Vec::with_capacity(count);
    let mut ops_left = MAX_OPS_TOTAL;
    for index in 0..count {
        let budget = ops_left.min(MAX_OPS_PER_PAGE);
        let result = catch_unwind(AssertUnwindSafe(|| read_page(&pdf, &cache, index, budget)));
        match result {
            Ok((page, ops)) => {
                out.push(page);
                ops_left = ops_left.saturating_sub(ops);
            }
            Err(payload) => {
                let detail = if payload.is::<OverBudget>() && budget < MAX_OPS_PER_PAGE {
                    "dokumentet tegner for mye til å leses".to_string()
                } else if payload.is::<OverBudget>() {
                    format!("side {} tegner for mye til å leses", index + 1)
                } else {
                    format!("PDF-leseren stoppet på en feil på side {}", index + 1)
                };
                return Err(PdfError::Malformed(detail));
            }
        }
        progress(index + 1, count);
    }
    Ok(out)
}

/// `%PDF-` within the first KiB (some producers put junk before the header).
fn looks_like_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// The page's glyphs and the drawing operations it took.
fn read_page<'a>(
    pdf: &'a Pdf,
    cache: &InterpreterCache<'a>,
    index: usize,
    budget: usize,
) -> (PageGlyphs, usize) {
    let page = &pdf.pages()[index];
    let (width, height) = page.render_dimensions();
    let initial = Affine::new(page.initial_transform(true).as_coeffs());
    let mut context = Context::new(
        initial,
        Rect::new(0.0, 0.0, width as f64, height as f64),
        cache,
        pdf.xref(),
        InterpreterSettings::default(),
    );
    let mut device = Collector {
        glyphs: Vec::new(),
        ops: 0,
        budget,
    };
    interpret_page(page, &mut context, &mut device);
    let ops = device.ops;
    (upright(device.glyphs, width, height), ops)
}

/// A glyph as drawn, before the page's dominant text direction is known.
struct RawGlyph {
    text: GlyphText,
    /// Origin in device space.
    ox: f64,
    oy: f64,
    /// Direction of the baseline (unit vector) as one of 0, 1, 2, 3 quarter turns clockwise.
    quarter: u8,
    adv: f32,
    size: f32,
}

struct Collector {
    glyphs: Vec<RawGlyph>,
    ops: usize,
    /// Operations allowed on this page.
    budget: usize,
}

impl Collector {
    fn count_op(&mut self) {
        self.ops += 1;
        if self.ops > self.budget {
            over_budget();
        }
    }
}

/// Stops interpreting the page. Where panics unwind this leaves `interpret_page` at once; under
/// `panic = "abort"` (the wasm build) that is impossible, so there the remaining operations are
/// still walked (each cheaply, the collector ignores them) and the page keeps what it had.
fn over_budget() {
    #[cfg(panic = "unwind")]
    std::panic::resume_unwind(Box::new(OverBudget));
}

impl<'a> Device<'a> for Collector {
    fn draw_path(&mut self, _: &BezPath, _: DrawProps<'a>, _: &DrawMode) {
        self.count_op();
    }

    fn push_clip_path(&mut self, _: &ClipPath) {
        self.count_op();
    }

    fn push_clip_rect(&mut self, _: &Rect) {
        self.count_op();
    }

    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {
        self.count_op();
    }

    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, 'a>, props: DrawProps<'a>, _: &DrawMode) {
        self.count_op();
        if self.ops > self.budget {
            return;
        }
        for glyph in run.glyphs() {
            if self.glyphs.len() >= MAX_GLYPHS_PER_PAGE {
                return;
            }
            let Some(text) = glyph_text(glyph.as_unicode()) else {
                continue;
            };
            let t = (props.transform * glyph.transform()).as_coeffs();
            // Glyph space is 1000 units per em; x along the baseline, y up.
            let (bx, by) = (t[0] * 1000.0, t[1] * 1000.0);
            let (ux, uy) = (t[2] * 1000.0, t[3] * 1000.0);
            let size = (ux * ux + uy * uy).sqrt();
            let base = (bx * bx + by * by).sqrt();
            if !(size.is_finite() && base.is_finite() && size > 0.01 && base > 0.01) {
                continue;
            }
            if !(t[4].is_finite() && t[5].is_finite()) {
                continue;
            }
            let quarter = if bx.abs() >= by.abs() {
                if bx > 0.0 {
                    0
                } else {
                    2
                }
            } else if by > 0.0 {
                1
            } else {
                3
            };
            let adv_units = match &**glyph {
                hayro_interpret::font::Glyph::Outline(o) => o.advance_width(),
                hayro_interpret::font::Glyph::Type3(g) => g.advance_width(),
            }
            .filter(|a| a.is_finite() && *a >= 0.0 && *a < 10_000.0)
            .unwrap_or(500.0) as f64;
            self.glyphs.push(RawGlyph {
                text,
                ox: t[4],
                oy: t[5],
                quarter,
                adv: (adv_units / 1000.0 * base) as f32,
                size: size as f32,
            });
        }
    }

    fn draw_image(&mut self, _: Image<'a, '_>, _: ImageDrawProps<'a>) {
        self.count_op();
    }

    fn pop_clip(&mut self) {}

    fn pop_transparency_group(&mut self) {}
}

/// The glyph's text, or None for glyphs without Unicode, whitespace (gaps are measured instead),
/// control characters and private-use code points (symbol-font bullets). Ligatures are spelled
/// out ("ﬁ" → "fi") and soft or non-breaking hyphens become '-', as they are shown.
fn glyph_text(unicode: Option<BfString>) -> Option<GlyphText> {
    let mut s = String::new();
    let mut push = |c: char| match c {
        '\u{FB00}' => s.push_str("ff"),
        '\u{FB01}' => s.push_str("fi"),
        '\u{FB02}' => s.push_str("fl"),
        '\u{FB03}' => s.push_str("ffi"),
        '\u{FB04}' => s.push_str("ffl"),
        '\u{FB05}' | '\u{FB06}' => s.push_str("st"),
        '\u{AD}' | '\u{2010}' | '\u{2011}' => s.push('-'),
        '\u{E000}'..='\u{F8FF}' | '\u{FFFD}' => {}
        c if c.is_whitespace() || c.is_control() => {}
        c => s.push(c),
    };
    match unicode? {
        BfString::Char(c) => push(c),
        BfString::String(text) => text.chars().for_each(&mut push),
    }
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (None, _) => None,
        (Some(c), None) => Some(GlyphText::One(c)),
        _ => Some(GlyphText::Many(s.into_boxed_str())),
    }
}

/// Keeps the glyphs of the page's dominant direction and turns the page so that they read left
/// to right (a landscape table drawn sideways on a portrait page reads like an upright one).
/// Glyphs in other directions (watermarks, rotated axis labels) are dropped.
fn upright(raw: Vec<RawGlyph>, width: f32, height: f32) -> PageGlyphs {
    let mut counts = [0usize; 4];
    for g in &raw {
        counts[g.quarter as usize] += 1;
    }
    let quarter = (0..4u8)
        .max_by_key(|&q| (counts[q as usize], std::cmp::Reverse(q)))
        .unwrap_or(0);
    let (w, h) = (width as f64, height as f64);
    // Rotate by -quarter·90°, then shift the page back to the origin.
    let turn = |x: f64, y: f64| -> (f64, f64) {
        match quarter {
            0 => (x, y),
            1 => (y, w - x),
            2 => (w - x, h - y),
            _ => (h - y, x),
        }
    };
    let (pw, ph) = if quarter % 2 == 1 {
        (height, width)
    } else {
        (width, height)
    };
    let margin = 0.05 * pw.max(ph);
    let glyphs = raw
        .into_iter()
        .filter(|g| g.quarter == quarter)
        .filter_map(|g| {
            let (x, y) = turn(g.ox, g.oy);
            let (x, y) = (x as f32, y as f32);
            // Text far outside the page is not part of what a reader sees.
            let inside = x > -margin && x < pw + margin && y > -margin && y < ph + margin;
            inside.then_some(Glyph {
                text: g.text,
                x,
                y,
                adv: g.adv,
                size: g.size,
            })
        })
        .collect();
    PageGlyphs { height: ph, glyphs }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_texts() {
        let one = |c| glyph_text(Some(BfString::Char(c)));
        assert_eq!(one('å'), Some(GlyphText::One('å')));
        assert_eq!(one('\u{FB01}'), Some(GlyphText::Many("fi".into())));
        assert_eq!(one('\u{AD}'), Some(GlyphText::One('-')));
        assert_eq!(one('\u{A0}'), None);
        assert_eq!(one('\u{F0B7}'), None);
        assert_eq!(one('\u{0}'), None);
        assert_eq!(glyph_text(None), None);
        let many = glyph_text(Some(BfString::String("f\u{FB01}".into())));
        assert_eq!(many, Some(GlyphText::Many("ffi".into())));
    }
}
