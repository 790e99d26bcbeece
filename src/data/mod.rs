//! Data sets: the schema of the TOML files, loading (built in or from a directory) and
//! validation with `file:line:column` problems.

mod dataset;
mod problem;
mod schema;
mod text;
mod uses;
mod validate;

pub use dataset::{
    Dataset, DeviceSegment, Event, Figure, IndustryTotals, Market, MemoryMarket, Origin,
    ParamRange, Point, Quarter, ResidualSegment, Segment, SegmentBody, Series, Source,
};
pub use problem::{Locator, Problem, Problems};
pub use text::{MAX_FILE_BYTES, TextError, decode_text, read_text, sanitize, sanitize_lines};
pub use uses::source_uses;
pub use validate::{closest, unit};

use std::path::Path;

/// Name of the device file inside a data directory.
pub const DEVICES_FILE: &str = "devices.toml";
/// Name of the (optional) market file inside a data directory.
pub const SUPPLY_FILE: &str = "supply.toml";

/// The built-in data set's files, embedded at compile time.
pub const BUILTIN_DEVICES: &str = include_str!("../../data/devices.toml");
/// The built-in market file.
pub const BUILTIN_SUPPLY: &str = include_str!("../../data/supply.toml");

/// A data file's name (as reported in problems) and text.
pub type NamedText<'a> = (&'a str, &'a str);

/// Parses TOML text into `T`, a syntax or shape error located in the file.
pub fn parse_toml<'de, T: serde::Deserialize<'de>>(
    loc: &Locator<'_>,
    text: &'de str,
) -> Result<T, Problem> {
    toml::from_str::<T>(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        loc.at(&span, toml_message(e.message()))
    })
}

/// Parses and validates a data set: `devices.toml` and, optionally, `supply.toml`. Both files
/// are always read, so problems in each are reported together.
pub fn parse_dataset(
    devices: NamedText<'_>,
    supply: Option<NamedText<'_>>,
) -> Result<Dataset, Problems> {
    let dloc = Locator::new(devices.0, devices.1);
    let sloc = supply.map(|(name, text)| Locator::new(name, text));
    let raw_devices = parse_toml::<schema::DevicesFile>(&dloc, devices.1);
    let raw_supply = match (&sloc, supply) {
        (Some(loc), Some((_, text))) => Some(parse_toml::<schema::SupplyFile>(loc, text)),
        _ => None,
    };
    match (raw_devices, raw_supply) {
        (Ok(d), None) => validate::validate((d, &dloc), None).map_err(Problems),
        (Ok(d), Some(Ok(s))) => {
            let loc = sloc.as_ref().unwrap_or(&dloc);
            validate::validate((d, &dloc), Some((&s, loc))).map_err(Problems)
        }
        (d, s) => Err(Problems(
            d.err().into_iter().chain(s.and_then(Result::err)).collect(),
        )),
    }
}

/// The built-in data set.
pub fn builtin() -> Result<Dataset, Problems> {
    parse_dataset(
        ("data/devices.toml", BUILTIN_DEVICES),
        Some(("data/supply.toml", BUILTIN_SUPPLY)),
    )
}

fn read(path: &Path) -> Result<String, Problem> {
    text::read_text(path).map_err(|e| {
        let (line, column) = e.location().unwrap_or((0, 0));
        Problem {
            file: path.display().to_string(),
            line,
            column,
            message: match e.location() {
                None => format!("{e}; expected a data directory holding {DEVICES_FILE} (and optionally {SUPPLY_FILE})"),
                Some(_) => e.to_string(),
            },
        }
    })
}

/// Loads the data set in directory `dir` (`devices.toml`, and `supply.toml` when present).
pub fn load_dir(dir: &Path) -> Result<Dataset, Problems> {
    let devices_path = dir.join(DEVICES_FILE);
    let supply_path = dir.join(SUPPLY_FILE);
    let devices = read(&devices_path).map_err(|p| Problems(vec![p]))?;
    // `symlink_metadata`: a dangling or looping link counts as present, so reading it reports it.
    let supply = if std::fs::symlink_metadata(&supply_path).is_ok() {
        Some(read(&supply_path).map_err(|p| Problems(vec![p]))?)
    } else {
        None
    };
    let (dname, sname) = (
        devices_path.display().to_string(),
        supply_path.display().to_string(),
    );
    parse_dataset(
        (&dname, &devices),
        supply.as_deref().map(|t| (sname.as_str(), t)),
    )
}

/// Loads `dir` when given, else the built-in data set.
pub fn load(dir: Option<&Path>) -> Result<Dataset, Problems> {
    match dir {
        Some(d) => load_dir(d),
        None => builtin(),
    }
}

/// The TOML parser's message, with serde's wording made plainer where it helps, and what was
/// expected added where the parser does not say (a duplicate key, a broken line).
pub fn toml_message(message: &str) -> String {
    let m = message
        .trim_end()
        .replace("invalid type: ", "wrong type: ")
        .replace("unknown field", "unknown key")
        .replace("missing field", "missing key")
        .replace("expected f64", "expected a number")
        .replace("expected i32", "expected a whole number")
        .replacen(", expected", "; expected", 1);
    if m.contains("expected") {
        m
    } else if m.contains("duplicate key") {
        format!("{m}; expected each key once in a table")
    } else {
        format!("{m}; expected TOML: `key = value` lines and `[table]` headers")
    }
}
