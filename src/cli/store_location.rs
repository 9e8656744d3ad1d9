//! `--db`: a file or a server, told apart by [`StoreLocation::parse`] when the arguments are read, so
//! a malformed server address is refused before anything opens.

use std::ffi::OsStr;

use clap::builder::TypedValueParser;
use clap::error::ErrorKind;

use crate::store::StoreLocation;

#[derive(Clone, Copy)]
pub(super) struct StoreLocationParser;

impl TypedValueParser for StoreLocationParser {
    type Value = StoreLocation;

    fn parse_ref(
        &self,
        command: &clap::Command,
        _argument: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<StoreLocation, clap::Error> {
        StoreLocation::parse(value).map_err(|error| {
            clap::Error::raw(ErrorKind::ValueValidation, format!("--db: {error}\n"))
                .with_cmd(command)
        })
    }
}
