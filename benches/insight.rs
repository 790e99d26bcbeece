//! The insight functions: a tornado (two projections per parameter) and 1,000 band draws, each
//! on one core, as the explorer runs them on every slider step (the tornado on the UI thread,
//! the bands on a worker).

use criterion::{Criterion, criterion_group, criterion_main};
use memcycle::insight::bands::Settings;
use memcycle::insight::{Output, bands, tornado};
use memcycle::setup::Setup;
use std::hint::black_box;

fn insight(c: &mut Criterion) {
    let setup = match Setup::load(None, None) {
        Ok(s) => s,
        Err(e) => panic!("built-in data: {e}"),
    };
    let params = setup.catalog.baseline().clone();
    let output =
        Output::parse("dram_growth", setup.base_year() + 2).unwrap_or_else(|| panic!("an output"));
    c.bench_function("tornado", |b| {
        b.iter(|| tornado(&setup, black_box(&params), output));
    });
    let mut group = c.benchmark_group("bands");
    group.sample_size(10);
    group.bench_function("bands_1000_draws", |b| {
        b.iter(|| bands(&setup, black_box(&params), Settings::default(), &|| false));
    });
    group.bench_function("bands_1000_draws_2_threads", |b| {
        let two = Settings {
            threads: 2,
            ..Settings::default()
        };
        b.iter(|| bands(&setup, black_box(&params), two, &|| false));
    });
    group.finish();
}

criterion_group!(benches, insight);
criterion_main!(benches);
