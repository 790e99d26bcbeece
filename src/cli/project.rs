//! `memcycle project`: the projection as CSV, JSON or an aligned table.

use super::table::TextTable;
use crate::format::Align;
use crate::format::{fixed, json_number, yoy};
use crate::model::Memory;
use crate::model::{Projection, SegmentProjection};
use serde_json::{Value, json};

pub use crate::export::projection_csv::{CSV_HEADER, to_csv};

/// JSON: segments with their yearly rows, and totals.
pub fn to_json(p: &Projection) -> String {
    let segment = |s: &SegmentProjection| -> Value {
        let rows: Vec<Value> = p
            .years()
            .filter(|y| s.covers(*y))
            .filter_map(|y| p.index(y).map(|i| (y, i)))
            .map(|(year, i)| {
                let mut row = json!({
                    "year": year,
                    "period": p.period(year).as_str(),
                    "dram_eb": json_number(s.dram_eb[i]),
                    "hbm_eb": json_number(s.hbm_eb[i]),
                    "nand_eb": json_number(s.nand_eb[i]),
                });
                if s.has_units {
                    let extra = json!({
                        "shipments_m": json_number(s.shipments_m[i]),
                        "replacement_m": json_number(s.replacement_m[i]),
                        "growth_m": json_number(s.growth_m[i]),
                        "installed_base_m": json_number(s.installed_base_m[i]),
                        "dram_gb_per_unit": json_number(s.dram_gb_per_unit[i]),
                        "hbm_gb_per_unit": json_number(s.hbm_gb_per_unit[i]),
                        "nand_gb_per_unit": json_number(s.nand_gb_per_unit[i]),
                    });
                    if let (Some(r), Some(e)) = (row.as_object_mut(), extra.as_object()) {
                        r.extend(e.clone());
                    }
                }
                row
            })
            .collect();
        json!({ "id": s.id, "label": s.label, "has_units": s.has_units, "rows": rows })
    };
    let totals: Vec<Value> = p
        .years()
        .filter_map(|y| p.index(y).map(|i| (y, i)))
        .map(|(year, i)| {
            json!({
                "year": year,
                "period": p.period(year).as_str(),
                "dram_eb": json_number(p.total_dram_eb[i]),
                "hbm_eb": json_number(p.total_hbm_eb[i]),
                "nand_eb": json_number(p.total_nand_eb[i]),
                "dram_observed_eb": p.observed_dram_eb[i].map(json_number),
                "nand_observed_eb": p.observed_nand_eb[i].map(json_number),
            })
        })
        .collect();
    let doc = json!({
        "first_year": p.first_year,
        "base_year": p.base_year,
        "horizon": p.horizon,
        "segments": p.segments.iter().map(segment).collect::<Vec<_>>(),
        "total": totals,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

/// An aligned table, one row per year: total DRAM and NAND demand with year-on-year change,
/// and shipments of every device segment.
pub fn to_table(p: &Projection) -> String {
    let devices: Vec<&SegmentProjection> = p
        .segments
        .iter()
        .filter(|s| s.has_units && s.start_year.is_some())
        .collect();
    let mut header = vec![
        ("year".to_owned(), Align::Right),
        // obs, est, model or proj (the title says what each means).
        ("kind".to_owned(), Align::Left),
        ("DRAM EB".to_owned(), Align::Right),
        ("YoY %".to_owned(), Align::Right),
        ("NAND EB".to_owned(), Align::Right),
        ("YoY %".to_owned(), Align::Right),
    ];
    header.extend(
        devices
            .iter()
            .map(|s| (format!("{} M", s.label), Align::Right)),
    );
    let mut t = TextTable::new(header);
    for year in p.years() {
        let Some(i) = p.index(year) else { continue };
        let prev = i.checked_sub(1);
        let mut cells = vec![
            year.to_string(),
            p.basis(i).label().into(),
            fixed(p.reported_eb(Memory::Dram, i), 2),
            yoy(
                prev.map(|j| p.reported_eb(Memory::Dram, j)),
                p.reported_eb(Memory::Dram, i),
            ),
            fixed(p.reported_eb(Memory::Nand, i), 1),
            yoy(
                prev.map(|j| p.reported_eb(Memory::Nand, j)),
                p.reported_eb(Memory::Nand, i),
            ),
        ];
        cells.extend(devices.iter().map(|s| {
            if s.covers(year) {
                fixed(s.shipments_m[i], 1)
            } else {
                String::new()
            }
        }));
        t.row(cells);
    }
    format!(
        "Memory demand, {} and projection to {} (EB = exabytes, M = million units; obs = industry figures from the data, est = estimates of the year in progress, model = the model's reconstruction, proj = projection)\n\n{}",
        p.history_label(),
        p.horizon,
        t.render()
    )
}

/// `memcycle project`'s result: the projection.
pub fn report(p: &Projection) -> super::report::Formats<'_, Projection> {
    super::report::Formats::new(p, to_table, to_csv, to_json)
}
