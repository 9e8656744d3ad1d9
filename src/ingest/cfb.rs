//! A legacy workbook (.xls) is an OLE2 compound file: sectors linked into chains by a sector table.
//! calamine follows those chains without bound (a chain that loops back on itself grew one fuzzed
//! file of 32 KB to 17.8 GB), and it panics on a link past the end of its tables. So every chain
//! calamine follows for this importer is walked here first, with the file's own sector count as the
//! bound and a visited set against loops, in time and memory linear in the file.
//!
//! The walk mirrors calamine 0.38's `cfb::Cfb::new` and `get_stream`: it stops where calamine stops
//! (at the end-of-chain mark or once a stream's declared length is read), so a file calamine reads
//! correctly passes, and everything it would follow first is checked.

use super::problem::{Finding, ProblemKind};

/// The first eight bytes of every compound file.
pub const MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
/// Table entries at or above this are no sector (DIFAT/FAT/free marks); calamine skips them in the
/// list of FAT sectors.
const DIFAT_SECTOR: u32 = 0xFFFF_FFFC;
/// A DIFAT chain goes on while its next link is below this.
const RESERVED: u32 = 0xFFFF_FFFA;
const HEADER_LEN: usize = 512;
const HEADER_FAT_SECTORS: usize = 109;
const MINI_SECTOR_LEN: u64 = 64;
/// Streams shorter than this live in the mini stream (calamine uses the value fixed, not the
/// header's).
const MINI_STREAM_CUTOFF: u64 = 4096;
const DIRECTORY_ENTRY_LEN: usize = 128;

/// Checks the compound file's header and every chain calamine will follow: the DIFAT, the FAT, the
/// directory, the mini stream and mini FAT, and the workbook stream (`Workbook`, else `Book`; this
/// importer never asks for the document properties or macros, the other streams calamine can
/// read), then the extent of the sheets in that stream ([`super::biff`]). Files that are no compound
/// file are left to their reader.
pub fn check_cfb(bytes: &[u8]) -> Result<(), Finding> {
    if !bytes.starts_with(&MAGIC) {
        return Ok(());
    }
    let stream = workbook_stream(bytes).map_err(|e| Finding::new(ProblemKind::Unreadable, e))?;
    if let Some(stream) = stream {
        super::biff::check_sheets(&stream).map_err(|e| e.within("een werkblad is te groot"))?;
    }
    Ok(())
}

/// The workbook stream as calamine will hand it to its XLS reader, after every chain on the way is
/// checked; `None` when the file has none.
fn workbook_stream(bytes: &[u8]) -> Result<Option<Vec<u8>>, String> {
    let file = File::new(bytes)?;
    let fat = file.fat()?;
    let directory = file.follow(
        "de mappenlijst",
        file.u32_at(48),
        u64::MAX,
        &file.big(),
        &fat,
    )?;
    file.check_whole(&directory, "de mappenlijst")?;
    let entries = file.entries(&directory);

    let Some(root) = entries.clone().next() else {
        // No directory at all: calamine refuses that itself, without reading anything.
        return Ok(None);
    };
    let (mini_stream, mini_fat) = if file.u32_at(64) > 0 {
        let mini_stream =
            file.follow("de kleine stroom", root.start, root.len, &file.big(), &fat)?;
        let wanted = u64::from(file.u32_at(64)) * file.sector_len as u64;
        let mini_fat = file.follow(
            "de kleine sectortabel",
            file.u32_at(60),
            wanted,
            &file.big(),
            &fat,
        )?;
        file.check_whole(&mini_fat, "de kleine sectortabel")?;
        let entries = (mini_fat.read / 4) as usize;
        (mini_stream, Table::new(&file, mini_fat.ids, entries))
    } else {
        let none = Chain {
            ids: Vec::new(),
            read: 0,
        };
        (none, Table::new(&file, Vec::new(), 0))
    };
    let mini_stream_len = mini_stream.read;
    let mini = Unit {
        count: mini_stream_len.div_ceil(MINI_SECTOR_LEN) as usize,
        len: Box::new(move |id| MINI_SECTOR_LEN.min(mini_stream_len - id as u64 * MINI_SECTOR_LEN)),
    };

    let named = |name: &str| entries.clone().find(|e| e.is_named(name));
    let Some(stream) = named("Workbook").or_else(|| named("Book")) else {
        return Ok(None);
    };
    let what = format!("de werkboekstroom '{}'", stream.name());
    let bytes = if stream.len < MINI_STREAM_CUTOFF {
        let chain = file.follow(&what, stream.start, stream.len, &mini, &mini_fat)?;
        let mini_bytes = file.gather(&mini_stream, file.sector_len);
        gather(&chain, MINI_SECTOR_LEN as usize, |id| {
            let start = id * MINI_SECTOR_LEN as usize;
            &mini_bytes[start..(start + MINI_SECTOR_LEN as usize).min(mini_bytes.len())]
        })
    } else {
        let chain = file.follow(&what, stream.start, stream.len, &file.big(), &fat)?;
        file.gather(&chain, file.sector_len)
    };
    Ok(Some(bytes))
}

