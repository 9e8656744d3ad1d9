//! The vocabulary of the dashboard: areas, periods, values and indicator definitions.
//! Pure data and parsing; no I/O, no SQL, no UI.

mod account;
mod area;
mod batch;
mod digest;
mod event;
mod fast_hash;
mod indicator;
mod note;
mod number;
mod observation;
mod period;
mod publication;
mod region;
mod shielding;
mod signal;
mod spreadsheet_text;
mod story;
mod supplier;
mod text;
mod time;
mod tone;

pub use account::{Account, Role};
pub use area::{Area, AreaInfo, AreaKind, AreaParseError};
pub use batch::{Batch, BatchId, BatchKind, BatchSource};
pub use digest::sha256_hex;
pub use event::{Event, EventDraft, EventId, EventKind, EventScope};
pub use fast_hash::{FastHashMap, FastHashSet};
pub use indicator::{
    Aggregation, CbsSource, Coded, Domain, Frequency, Indicator, Layer, Polarity, Source,
    StockOrFlow, THEMES, Unit, days_late,
};
pub use note::{Note, NoteDraft, NoteId, NoteStatus, NoteVersion, dutch_date, parse_date};
pub use number::{NumberParseError, count_of, format_number, parse_number, plain_number};
pub use observation::{CellValue, Observation, Reason, Value};
pub use period::{Period, PeriodParseError};
pub use publication::Publication;
pub use region::{Member, Region};
pub use shielding::Shown;
pub use signal::{Expected, MeasuredSignal, Signal, SignalKind};
pub use spreadsheet_text::{from_spreadsheet, to_spreadsheet};
pub use story::{Story, StoryDraft, StoryId, StoryKind, UrlError, WebUrl};
pub use supplier::Supplier;
pub use text::{
    ControlCharacter, check_optional, check_required, check_text, escaped, fold,
    is_invisible_or_bidi, refused_control, visible,
};
pub use time::dutch_datetime;
pub use tone::{Direction, Tone};
