//! Units used across memcycle. They are aliases rather than newtypes: the model does a lot of
//! arithmetic across them, and the names in every public signature say what a number means.

/// A calendar year, e.g. 2025.
pub type Year = i32;

/// Position of `year` in a yearly series that starts at `first`: the one place a year becomes
/// an index. Years before `first` are a bug in the caller.
pub fn year_index(first: Year, year: Year) -> usize {
    debug_assert!(year >= first, "year {year} before the series start {first}");
    usize::try_from(year - first).unwrap_or(0)
}
/// A duration in years (replacement cycles, half-lives).
pub type Years = f64;
/// A count of devices in millions of units.
pub type MillionUnits = f64;
/// Memory content in gigabytes (10^9 bytes).
pub type Gigabytes = f64;
/// A quantity of memory bits in exabytes (10^18 bytes).
pub type Exabytes = f64;
/// A rate of change in percent per year (1.5 means +1.5 % a year).
pub type PercentPerYear = f64;

/// Exabytes demanded by `units` million devices holding `gb` gigabytes each.
///
/// 10^6 units x 10^9 bytes = 10^15 bytes, so divide by 1000 to get exabytes.
pub fn exabytes(units: MillionUnits, gb: Gigabytes) -> Exabytes {
    units * gb / 1000.0
}

/// Converts a percent-per-year rate into a growth factor (1.5 -> 1.015).
pub fn growth_factor(rate: PercentPerYear) -> f64 {
    1.0 + rate / 100.0
}
