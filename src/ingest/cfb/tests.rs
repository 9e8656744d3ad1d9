use super::*;

const FREE: u32 = 0xFFFF_FFFF;
const FAT_SECTOR: u32 = 0xFFFF_FFFD;

/// A version 3 compound file as Excel lays it out: sector 0 the FAT, sector 1 the directory (root
/// and `Workbook`), then the workbook stream of `workbook_len` bytes in sectors of its own (at least
/// 4096, so not in the mini stream).
struct Compound {
    sector_len: usize,
    header: Vec<u8>,
    fat: Vec<u32>,
    directory: Vec<u8>,
    workbook: Vec<u8>,
}

impl Compound {
    fn new(workbook_len: usize) -> Self {
        Self::with_sectors_of(512, workbook_len)
    }

    /// Version 3 with sectors of 512 bytes, version 4 with sectors of 4096.
    fn with_sectors_of(sector_len: usize, workbook_len: usize) -> Self {
        let (version, shift) = if sector_len == 512 { (3, 9) } else { (4, 12) };
        let mut header = MAGIC.to_vec();
        header.extend([0; 16]);
        header.extend([0x3E, 0, version, 0, 0xFE, 0xFF, shift, 0, 6, 0]);
        header.extend([0; 10]);
        for word in [1, 1, 0, 4096, END_OF_CHAIN, 0, END_OF_CHAIN, 0, 0] {
            header.extend(u32::to_le_bytes(word));
        }
        header.truncate(76);
        header.extend(0_u32.to_le_bytes());
        while header.len() < 512 {
            header.extend(FREE.to_le_bytes());
        }
        header.resize(sector_len, 0);
        let sectors = workbook_len.div_ceil(sector_len) as u32;
        let mut fat = vec![FAT_SECTOR, END_OF_CHAIN];
        fat.extend((3..sectors + 2).chain([END_OF_CHAIN]));
        fat.resize(sector_len / 4, FREE);
        let mut directory = Vec::new();
        // calamine wants the root to start a (mini) stream in version 4; without a mini FAT it
        // never reads it.
        let root_start = if version == 3 { END_OF_CHAIN } else { 0 };
        directory.extend(entry("Root Entry", 5, root_start, 0));
        directory.extend(entry("Workbook", 2, 2, workbook_len as u32));
        directory.resize(sector_len, 0);
        Compound {
            sector_len,
            header,
            fat,
            directory,
            workbook: vec![0x09; workbook_len],
        }
    }

    fn bytes(&self) -> Vec<u8> {
        let mut bytes = self.header.clone();
        bytes.extend(self.fat.iter().flat_map(|w| w.to_le_bytes()));
        bytes.extend(&self.directory);
        bytes.extend(&self.workbook);
        bytes.resize(bytes.len().div_ceil(self.sector_len) * self.sector_len, 0);
        bytes
    }
}

fn entry(name: &str, kind: u8, start: u32, len: u32) -> Vec<u8> {
    let mut entry: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    entry.resize(64, 0);
    entry.extend(((name.len() as u16 + 1) * 2).to_le_bytes());
    entry.push(kind);
    entry.resize(116, 0);
    entry.extend(start.to_le_bytes());
    entry.extend(len.to_le_bytes());
    entry.resize(128, 0);
    entry
}

/// calamine gets past the compound file to the workbook records (which these files do not hold).
fn calamine_reads_the_workbook_stream(bytes: Vec<u8>) {
    use calamine::{Reader, Xls, XlsError};
    if let Err(XlsError::Cfb(e)) = Xls::new(std::io::Cursor::new(bytes)) {
        panic!("{e}");
    }
}

#[test]
fn a_sound_compound_file_passes_and_other_files_are_left_alone() {
    calamine_reads_the_workbook_stream(Compound::new(20_000).bytes());
    calamine_reads_the_workbook_stream(Compound::with_sectors_of(4096, 20_000).bytes());
    assert_eq!(check_cfb(&Compound::new(4096).bytes()), Ok(()));
    assert_eq!(check_cfb(&Compound::new(20_000).bytes()), Ok(()));
    assert_eq!(
        check_cfb(&Compound::with_sectors_of(4096, 20_000).bytes()),
        Ok(())
    );
    // Excel leaves the last sector whole; a file cut inside the stream's last sector still passes.
    let mut cut = Compound::new(4096).bytes();
    cut.truncate(cut.len() - 100);
    assert_eq!(check_cfb(&cut), Ok(()));
    assert_eq!(check_cfb(b"PK\x03\x04"), Ok(()));
    assert_eq!(check_cfb(b"indicator;gebied"), Ok(()));
}

#[test]
fn a_chain_that_loops_is_refused() {
    let mut file = Compound::new(4096);
    file.fat[5] = 3;
    assert_eq!(
        refused(&file.bytes()),
        "het werkboek is beschadigd: de werkboekstroom 'Workbook' loopt in een kring (sector 3 \
         komt er twee keer in voor); het is niet gelezen"
    );
    // The directory chain is read to its end, without a length to stop it.
    let mut file = Compound::new(4096);
    file.fat[1] = 1;
    assert!(refused(&file.bytes()).contains("de mappenlijst loopt in een kring"));
}

