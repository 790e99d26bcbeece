//! Checks of `supply.toml`: the memory market tables and events.

use super::checker::{Bound, Checker};
use super::unit;
use crate::data::dataset::{Event, Market, MemoryMarket, Point, Quarter};
use crate::data::schema::{FigureEntry, MemoryEntry, QuarterEntry, SupplyFile};
use crate::data::text::sanitize;
use toml::Spanned;

impl Checker<'_> {
    fn memory(&mut self, name: &str, entry: &Spanned<MemoryEntry>) -> MemoryMarket {
        let e = entry.get_ref();
        let at = |field: &str| format!("market.{name}.{field}");
        MemoryMarket {
            label: sanitize(e.label.get_ref()),
            bits: self.series(&at("bits"), &e.bits, unit::EB, Bound::Positive),
            revenue: self.series(
                &at("revenue"),
                &e.revenue,
                unit::USD_BILLION,
                Bound::Positive,
            ),
            sufficiency: self.series(
                &at("sufficiency"),
                &e.sufficiency,
                unit::PERCENT,
                Bound::Finite,
            ),
            inventory_weeks: self.series(
                &at("inventory_weeks"),
                &e.inventory_weeks,
                unit::WEEKS,
                Bound::Positive,
            ),
            target_inventory_weeks: self.scalar(
                &at("target_inventory_weeks"),
                &e.target_inventory_weeks,
                unit::WEEKS,
                Bound::Positive,
            ),
            price_elasticity: self.scalar(
                &at("price_elasticity"),
                &e.price_elasticity,
                unit::NONE,
                Bound::Positive,
            ),
            capacity_response: self.scalar(
                &at("capacity_response"),
                &e.capacity_response,
                unit::PERCENT_PER_DOUBLING,
                Bound::NonNegative,
            ),
            utilisation_response: self.scalar(
                &at("utilisation_response"),
                &e.utilisation_response,
                unit::NONE,
                Bound::NonNegative,
            ),
            quarters: self.quarters(&at("quarter"), &e.quarter),
        }
    }

    /// Checks the quarterly figures of a memory: `q = "YYYYQn"` in strictly increasing order,
    /// every figure within its bound and citing a known source.
    fn quarters(&mut self, what: &str, entries: &[Spanned<QuarterEntry>]) -> Vec<Quarter> {
        let mut out: Vec<Quarter> = Vec::with_capacity(entries.len());
        for entry in entries {
            let e = entry.get_ref();
            let Some((year, quarter)) = parse_quarter(e.q.get_ref()) else {
                self.err(
                    &e.q.span(),
                    format!(
                        "{what}: \"{}\" is not a quarter; expected q = \"YYYYQn\" (n from 1 to 4)",
                        e.q.get_ref()
                    ),
                );
                continue;
            };
            if let Some(last) = out.last()
                && (last.year, last.quarter) >= (year, quarter)
            {
                self.err(
                    &e.q.span(),
                    format!(
                        "{what} {}: out of order; expected quarters in time order after {}Q{}",
                        e.q.get_ref(),
                        last.year,
                        last.quarter
                    ),
                );
                continue;
            }
            let at = format!("{what} {}", e.q.get_ref());
            let mut figure = |name: &str, f: &Option<Spanned<FigureEntry>>, u: &str, b: Bound| {
                f.as_ref()
                    .map(|f| self.quarter_figure(&format!("{at} {name}"), f, year, u, b))
            };
            out.push(Quarter {
                year,
                quarter,
                revenue: figure("revenue", &e.revenue, unit::USD_BILLION, Bound::Positive),
                revenue_change: figure(
                    "revenue_change",
                    &e.revenue_change,
                    unit::PERCENT,
                    Bound::Finite,
                ),
                price_change: figure(
                    "price_change",
                    &e.price_change,
                    unit::PERCENT,
                    Bound::Finite,
                ),
                bits_change: figure("bits_change", &e.bits_change, unit::PERCENT, Bound::Finite),
                inventory_weeks: figure(
                    "inventory_weeks",
                    &e.inventory_weeks,
                    unit::WEEKS,
                    Bound::Positive,
                ),
                note: e.note.as_deref().map(sanitize),
            });
        }
        out
    }

    /// One quarterly figure: within its bound, a change above -100%, citing a known source.
    fn quarter_figure(
        &mut self,
        what: &str,
        figure: &Spanned<FigureEntry>,
        year: i32,
        expected_unit: &str,
        bound: Bound,
    ) -> Point {
        let f = figure.get_ref();
        let below_minus_100 = expected_unit == unit::PERCENT && f.value <= -100.0;
        if let Err(expected) = bound.check(f.value, expected_unit) {
            self.err(
                &figure.span(),
                format!("{what}: value {} is invalid; expected {expected}", f.value),
            );
        } else if below_minus_100 {
            self.err(
                &figure.span(),
                format!(
                    "{what}: value {} is invalid; expected a change above -100%",
                    f.value
                ),
            );
        }
        let spanned = f
            .source
            .as_ref()
            .map(|s| Spanned::new(figure.span(), s.clone()));
        let source = self.source(what, spanned.as_ref(), &figure.span());
        Point {
            year,
            value: f.value,
            source,
            estimate: f.estimate,
        }
    }

    /// Checks the `[market]` tables and `[[event]]` list.
    pub(super) fn market(&mut self, file: &SupplyFile) -> Option<Market> {
        let m = file.market.get_ref();
        let market = Market {
            dram: self.memory("dram", &m.dram),
            nand: self.memory("nand", &m.nand),
            hbm_trade_ratio: self.scalar(
                "market.hbm_trade_ratio",
                &m.hbm_trade_ratio,
                unit::NONE,
                Bound::Positive,
            ),
            price_adjustment_time: self.scalar(
                "market.price_adjustment_time",
                &m.price_adjustment_time,
                unit::YEARS,
                Bound::NonNegative,
            ),
            max_price_vs_trend: self.scalar(
                "market.max_price_vs_trend",
                &m.max_price_vs_trend,
                unit::NONE,
                Bound::Positive,
            ),
            capacity_delay: self.scalar(
                "market.capacity_delay",
                &m.capacity_delay,
                unit::YEARS,
                Bound::NonNegative,
            ),
            events: file
                .event
                .iter()
                .map(|e| {
                    if !matches!(e.memory.get_ref().as_str(), "dram" | "nand" | "both") {
                        self.err(
                            &e.memory.span(),
                            format!(
                                "event memory \"{}\"; expected \"dram\", \"nand\" or \"both\"",
                                e.memory.get_ref()
                            ),
                        );
                    }
                    let source = self.source("event", Some(&e.source), &e.source.span());
                    Event {
                        date: sanitize(e.date.get_ref()),
                        memory: e.memory.get_ref().clone(),
                        company: sanitize(&e.company),
                        what: sanitize(&e.what),
                        source,
                    }
                })
                .collect(),
        };
        Some(market)
    }
}

/// `"2025Q4"` as (2025, 4).
fn parse_quarter(s: &str) -> Option<(i32, u8)> {
    let (year, quarter) = s.trim().split_once(['Q', 'q'])?;
    let year = super::parse_year(year)?;
    let quarter: u8 = quarter.parse().ok()?;
    (1..=4).contains(&quarter).then_some((year, quarter))
}
