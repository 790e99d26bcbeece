//! Turns the raw schema into a [`Dataset`], collecting every problem with its location.

mod checker;
mod market;
mod segments;

use super::dataset::{Dataset, IndustryTotals};
use super::problem::{Locator, Problem};
use super::schema::{DevicesFile, SupplyFile};
use super::text::sanitize;
use crate::units::Year;
use checker::Checker;
use std::collections::{BTreeMap, BTreeSet};

/// Years a figure may be for.
pub const YEARS: std::ops::RangeInclusive<Year> = 1990..=2100;

/// Unit strings the schema expects, one per kind of quantity.
pub mod unit {
    /// Device counts.
    pub const MILLION_UNITS: &str = "million units";
    /// Durations.
    pub const YEARS: &str = "years";
    /// Change of a duration per year.
    pub const YEARS_PER_YEAR: &str = "years per year";
    /// Memory per unit.
    pub const GB: &str = "GB";
    /// Bit totals.
    pub const EB: &str = "EB";
    /// Dimensionless.
    pub const NONE: &str = "1";
    /// Rates.
    pub const PERCENT_PER_YEAR: &str = "% per year";
    /// Shares and ratios.
    pub const PERCENT: &str = "%";
    /// Money.
    pub const USD_BILLION: &str = "USD billion";
    /// Inventory cover.
    pub const WEEKS: &str = "weeks";
    /// Response of capacity growth to price.
    pub const PERCENT_PER_DOUBLING: &str = "% per doubling";

    /// The largest magnitude a figure in `unit` may have. Far beyond any real market (a
    /// smartphone market of ten billion million units, a growth of 1,000 % a year), yet small
    /// enough that a 50-year projection stays finite: absurd finite data (`1e308`) used to print
    /// NaN and inf in tables.
    pub fn physical_limit(unit: &str) -> f64 {
        match unit {
            YEARS | YEARS_PER_YEAR => 100.0,
            WEEKS => 520.0,
            PERCENT_PER_YEAR | PERCENT | PERCENT_PER_DOUBLING | NONE => 1_000.0,
            _ => 1.0e7,
        }
    }
}