/// A chain's bytes joined, as calamine's `get_chain` joins them, up to what it read.
fn gather<'s>(chain: &Chain, sector_len: usize, sector: impl Fn(usize) -> &'s [u8]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity((chain.ids.len() * sector_len).min(chain.read as usize));
    for id in &chain.ids {
        bytes.extend_from_slice(sector(*id as usize));
    }
    bytes.truncate(chain.read as usize);
    bytes
}

fn damaged(detail: &str) -> String {
    format!("het werkboek is beschadigd: {detail}; het is niet gelezen")
}

/// The file as sectors: sector `id` starts at `(id + 1) * sector_len`, after the header sector.
struct File<'b> {
    bytes: &'b [u8],
    sector_len: usize,
    /// Sectors that start inside the file; the last may be cut short.
    count: usize,
    /// Sectors wholly inside the file.
    whole: usize,
}

impl<'b> File<'b> {
    fn new(bytes: &'b [u8]) -> Result<Self, String> {
        if bytes.len() < HEADER_LEN {
            return Err(damaged(&format!(
                "het is {} bytes, korter dan de kop van {HEADER_LEN} bytes",
                bytes.len()
            )));
        }
        let u16_at = |at: usize| u16::from_le_bytes([bytes[at], bytes[at + 1]]);
        let (version, sector_shift, mini_shift) = (u16_at(26), u16_at(30), u16_at(32));
        let sector_len = match (version, sector_shift) {
            (3, 9) => 512,
            (4, 12) => 4096,
            _ => {
                return Err(damaged(&format!(
                    "de sectorgrootte is 2^{sector_shift} bytes bij versie {version}, waar 512 \
                     bytes (versie 3) of 4096 bytes (versie 4) hoort"
                )));
            }
        };
        if mini_shift != 6 {
            return Err(damaged(&format!(
                "de kleine sectorgrootte is 2^{mini_shift} bytes, waar 64 bytes hoort"
            )));
        }
        if bytes.len() < sector_len {
            return Err(damaged(&format!(
                "het is {} bytes, korter dan de kop van {sector_len} bytes",
                bytes.len()
            )));
        }
        let after_header = bytes.len() - sector_len;
        let file = File {
            bytes,
            sector_len,
            count: after_header.div_ceil(sector_len),
            whole: after_header / sector_len,
        };
        for (at, what) in [(44, "sectortabel"), (72, "DIFAT-sectoren")] {
            let declared = file.u32_at(at) as usize;
            if declared > file.count {
                return Err(damaged(&format!(
                    "de kop noemt {declared} sectoren voor de {what}, maar het bestand heeft er \
                     {} in totaal",
                    file.count
                )));
            }
        }
        Ok(file)
    }

    fn u32_at(&self, at: usize) -> u32 {
        let b = &self.bytes[at..at + 4];
        u32::from_le_bytes([b[0], b[1], b[2], b[3]])
    }

