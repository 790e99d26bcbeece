//! Uncertainty bands off the UI thread: a worker computes them for the latest settings while
//! the explorer keeps drawing. A newer request cancels an older run (the run checks before
//! every draw), so the band that arrives is always for the last keystroke.

use crate::insight::Bands;
use crate::insight::band_widths::bands;
use crate::insight::bands::Settings;
use crate::model::Parameters;
use crate::setup::Setup;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

/// A request: the settings to draw around, numbered.
struct Job {
    generation: u64,
    setup: Setup,
    params: Parameters,
}

/// The worker thread and its channels.
pub struct BandsWorker {
    jobs: Sender<Job>,
    results: Receiver<(Parameters, Bands)>,
    latest: Arc<AtomicU64>,
    /// The parameters of the last request, while its result has not arrived.
    pending: Option<Parameters>,
    /// The parameters of the last request (pending or answered).
    requested: Option<Parameters>,
}

impl BandsWorker {
    /// Starts the worker thread (it sleeps until a request comes).
    pub fn start() -> Self {
        let (jobs, job_rx) = channel::<Job>();
        let (result_tx, results) = channel();
        let latest = Arc::new(AtomicU64::new(0));
        let seen = Arc::clone(&latest);
        std::thread::spawn(move || {
            while let Ok(mut job) = job_rx.recv() {
                // Only the newest request matters.
                while let Ok(newer) = job_rx.try_recv() {
                    job = newer;
                }
                let generation = job.generation;
                let cancelled = || seen.load(Ordering::Relaxed) != generation;
                // Both cores: the UI thread sleeps while the bands are drawn.
                let settings = Settings {
                    threads: std::thread::available_parallelism().map_or(1, usize::from),
                    ..Settings::default()
                };
                if let Some(b) = bands(&job.setup, &job.params, settings, &cancelled)
                    && result_tx.send((job.params, b)).is_err()
                {
                    return; // the explorer has gone
                }
            }
        });
        Self {
            jobs,
            results,
            latest,
            pending: None,
            requested: None,
        }
    }

    /// Asks for bands around `params` unless they were the last request.
    pub fn want(&mut self, setup: &Setup, params: &Parameters) {
        if self.requested.as_ref() == Some(params) {
            return;
        }
        let generation = self.latest.fetch_add(1, Ordering::Relaxed) + 1;
        let job = Job {
            generation,
            setup: setup.clone(),
            params: params.clone(),
        };
        if self.jobs.send(job).is_ok() {
            self.pending = Some(params.clone());
            self.requested = Some(params.clone());
        }
    }

    /// Forgets the last request, so the next `want` asks again (bands switched off and on, or
    /// a new base year with the same sliders).
    pub fn reset(&mut self) {
        self.latest.fetch_add(1, Ordering::Relaxed);
        self.pending = None;
        self.requested = None;
    }

    /// Whether a result is awaited.
    pub fn pending(&self) -> bool {
        self.pending.is_some()
    }

    /// A finished result, if one arrived (the newest when several did).
    pub fn try_result(&mut self) -> Option<(Parameters, Bands)> {
        let mut last = None;
        while let Ok(r) = self.results.try_recv() {
            last = Some(r);
        }
        if let Some((p, _)) = &last
            && self.pending.as_ref() == Some(p)
        {
            self.pending = None;
        }
        last
    }
}