/// Validates a parsed `devices.toml` and, when the data set has one, `supply.toml`.
pub fn validate(
    devices: (DevicesFile, &Locator<'_>),
    supply: Option<(&SupplyFile, &Locator<'_>)>,
) -> Result<Dataset, Vec<Problem>> {
    let (file, loc) = devices;
    let source_ids: BTreeSet<String> = file
        .sources
        .keys()
        .chain(supply.iter().flat_map(|(s, _)| s.sources.keys()))
        .map(|k| k.get_ref().clone())
        .collect();
    let mut sources = BTreeMap::new();
    let mut c = Checker::new(loc, &source_ids);
    c.sources_table(&file.sources, &mut sources);
    let mut seen = BTreeSet::new();
    let segments = file
        .segment
        .iter()
        .filter_map(|s| c.segment(s, &mut seen))
        .collect();
    if file.segment.is_empty() {
        c.problems.push(
            loc.whole_file("no segments; expected at least one [[segment]] of kind \"devices\""),
        );
    }
    let mut ranges: BTreeMap<String, _> = file
        .params
        .iter()
        .map(|(id, r)| (id.get_ref().clone(), c.range(id.get_ref(), r)))
        .collect();
    let current_year = file.dataset.current_year.as_ref().and_then(|y| {
        let year = i32::try_from(*y.get_ref()).ok().filter(|y| YEARS.contains(y));
        if year.is_none() {
            c.err(
                &y.span(),
                format!(
                    "current_year = {} is not a year; expected the year in progress, between {} and {}",
                    y.get_ref(),
                    YEARS.start(),
                    YEARS.end()
                ),
            );
        }
        year
    });
    let mut problems = std::mem::take(&mut c.problems);
    problems.sort_by_key(|p| (p.line, p.column));

    let market = supply.and_then(|(supply, sloc)| {
        let (market, more) = check_supply(supply, sloc, &source_ids, &mut sources, &mut ranges);
        problems.extend(more);
        market
    });
    if !problems.is_empty() {
        return Err(problems);
    }
    let industry =
        market
            .as_ref()
            .map_or_else(IndustryTotals::default, |m: &super::dataset::Market| {
                IndustryTotals {
                    dram_eb: Some(m.dram.bits.clone()),
                    nand_eb: Some(m.nand.bits.clone()),
                }
            });
    Ok(Dataset {
        title: sanitize(&file.dataset.title),
        note: file.dataset.note.as_deref().map(sanitize),
        sources,
        segments,
        industry,
        market,
        ranges,
        current_year,
    })
}

/// Checks `supply.toml`: its sources (added to `sources`), its market and its parameter ranges
/// (added to `ranges`; a parameter with a range in both files is a problem). Returns the market
/// and the problems, in file order.
fn check_supply(
    supply: &SupplyFile,
    sloc: &Locator<'_>,
    source_ids: &BTreeSet<String>,
    sources: &mut BTreeMap<String, super::dataset::Source>,
    ranges: &mut BTreeMap<String, super::dataset::ParamRange>,
) -> (Option<super::dataset::Market>, Vec<Problem>) {
    let mut m = Checker::new(sloc, source_ids);
    m.sources_table(&supply.sources, sources);
    let market = m.market(supply);
    for (id, r) in &supply.params {
        if ranges.contains_key(id.get_ref()) {
            m.err(
                &id.span(),
                format!(
                    "parameter \"{}\" has a range in both data files; expected one",
                    id.get_ref()
                ),
            );
        }
        ranges.insert(id.get_ref().clone(), m.range(id.get_ref(), r));
    }
    let mut problems = std::mem::take(&mut m.problems);
    problems.sort_by_key(|p| (p.line, p.column));
    (market, problems)
}

pub(super) fn parse_year(s: &str) -> Option<Year> {
    let y: Year = s.trim().parse().ok()?;
    YEARS.contains(&y).then_some(y)
}

pub(super) fn is_id(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

pub(super) fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.chars().all(|c| c.is_ascii_digit());
    let month = |m: &str| digits(m, 2) && m.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m));
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && month(m),
        // A real calendar day: "2015-20" and "2023-02-30" are refused.
        [y, m, d] => {
            digits(y, 4)
                && month(m)
                && digits(d, 2)
                && chrono::NaiveDate::from_ymd_opt(
                    y.parse().unwrap_or(0),
                    m.parse().unwrap_or(0),
                    d.parse().unwrap_or(0),
                )
                .is_some()
        }
        _ => false,
    }
}

/// "; did you mean \"x\"?" for the known name closest to `name`, or an empty string.
pub fn closest<'a>(name: &str, known: impl Iterator<Item = &'a str>) -> String {
    let best = known
        .map(|k| (strsim::damerau_levenshtein(name, k), k))
        .min_by_key(|(d, _)| *d);
    match best {
        Some((d, k)) if d <= name.len().max(3) / 2 => format!("; did you mean \"{k}\"?"),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_ids() {
        assert!(is_date("2024") && is_date("2024-02") && is_date("2024-02-05"));
        assert!(!is_date("2024/02") && !is_date("24-02") && !is_date(""));
        assert!(!is_date("2015-20") && !is_date("2023-02-30") && !is_date("2024-00"));
        assert!(is_date("2024-02-29"));
        assert!(is_id("ai_server") && is_id("pc2"));
        assert!(!is_id("AI") && !is_id("2pc") && !is_id("a-b") && !is_id(""));
    }

    #[test]
    fn closest_suggests_near_names_only() {
        let known = ["smartphone", "pc", "tablet"];
        assert_eq!(
            closest("smartfone", known.iter().copied()),
            "; did you mean \"smartphone\"?"
        );
        assert_eq!(closest("zzzzzzzz", known.iter().copied()), "");
    }
}