    /// Sector `id` as far as the file holds it.
    fn sector(&self, id: usize) -> &'b [u8] {
        let start = (id + 1) * self.sector_len;
        &self.bytes[start.min(self.bytes.len())..(start + self.sector_len).min(self.bytes.len())]
    }

    /// A sector holding a table: calamine reads those as whole words, and panics on a short one.
    fn whole_sector(&self, id: u32, what: &str) -> Result<&'b [u8], String> {
        if (id as usize) < self.whole {
            Ok(self.sector(id as usize))
        } else {
            Err(damaged(&format!(
                "{what} verwijst naar sector {id}, voorbij het einde van het bestand ({} sectoren)",
                self.whole
            )))
        }
    }

    fn gather(&self, chain: &Chain, sector_len: usize) -> Vec<u8> {
        gather(chain, sector_len, |id| self.sector(id))
    }

    fn big(&self) -> Unit<'b> {
        let (sector_len, bytes_len) = (self.sector_len, self.bytes.len());
        Unit {
            count: self.count,
            len: Box::new(move |id| {
                let start = (id + 1) * sector_len;
                (bytes_len - start).min(sector_len) as u64
            }),
        }
    }

    /// The FAT: the sectors the DIFAT lists, as calamine gathers them (the header's 109, then those
    /// of each DIFAT sector, whose last word links to the next). Each listed sector once: a sector
    /// listed again and again would make the table grow with every mention.
    fn fat(&self) -> Result<Table<'_, 'b>, String> {
        let words = |sector: &'b [u8]| {
            sector
                .chunks_exact(4)
                .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
        };
        let per_sector = self.sector_len / 4;
        let mut listed: Vec<u32> = words(&self.bytes[76..76 + 4 * HEADER_FAT_SECTORS]).collect();
        let mut difat_seen = Visited::new(self.whole);
        let mut next = self.u32_at(68);
        while next < RESERVED {
            let sector = self.whole_sector(next, "de DIFAT")?;
            if !difat_seen.insert(next as usize) {
                return Err(looped("de DIFAT", next));
            }
            listed.extend(words(sector).take(per_sector - 1));
            next = u32::from_le_bytes(sector[self.sector_len - 4..].try_into().unwrap_or([0; 4]));
        }
        let mut fat_seen = Visited::new(self.whole);
        let mut ids = Vec::new();
        for id in listed.into_iter().filter(|id| *id < DIFAT_SECTOR) {
            self.whole_sector(id, "de sectortabel")?;
            if !fat_seen.insert(id as usize) {
                return Err(damaged(&format!(
                    "sector {id} staat meer dan eens in de sectortabel"
                )));
            }
            ids.push(id);
        }
        let entries = ids.len() * per_sector;
        Ok(Table::new(self, ids, entries))
    }

    /// Follows a chain as calamine's `Sectors::get_chain` does: from `start` to the end-of-chain mark
    /// or until `wanted` bytes are read, each link looked up in `table`. Every sector must lie in the
    /// file and come once, so a chain is never longer than the file has sectors.
    fn follow(
        &self,
        what: &str,
        start: u32,
        wanted: u64,
        unit: &Unit,
        table: &Table,
    ) -> Result<Chain, String> {
        let mut seen = Visited::new(unit.count);
        let mut chain = Chain {
            ids: Vec::new(),
            read: 0,
        };
        let mut id = start;
        while id != END_OF_CHAIN {
            let index = id as usize;
            if index >= unit.count {
                return Err(damaged(&format!(
                    "{what} verwijst naar sector {id}, voorbij het einde ({} sectoren)",
                    unit.count
                )));
            }
            if !seen.insert(index) {
                return Err(looped(what, id));
            }
            chain.ids.push(id);
            chain.read += (unit.len)(index).min(wanted - chain.read);
            if chain.read >= wanted {
                break;
            }
            id = table.get(index).ok_or_else(|| {
                damaged(&format!(
                    "{what} gaat verder vanaf sector {id}, die niet in de sectortabel staat"
                ))
            })?;
        }
        Ok(chain)
    }

    /// The directory entries in the sectors of the directory chain, in calamine's order.
    fn entries<'a>(&'a self, directory: &'a Chain) -> impl Iterator<Item = Entry<'b>> + Clone + 'a {
        let small_sectors = self.sector_len == 512;
        directory
            .ids
            .iter()
            .flat_map(|id| self.sector(*id as usize).chunks_exact(DIRECTORY_ENTRY_LEN))
            .map(move |raw| {
                let start = u32::from_le_bytes([raw[116], raw[117], raw[118], raw[119]]);
                let low = u32::from_le_bytes([raw[120], raw[121], raw[122], raw[123]]);
                let high = u32::from_le_bytes([raw[124], raw[125], raw[126], raw[127]]);
                // Version 3 files keep only the low half; the high half may hold garbage there.
                let len = if small_sectors {
                    u64::from(low)
                } else {
                    u64::from(low) | (u64::from(high) << 32)
                };
                Entry { raw, start, len }
            })
    }

    /// The directory sectors, whole: calamine cuts its directory in entries of 128 bytes after
    /// joining the chain, so a short sector would shift every entry after it.
    fn check_whole(&self, chain: &Chain, what: &str) -> Result<(), String> {
        for id in &chain.ids {
            self.whole_sector(*id, what)?;
        }
        Ok(())
    }
}

