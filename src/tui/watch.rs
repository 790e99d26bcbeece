//! `--data DIR --watch`: notices when the data files change on disk. It compares each file's
//! modification time and length a few times a second (editors that replace a file rather than
//! write it are noticed too), with no extra dependency and no thread.

use crate::data::{DEVICES_FILE, SUPPLY_FILE};
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

/// How often the files are looked at while the explorer waits for input.
pub const INTERVAL: Duration = Duration::from_millis(250);

type Stamp = Option<(SystemTime, u64)>;

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
                Some((m.modified().ok()?, m.len()))
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
