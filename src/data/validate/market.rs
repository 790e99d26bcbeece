//! Checks of `supply.toml`: the memory market tables and events.

use super::super::dataset::{Event, Market, MemoryMarket};
use super::super::schema::{MemoryEntry, SupplyFile};
use super::super::text::sanitize;
use super::checker::{Bound, Checker};
use super::unit;
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
