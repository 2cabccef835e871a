//! ZIP containers (DOCX, XLSX, ODS) read from memory with limits: a cap on the number of
//! entries, on the inflated size of one entry and of all entries read together (a zip bomb is
//! refused, not inflated), checked on the bytes actually inflated, not on the sizes the archive
//! claims.

use std::io::{Cursor, Read};

use zip::ZipArchive;

/// Most entries an archive may list.
pub const MAX_ENTRIES: usize = 10_000;
/// Most bytes one entry may inflate to (a 1 000-page report's document.xml is some 20 MB).
pub const MAX_ENTRY_INFLATED: u64 = 64 * 1024 * 1024;
/// Most bytes all entries read from one archive may inflate to together.
pub const MAX_TOTAL_INFLATED: u64 = 160 * 1024 * 1024;

/// Why a container could not be read; the text is Norwegian, for the message users see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZipProblem {
    /// Not a readable ZIP archive (truncated, damaged).
    Damaged(String),
    /// Too many entries, or inflates past a limit.
    TooBig(String),
    /// Encrypted (password protected) entry.
    Encrypted,
}

/// A read error; inflating past the size the archive declares is a zip bomb too.
fn read_problem(e: std::io::Error) -> ZipProblem {
    let m = e.to_string();
    if m.contains("declared") {
        ZipProblem::TooBig(format!(
            "en del pakker seg ut til mer enn arkivet oppgir («zip-bombe»?) ({m})"
        ))
    } else {
        ZipProblem::Damaged(m)
    }
}

impl std::fmt::Display for ZipProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ZipProblem::Damaged(m) => {
                write!(f, "filen er et skadet eller avkortet ZIP-arkiv ({m})")
            }
            ZipProblem::TooBig(m) => f.write_str(m),
            ZipProblem::Encrypted => f.write_str("filen er passordbeskyttet"),
        }
    }
}

/// An archive in memory with an inflation budget.
pub struct Zip<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    inflated: u64,
}

impl<'a> Zip<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Self, ZipProblem> {
        let archive =
            ZipArchive::new(Cursor::new(bytes)).map_err(|e| ZipProblem::Damaged(e.to_string()))?;
        if archive.len() > MAX_ENTRIES {
            return Err(ZipProblem::TooBig(format!(
                "arkivet har {} deler (grensen er {MAX_ENTRIES})",
                archive.len()
            )));
        }
        Ok(Zip {
            archive,
            inflated: 0,
        })
    }

    /// Entry names (lossy for names that are not UTF-8).
    pub fn names(&self) -> Vec<String> {
        self.archive
            .file_names_raw()
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .collect()
    }

    pub fn has(&self, name: &str) -> bool {
        self.archive.index_for_name(name).is_some()
    }

    /// Inflates entry `name`, or `None` when there is no such entry.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, ZipProblem> {
        let Some(index) = self.archive.index_for_name(name) else {
            return Ok(None);
        };
        self.read_index(index).map(Some)
    }

    /// Inflates entry `name` as text (UTF-8, invalid sequences replaced).
    pub fn read_text(&mut self, name: &str) -> Result<Option<String>, ZipProblem> {
        Ok(self.read(name)?.map(|b| match String::from_utf8(b) {
            Ok(s) => s,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        }))
    }

    fn read_index(&mut self, index: usize) -> Result<Vec<u8>, ZipProblem> {
        let mut entry = match self.archive.by_index(index) {
            Ok(e) => e,
            Err(zip::result::ZipError::InvalidPassword) => return Err(ZipProblem::Encrypted),
            Err(zip::result::ZipError::UnsupportedArchive(m)) if m.contains("assword") => {
                return Err(ZipProblem::Encrypted)
            }
            Err(e) => return Err(ZipProblem::Damaged(e.to_string())),
        };
        if entry.encrypted() {
            return Err(ZipProblem::Encrypted);
        }
        let left = MAX_TOTAL_INFLATED.saturating_sub(self.inflated);
        let cap = MAX_ENTRY_INFLATED.min(left);
        let mut out = Vec::with_capacity(entry.size().min(cap).min(16 * 1024 * 1024) as usize);
        let read = (&mut entry)
            .take(cap + 1)
            .read_to_end(&mut out)
            .map_err(read_problem)?;
        if read as u64 > cap {
            return Err(ZipProblem::TooBig(format!(
                "innholdet pakker seg ut til mer enn {} MB (grensen er {} MB; en «zip-bombe» eller et svært stort dokument)",
                cap / (1024 * 1024),
                cap / (1024 * 1024)
            )));
        }
        self.inflated += read as u64;
        Ok(out)
    }

    /// Inflates every XML part once (discarding the bytes), so a reader that inflates parts
    /// itself (calamine) is only given an archive known to stay within the limits. Pictures and
    /// other media are not read by anyone and not checked.
    pub fn check_all(&mut self) -> Result<(), ZipProblem> {
        let mut sink = [0u8; 16 * 1024];
        let mut total = 0u64;
        for index in 0..self.archive.len() {
            let mut entry = match self.archive.by_index(index) {
                Ok(e) => e,
                Err(e) => return Err(ZipProblem::Damaged(e.to_string())),
            };
            let name = entry.name_raw();
            if !(name.ends_with(b".xml") || name.ends_with(b".rels") || name.ends_with(b".bin")) {
                continue;
            }
            if entry.encrypted() {
                return Err(ZipProblem::Encrypted);
            }
            let mut this = 0u64;
            loop {
                let n = entry.read(&mut sink).map_err(read_problem)?;
                if n == 0 {
                    break;
                }
                this += n as u64;
                total += n as u64;
                if this > MAX_ENTRY_INFLATED || total > MAX_TOTAL_INFLATED {
                    return Err(ZipProblem::TooBig(format!(
                        "innholdet pakker seg ut til mer enn {} MB (en «zip-bombe» eller et svært stort dokument)",
                        MAX_TOTAL_INFLATED.min(if this > MAX_ENTRY_INFLATED { MAX_ENTRY_INFLATED } else { MAX_TOTAL_INFLATED }) / (1024 * 1024)
                    )));
                }
            }
        }
        Ok(())
    }
}
