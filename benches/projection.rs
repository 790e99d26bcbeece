//! One full projection of the built-in data to the horizon.
//!
//! `engine_project` is what a slider step costs (history prepared once per base year), market
//! included; `engine_project_demand_only` leaves the market out; `project_from_scratch` also
//! runs the history (what a headless command or a new base year costs).

use criterion::{Criterion, criterion_group, criterion_main};
use memcycle::model::{Engine, project};
use memcycle::setup::Setup;
use std::hint::black_box;

fn projection(c: &mut Criterion) {
    let setup = match Setup::load(None, None) {
        Ok(s) => s,
        Err(e) => panic!("built-in data: {e}"),
    };
    let params = setup.catalog.baseline().clone();
    c.bench_function("engine_project", |b| {
        b.iter(|| setup.engine.project(black_box(&params)));
    });
    let mut demand_only = params.clone();
    demand_only.market = None;
    c.bench_function("engine_project_demand_only", |b| {
        b.iter(|| setup.engine.project(black_box(&demand_only)));
    });
    c.bench_function("project_from_scratch", |b| {
        b.iter(|| project(black_box(&setup.data), black_box(&params)));
    });
    c.bench_function("engine_new", |b| {
        b.iter(|| Engine::new(black_box(&setup.data), params.base_year));
    });
}

criterion_group!(benches, projection);
criterion_main!(benches);