fn looped(what: &str, id: u32) -> String {
    damaged(&format!(
        "{what} loopt in een kring (sector {id} komt er twee keer in voor)"
    ))
}

/// The sectors a chain runs over: how many there are, and how many bytes each holds.
struct Unit<'b> {
    count: usize,
    len: Box<dyn Fn(usize) -> u64 + 'b>,
}

struct Chain {
    ids: Vec<u32>,
    read: u64,
}

/// A sector table (FAT or mini FAT) read in place from its sectors, which are whole.
struct Table<'f, 'b> {
    file: &'f File<'b>,
    sectors: Vec<u32>,
    entries: usize,
}

impl<'f, 'b> Table<'f, 'b> {
    fn new(file: &'f File<'b>, sectors: Vec<u32>, entries: usize) -> Self {
        Table {
            file,
            sectors,
            entries,
        }
    }

    fn get(&self, index: usize) -> Option<u32> {
        if index >= self.entries {
            return None;
        }
        let per_sector = self.file.sector_len / 4;
        let sector = self
            .file
            .sector(*self.sectors.get(index / per_sector)? as usize);
        let at = index % per_sector * 4;
        let word = sector.get(at..at + 4)?;
        Some(u32::from_le_bytes([word[0], word[1], word[2], word[3]]))
    }
}

#[derive(Clone, Copy)]
struct Entry<'b> {
    raw: &'b [u8],
    start: u32,
    len: u64,
}

impl Entry<'_> {
    /// The name as calamine reads it: decoded with encoding_rs's `decode`, which also honours a
    /// byte order mark, and cut at the first NUL. A hand-written decoder could differ from it, and
    /// then calamine would open a stream this check never walked.
    fn name(&self) -> String {
        let mut name = encoding_rs::UTF_16LE.decode(&self.raw[..64]).0.into_owned();
        if let Some(nul) = name.find('\0') {
            name.truncate(nul);
        }
        name
    }

    /// Compared as calamine does: ASCII letters in any case.
    fn is_named(&self, name: &str) -> bool {
        self.name().eq_ignore_ascii_case(name)
    }
}

/// A set of sector numbers below a bound, one bit each.
struct Visited(Vec<u64>);

impl Visited {
    fn new(count: usize) -> Self {
        Visited(vec![0; count.div_ceil(64)])
    }

    /// Whether `index` was new.
    fn insert(&mut self, index: usize) -> bool {
        let (word, bit) = (index / 64, 1 << (index % 64));
        let new = self.0[word] & bit == 0;
        self.0[word] |= bit;
        new
    }
}

#[cfg(test)]
mod tests;
