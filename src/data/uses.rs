//! Which figures cite which source: for `memcycle sources` and for resolving a source id
//! wherever the program names one.

use super::dataset::{Dataset, Figure, SegmentBody, Series};
use std::collections::BTreeMap;

/// For every source id, the figures that cite it, as `series (years)` or `figure`, in data
/// order.
pub fn source_uses(d: &Dataset) -> BTreeMap<String, Vec<String>> {
    let mut uses: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut add = |source: &str, name: String| {
        uses.entry(source.to_owned()).or_default().push(name);
    };
    for (name, s) in named_series(d) {
        // One entry per source of the series, with the years it gives.
        let mut by_source: Vec<(&str, Vec<i32>)> = Vec::new();
        for p in &s.points {
            match by_source.iter_mut().find(|(id, _)| *id == p.source) {
                Some((_, years)) => years.push(p.year),
                None => by_source.push((&p.source, vec![p.year])),
            }
        }
        for (id, years) in by_source {
            add(id, format!("{name} ({})", year_list(&years)));
        }
    }
    for e in d.market.iter().flat_map(|m| &m.events) {
        add(&e.source, format!("event {} {}", e.date, e.company));
    }
    for (name, f) in named_figures(d) {
        add(&f.source, name);
    }
    if let Some(m) = &d.market {
        for (id, mm) in [("dram", &m.dram), ("nand", &m.nand)] {
            for q in &mm.quarters {
                for (name, point) in q.figures() {
                    if let Some(p) = point {
                        add(
                            &p.source,
                            format!("market.{id}.quarter {}Q{} {name}", q.year, q.quarter),
                        );
                    }
                }
            }
        }
    }
    for (id, r) in &d.ranges {
        if let Some(src) = &r.source {
            add(src, format!("params.{id}"));
        }
    }
    uses
}

/// Every series of the data set with its name: each segment's, then each memory's market.
fn named_series(d: &Dataset) -> Vec<(String, &Series)> {
    let mut out: Vec<(String, &Series)> = Vec::new();
    for seg in &d.segments {
        let id = &seg.id;
        match &seg.body {
            SegmentBody::Devices(dv) => {
                out.push((format!("{id}.shipments"), &dv.shipments));
                out.push((format!("{id}.replacement_cycle"), &dv.replacement_cycle));
                if let Some(c) = &dv.replacement_cycle_change {
                    out.push((format!("{id}.replacement_cycle_change"), c));
                }
                out.push((format!("{id}.dram_gb"), &dv.dram_gb));
                if let Some(h) = &dv.hbm_gb {
                    out.push((format!("{id}.hbm_gb"), h));
                }
                out.push((format!("{id}.nand_gb"), &dv.nand_gb));
            }
            SegmentBody::Residual(r) => {
                out.push((format!("{id}.dram_eb"), &r.dram_eb));
                out.push((format!("{id}.nand_eb"), &r.nand_eb));
            }
        }
    }
    if let Some(m) = &d.market {
        for (id, mm) in [("dram", &m.dram), ("nand", &m.nand)] {
            out.push((format!("market.{id}.bits"), &mm.bits));
            out.push((format!("market.{id}.revenue"), &mm.revenue));
            out.push((format!("market.{id}.sufficiency"), &mm.sufficiency));
            out.push((format!("market.{id}.inventory_weeks"), &mm.inventory_weeks));
        }
    }
    out
}

/// Every single figure of the data set with its name: each segment's, each memory's market
/// figures, then the market's own.
fn named_figures(d: &Dataset) -> Vec<(String, &Figure)> {
    let mut figures: Vec<(String, &Figure)> = Vec::new();
    for seg in &d.segments {
        let id = &seg.id;
        figures.push((
            format!("{id}.long_run_dram_growth"),
            &seg.long_run_dram_growth,
        ));
        figures.push((
            format!("{id}.long_run_nand_growth"),
            &seg.long_run_nand_growth,
        ));
        if let SegmentBody::Devices(dv) = &seg.body {
            figures.push((format!("{id}.weibull_shape"), &dv.weibull_shape));
            figures.push((
                format!("{id}.initial_installed_base"),
                &dv.initial_installed_base,
            ));
            figures.push((format!("{id}.long_run_growth"), &dv.long_run_growth));
            if let Some(f) = &dv.unit_price_elasticity {
                figures.push((format!("{id}.unit_price_elasticity"), f));
            }
            if let Some(f) = &dv.content_price_elasticity {
                figures.push((format!("{id}.content_price_elasticity"), f));
            }
        }
    }
    if let Some(m) = &d.market {
        for (id, mm) in [("dram", &m.dram), ("nand", &m.nand)] {
            for (field, f) in [
                ("target_inventory_weeks", &mm.target_inventory_weeks),
                ("price_elasticity", &mm.price_elasticity),
                ("capacity_response", &mm.capacity_response),
                ("utilisation_response", &mm.utilisation_response),
            ] {
                figures.push((format!("market.{id}.{field}"), f));
            }
        }
        for (name, f) in [
            ("market.hbm_trade_ratio", &m.hbm_trade_ratio),
            ("market.capacity_delay", &m.capacity_delay),
            ("market.max_price_vs_trend", &m.max_price_vs_trend),
            ("market.price_adjustment_time", &m.price_adjustment_time),
        ] {
            figures.push((name.to_owned(), f));
        }
    }
    figures
}

/// `2010-2013, 2016` from a sorted list of years.
fn year_list(years: &[i32]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < years.len() {
        let mut j = i;
        while j + 1 < years.len() && years[j + 1] == years[j] + 1 {
            j += 1;
        }
        out.push(if j > i {
            format!("{}-{}", years[i], years[j])
        } else {
            years[i].to_string()
        });
        i = j + 1;
    }
    out.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_collapse_into_runs() {
        assert_eq!(
            year_list(&[2010, 2011, 2012, 2015, 2017, 2018]),
            "2010-2012, 2015, 2017-2018"
        );
        assert_eq!(year_list(&[]), "");
    }

    #[test]
    fn every_cited_source_is_listed_and_every_listed_source_cited() {
        let d = crate::data::builtin().expect("built-in data");
        let uses = source_uses(&d);
        for id in uses.keys() {
            assert!(d.sources.contains_key(id), "cited but not listed: {id}");
        }
        let unused: Vec<&String> = d
            .sources
            .keys()
            .filter(|id| !uses.contains_key(*id))
            .collect();
        assert!(
            unused.len() < d.sources.len() / 5,
            "{} unused: {unused:?}",
            unused.len()
        );
        assert!(
            uses["sa_replace_2021"]
                .iter()
                .any(|u| u == "smartphone.replacement_cycle (2020)")
        );
    }
}
