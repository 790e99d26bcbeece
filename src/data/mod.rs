//! Data sets: the schema of the TOML files, loading (built in or from a directory) and
//! validation with `file:line:column` problems.

mod dataset;
mod problem;
mod schema;
mod text;
mod validate;

pub use dataset::{
    Dataset, DeviceSegment, Figure, IndustryTotals, Origin, ParamRange, Point, ResidualSegment,
    Segment, SegmentBody, Series, Source,
};
pub use problem::{Locator, Problem, Problems};
pub use text::sanitize;
pub use validate::{closest, unit};

use std::path::Path;

/// Name of the device file inside a data directory.
pub const DEVICES_FILE: &str = "devices.toml";

/// The built-in data set's files, embedded at compile time.
pub const BUILTIN_DEVICES: &str = include_str!("../../data/devices.toml");

/// Parses and validates the text of a `devices.toml`, reported as `file` in problems.
pub fn parse_devices(file: &str, text: &str) -> Result<Dataset, Problems> {
    let loc = Locator::new(file, text);
    let raw = toml::from_str::<schema::DevicesFile>(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        Problems(vec![loc.at(&span, toml_message(e.message()))])
    })?;
    validate::validate(raw, &loc).map_err(Problems)
}

/// The built-in data set.
pub fn builtin() -> Result<Dataset, Problems> {
    parse_devices("data/devices.toml", BUILTIN_DEVICES)
}

/// Loads the data set in directory `dir`.
pub fn load_dir(dir: &Path) -> Result<Dataset, Problems> {
    let path = dir.join(DEVICES_FILE);
    let name = path.display().to_string();
    let text = std::fs::read_to_string(&path).map_err(|e| {
        Problems(vec![Problem {
            file: name.clone(),
            line: 0,
            column: 0,
            message: format!(
                "cannot read the file: {e}; expected a data directory holding {DEVICES_FILE}"
            ),
        }])
    })?;
    parse_devices(&name, &text)
}

/// Loads `dir` when given, else the built-in data set.
pub fn load(dir: Option<&Path>) -> Result<Dataset, Problems> {
    match dir {
        Some(d) => load_dir(d),
        None => builtin(),
    }
}

/// The parser's message, with serde's wording made plainer where it helps.
fn toml_message(message: &str) -> String {
    let m = message
        .trim_end()
        .replace("invalid type: ", "wrong type: ")
        .replace("unknown field", "unknown key")
        .replace("missing field", "missing key")
        .replace("expected f64", "expected a number")
        .replace("expected i32", "expected a whole number");
    m.replacen(", expected", "; expected", 1)
}
