//! Results out of the terminal: the projection as CSV and charts as SVG, as plain text with no
//! terminal or UI involved (the explorer and the command line both call these).

pub mod projection_csv;
pub mod svg;

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Writes `text` to `dir/name` so that the file appears whole or not at all: a temporary file
/// `.NAME.PID.tmp` beside it, synced, then renamed (the temporary file is removed on failure).
pub fn write_atomically(dir: &Path, name: &str, text: &str) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(name);
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let write = || -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        std::fs::rename(&tmp, &path)
    };
    write().inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })?;
    Ok(path)
}
