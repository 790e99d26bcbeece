//! Results out of the terminal: the projection as CSV and charts as SVG, as plain text with no
//! terminal or UI involved (the explorer and the command line both call these).

pub mod png;
pub mod projection_csv;
pub mod svg;

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Why an export (chart, projection, handout) was not written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// There is no place for exports (no data directory on this machine).
    #[error("no directory for exports (no data directory here)")]
    NoDirectory,
    /// A file could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The chart could not be drawn as PNG.
    #[error(transparent)]
    Png(#[from] png::PngError),
}

/// Removes the temporary files that a write interrupted by a crash or `kill -9` left in `dir`
/// (`.NAME.EXT.PID.tmp`, EXT one of `extensions`, whose process is gone); returns how many.
/// Without `/proc` (not Linux) nothing can be told about the writer, so nothing is removed.
pub fn remove_stale_temp_files(dir: &Path, extensions: &[&str]) -> usize {
    if !Path::new("/proc/self").exists() {
        return 0;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let pid = name
            .strip_prefix('.')
            .and_then(|n| n.strip_suffix(".tmp"))
            .and_then(|n| n.rsplit_once('.'))
            .filter(|(stem, _)| {
                extensions
                    .iter()
                    .any(|ext| stem.ends_with(&format!(".{ext}")))
            })
            .and_then(|(_, pid)| pid.parse::<u32>().ok());
        if let Some(pid) = pid
            && !Path::new("/proc").join(pid.to_string()).exists()
            && std::fs::remove_file(entry.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

/// Writes `text` to `dir/name` so that the file appears whole or not at all: a temporary file
/// `.NAME.PID.tmp` beside it, synced, then renamed (the temporary file is removed on failure).
/// A link at `dir/name` is followed, and an existing file keeps its permissions.
pub fn write_atomically(dir: &Path, name: &str, text: &str) -> std::io::Result<PathBuf> {
    write_bytes_atomically(dir, name, text.as_bytes())
}

/// [`write_atomically`] for bytes (a PNG).
pub fn write_bytes_atomically(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            // What create_dir_all says when a part of the path is a file: "File exists".
            std::io::Error::new(
                e.kind(),
                format!(
                    "{} is not a directory (a part of it is a file)",
                    dir.display()
                ),
            )
        } else {
            e
        }
    })?;
    let path = dir.join(name);
    // A link is followed: the file it points to is replaced and the link stays (it used to be
    // replaced by a plain file).
    let is_link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
    let path = if is_link {
        std::fs::canonicalize(&path).unwrap_or(path)
    } else {
        path
    };
    let target_dir = path.parent().unwrap_or(dir).to_path_buf();
    let tmp = target_dir.join(format!(".{name}.{}.tmp", std::process::id()));
    // An existing file keeps its permissions (a 0600 file stayed private only until rewritten).
    let permissions = std::fs::metadata(&path).ok().map(|m| m.permissions());
    let write = || -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        if let Some(p) = &permissions {
            std::fs::set_permissions(&tmp, p.clone())?;
        }
        std::fs::rename(&tmp, &path)
    };
    write().inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })?;
    Ok(path)
}
