//! The short listings: `memcycle scenarios` (plain and verbose) and `memcycle check`.

use crate::scenario::Store;
use crate::setup::Setup;

/// `memcycle scenarios`: id and name, one per line, aligned.
pub fn scenarios_list(store: &Store) -> String {
    let entries = store.list();
    let width = entries.iter().map(|e| e.id.len()).max().unwrap_or(0);
    entries
        .iter()
        .map(|e| {
            format!(
                "{:<width$}  {}{}\n",
                e.id,
                e.name,
                if e.builtin { "" } else { "  (saved)" }
            )
        })
        .collect()
}

/// `memcycle scenarios --verbose`: every scenario with its description, sources and settings
/// (a saved scenario with problems says so).
pub fn scenarios_verbose(store: &Store, setup: &Setup) -> String {
    let mut out = String::new();
    for e in store.list() {
        out.push_str(&format!(
            "{} ({}){}\n",
            e.name,
            e.id,
            if e.builtin { "" } else { ", saved" }
        ));
        // A scenario with its own base year is checked against that year's catalog.
        let loaded = store.read(&e.id).and_then(|text| match text.base_year() {
            Some(y) if y != setup.base_year() => match Setup::new(setup.data.clone(), Some(y)) {
                Ok(at_year) => text.parse(&at_year.catalog),
                Err(_) => text.parse(&setup.catalog),
            },
            _ => text.parse(&setup.catalog),
        });
        match loaded {
            Ok(s) => {
                if !s.description.is_empty() {
                    out.push_str(&format!("  {}\n", s.description));
                }
                if let Some(y) = s.base_year {
                    out.push_str(&format!("  projects from {y}\n"));
                }
                for src in &s.sources {
                    out.push_str(&format!("  source: {src}\n"));
                }
                for o in &s.overrides {
                    out.push_str(&format!("  sets {} = {}\n", o.id, o.value));
                }
            }
            Err(err) => {
                for line in err.to_string().lines() {
                    out.push_str(&format!("  problem: {line}\n"));
                }
            }
        }
        out.push('\n');
    }
    crate::data::sanitize_lines(&out)
}

/// `ok` and a one-line summary of a valid data set.
pub fn check_summary(s: &Setup) -> String {
    let d = &s.data;
    let devices = d.segments.iter().filter(|s| s.devices().is_some()).count();
    let estimates: usize = d
        .segments
        .iter()
        .filter_map(|s| s.devices())
        .map(|dv| dv.shipments.points.iter().filter(|p| p.estimate).count())
        .sum();
    let c = s.engine.history().calibration;
    let calibration = if d.market.is_some() {
        format!(
            "calibration at {}: observed industry bits / device model = DRAM {:.3}, NAND {:.3} (every year's demand is multiplied by these)\n",
            s.base_year(),
            c.dram,
            c.nand
        )
    } else {
        String::new()
    };
    format!(
        "ok\n{}: {} segments ({} device, {} residual), history {}-{}{}, {} sources, {} parameters, {} estimated shipment figures\n{calibration}",
        d.title,
        d.segments.len(),
        devices,
        d.segments.len() - devices,
        d.first_year(),
        d.last_observed_year(),
        d.current_year
            .filter(|c| *c <= d.last_year_with_data())
            .map_or_else(String::new, |c| format!(
                " and estimates for {c} (the year in progress)"
            )),
        d.sources.len(),
        s.catalog.specs().len(),
        estimates
    )
}
