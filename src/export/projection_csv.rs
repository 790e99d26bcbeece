//! The projection as long-format CSV: what `memcycle project --format csv` prints and the
//! explorer's export writes beside its chart.

use crate::format::fixed3;
use crate::model::{Basis, Projection};

/// The CSV header, exactly as documented.
pub const CSV_HEADER: &str = "year,segment,period,shipments_m,replacement_m,growth_m,installed_base_m,dram_gb_per_unit,nand_gb_per_unit,dram_eb,nand_eb";

/// Long-format CSV: one row per segment and year (from the segment's first year), then a
/// `total` row per year (the sum of the segments: in history years the model's
/// reconstruction) and, in history years, an `industry` row with the data's observed totals
/// (empty where the data has none).
pub fn to_csv(p: &Projection) -> String {
    let mut out = String::with_capacity(64 * p.len() * (p.segments.len() + 1));
    out.push_str(CSV_HEADER);
    out.push('\n');
    for year in p.years() {
        let Some(i) = p.index(year) else { continue };
        let period = p.period(year).as_str();
        for s in p.segments.iter().filter(|s| s.covers(year)) {
            let units = |v: &[f64]| {
                if s.has_units {
                    fixed3(v[i])
                } else {
                    String::new()
                }
            };
            let cells = [
                year.to_string(),
                s.id.clone(),
                period.to_owned(),
                units(&s.shipments_m),
                units(&s.replacement_m),
                units(&s.growth_m),
                units(&s.installed_base_m),
                units(&s.dram_gb_per_unit),
                units(&s.nand_gb_per_unit),
                fixed3(s.dram_eb[i]),
                fixed3(s.nand_eb[i]),
            ];
            out.push_str(&cells.join(","));
            out.push('\n');
        }
        out.push_str(&format!(
            "{year},total,{period},,,,,,,{},{}\n",
            fixed3(p.total_dram_eb[i]),
            fixed3(p.total_nand_eb[i])
        ));
        if p.basis(i) != Basis::Projected {
            let seen = |o: &[Option<f64>]| o[i].map(fixed3).unwrap_or_default();
            out.push_str(&format!(
                "{year},industry,{period},,,,,,,{},{}\n",
                seen(&p.observed_dram_eb),
                seen(&p.observed_nand_eb)
            ));
        }
    }
    out
}
