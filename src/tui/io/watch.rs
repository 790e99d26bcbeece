//! `--data DIR --watch`: notices when the data files change on disk. It compares each file's
//! modification time and length a few times a second (editors that replace a file rather than
//! write it are noticed too), with no extra dependency and no thread.

use crate::data::{DEVICES_FILE, SUPPLY_FILE};
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

/// How often the files are looked at while the explorer waits for input.
pub const INTERVAL: Duration = Duration::from_millis(250);

/// Modification time, length and permission bits: `chmod 000` then `chmod 644` changes
/// neither the time nor the length, but does change whether the file can be read.
type Stamp = Option<(SystemTime, u64, u32)>;

/// The watched data directory and what its files looked like last time.
#[derive(Debug)]
pub struct DataWatch {
    /// The data directory.
    pub dir: PathBuf,
    stamps: Vec<Stamp>,
}

impl DataWatch {
    /// Starts watching `dir`'s data files.
    pub fn new(dir: PathBuf) -> Self {
        let mut w = Self {
            dir,
            stamps: Vec::new(),
        };
        w.stamps = w.read();
        w
    }

    fn read(&self) -> Vec<Stamp> {
        [DEVICES_FILE, SUPPLY_FILE]
            .iter()
            .map(|f| {
                let m = std::fs::metadata(self.dir.join(f)).ok()?;
                Some((m.modified().ok()?, m.len(), permission_bits(&m)))
            })
            .collect()
    }

    /// Whether a file changed (appeared, went or was written) since the last call.
    pub fn changed(&mut self) -> bool {
        let now = self.read();
        let changed = now != self.stamps;
        self.stamps = now;
        changed
    }
}

/// The file's permission bits (0 where the platform has none to tell).
#[cfg(unix)]
fn permission_bits(m: &std::fs::Metadata) -> u32 {
    std::os::unix::fs::PermissionsExt::mode(&m.permissions())
}

/// The file's permission bits (0 where the platform has none to tell).
#[cfg(not(unix))]
fn permission_bits(m: &std::fs::Metadata) -> u32 {
    u32::from(m.permissions().readonly())
}