#[test]
fn a_chain_past_the_end_of_the_file_is_refused() {
    let mut file = Compound::new(4096);
    file.fat[4] = 40;
    assert_eq!(
        refused(&file.bytes()),
        "het werkboek is beschadigd: de werkboekstroom 'Workbook' verwijst naar sector 40, voorbij \
         het einde (10 sectoren); het is niet gelezen"
    );
    // A link beyond the sector table, which calamine would look up out of bounds.
    let mut file = Compound::new(4096);
    file.workbook.extend([0; 512 * 200]);
    file.fat[4] = 200;
    assert!(
        refused(&file.bytes())
            .contains("gaat verder vanaf sector 200, die niet in de sectortabel staat")
    );
}

#[test]
fn a_stream_start_in_a_missing_mini_stream_is_refused() {
    let mut file = Compound::new(4096);
    file.directory[128..256].copy_from_slice(&entry("Workbook", 2, 0, 100));
    assert!(refused(&file.bytes()).contains(
        "de werkboekstroom 'Workbook' verwijst naar sector 0, voorbij het einde (0 sectoren)"
    ));
}

#[test]
fn a_fat_sector_listed_twice_is_refused() {
    // Listed again and again, one sector would give calamine a table 128 times the file.
    let mut file = Compound::new(4096);
    file.header[80..84].copy_from_slice(&0_u32.to_le_bytes());
    assert_eq!(
        refused(&file.bytes()),
        "het werkboek is beschadigd: sector 0 staat meer dan eens in de sectortabel; het is niet \
         gelezen"
    );
}

#[test]
fn a_bad_sector_size_is_refused() {
    let mut file = Compound::new(4096);
    file.header[30] = 10;
    assert_eq!(
        refused(&file.bytes()),
        "het werkboek is beschadigd: de sectorgrootte is 2^10 bytes bij versie 3, waar 512 bytes \
         (versie 3) of 4096 bytes (versie 4) hoort; het is niet gelezen"
    );
    let mut file = Compound::new(4096);
    file.header[30] = 12;
    assert!(check_cfb(&file.bytes()).is_err(), "4096 bytes is version 4");
    let mut file = Compound::with_sectors_of(4096, 12_288);
    file.fat[3] = 2;
    assert!(refused(&file.bytes()).contains("de werkboekstroom 'Workbook' loopt in een kring"));
    let mut file = Compound::new(4096);
    file.header[32] = 7;
    assert!(refused(&file.bytes()).contains("de kleine sectorgrootte is 2^7 bytes"));
    assert!(refused(&MAGIC).contains("het is 8 bytes, korter dan de kop"));
}

#[test]
fn the_fuzzed_file_that_grew_to_gigabytes_is_refused() {
    let bytes = include_bytes!("../../../tests/fixtures/import/hostile/cfb-chain-oom.xls");
    assert_eq!(
        refused(bytes),
        "het werkboek is beschadigd: de mappenlijst loopt in een kring (sector 0 komt er twee keer \
         in voor); het is niet gelezen"
    );
}

/// calamine's own test workbooks (in the fuzz seeds) pass, and calamine then reads them as before;
/// refused are only the fuzzed file (calamine is not run on the refused: that would take all memory)
/// and `OOM_alloc3.xls`, which calamine's own tests expect it to refuse as a damaged compound file.
#[test]
fn calamine_s_own_workbooks_pass() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/xlsx_import");
    let (mut passed, mut refused) = (0, Vec::new());
    for path in std::fs::read_dir(seeds).unwrap() {
        let path = path.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        if !bytes.starts_with(&MAGIC) {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // Fuzzing's finds: sheets that calamine would build to gigabytes.
        if name.starts_with("regressie-xls-verre-cel") {
            let too_large = check_cfb(&bytes).unwrap_err();
            assert_eq!(too_large.kind, ProblemKind::TooLarge, "{name}");
            assert!(
                too_large.message.contains("een werkblad is te groot"),
                "{name}: {too_large:?}"
            );
            continue;
        }
        match check_cfb(&bytes) {
            Ok(()) => {
                let _ = crate::ingest::sheet_table::read_sheets(&bytes);
                passed += 1;
            }
            Err(finding) => refused.push(format!("{name}: {}", finding.message)),
        }
    }
    refused.sort();
    assert_eq!(
        refused,
        [
            "calamine-OOM_alloc3.xls: het werkboek is beschadigd: de mappenlijst verwijst naar \
             sector 4294967039, voorbij het einde (270 sectoren); het is niet gelezen",
            "cfb-chain-oom.xls: het werkboek is beschadigd: de mappenlijst loopt in een kring \
             (sector 0 komt er twee keer in voor); het is niet gelezen",
        ]
    );
    assert!(passed > 30, "{passed}");
}

/// The message of a file refused as damaged.
fn refused(bytes: &[u8]) -> String {
    let finding = check_cfb(bytes).unwrap_err();
    assert_eq!(finding.kind, ProblemKind::Unreadable, "{}", finding.message);
    finding.message
}
