//! The market charts: supply vs demand with the sufficiency ratio (5), price index with
//! revenue (6), each with the regime of every year as a strip along the bottom.

use crate::chart::input::ChartInput;
use crate::chart::kind::ChartKind;
use crate::chart::spec::{
    ChartSpec, Role, Series, aligned, band, every_year, observed, observed_by, with_band,
};
use crate::data::{MemoryMarket, Series as DataSeries};
use crate::insight::Quantity;
use crate::model::Memory;
use crate::model::{MemoryProjection, Projection};

/// Observed price index: revenue / bits, base year = 100, after the base year (what happened in
/// backtest mode, else the published estimates of the year in progress).
fn observed_price(input: &ChartInput, m: &MemoryMarket) -> Option<Vec<Option<f64>>> {
    let per_gb = |y| Some(m.revenue.get(y)? / m.bits.get(y).filter(|b| *b > 0.0)?);
    let base = per_gb(input.projection.base_year)?;
    observed_by(input, |y| per_gb(y).map(|v| v / base * 100.0))
}

/// The two panes of chart 5 or 6 for the memory in focus (top pane first).
pub fn market_specs(input: &ChartInput, p: &Projection) -> Vec<ChartSpec> {
    let b = input.baseline;
    let memory = input.market_memory;
    let (Some(pm), Some(bm), Some(data)) = (&p.market, &b.market, &input.data.market) else {
        return vec![ChartSpec::new(
            "No market data (add supply.toml)",
            "",
            Vec::new(),
            false,
        )];
    };
    let m = MarketPanes {
        input,
        p,
        memory,
        now: pm.memory(memory),
        base: bm.memory(memory),
        data: data.memory(memory),
    };
    let mut panes = match input.kind {
        ChartKind::Balance => m.balance(),
        _ => m.price_and_revenue(),
    };
    if let Some(last) = panes.last_mut() {
        last.regime = Some(m.now.regime.clone());
    }
    panes
}

/// What the market panes of one memory draw from.
struct MarketPanes<'a> {
    input: &'a ChartInput<'a>,
    p: &'a Projection,
    memory: Memory,
    now: &'a MemoryProjection,
    base: &'a MemoryProjection,
    data: &'a crate::data::MemoryMarket,
}

impl MarketPanes<'_> {
    /// A series of the current projection with the baseline's as its ghost, and the data's
    /// observations of it where given.
    fn series(
        &self,
        name: &'static str,
        role: Role,
        pick: fn(&MemoryProjection) -> &Vec<f64>,
        observations: Option<&DataSeries>,
    ) -> Series {
        let mut s = Series::new(
            name,
            role,
            every_year(pick(self.now)),
            Some(aligned(
                self.p,
                self.input.baseline,
                &every_year(pick(self.base)),
            )),
        );
        s.observed = observations.and_then(|d| observed(self.input, d));
        s
    }

    /// Chart 5: sufficiency above, supply against demand below.
    fn balance(&self) -> Vec<ChartSpec> {
        let label = &self.now.label;
        vec![
            with_band(
                ChartSpec::new(
                    format!("{label} sufficiency ratio (supply - demand) / demand"),
                    "%",
                    vec![self.series(
                        "Sufficiency",
                        Role::Sufficiency,
                        |m| &m.sufficiency_pct,
                        None,
                    )],
                    false,
                ),
                band(self.input, self.memory, Quantity::Sufficiency),
            ),
            with_band(
                ChartSpec::new(
                    format!("{label} supply vs demand"),
                    "EB",
                    vec![
                        self.series(
                            "Demand",
                            Role::Demand,
                            |m| &m.demand_eb,
                            Some(&self.data.bits),
                        ),
                        self.series("Supply", Role::Supply, |m| &m.supply_eb, None),
                    ],
                    false,
                ),
                band(self.input, self.memory, Quantity::Demand),
            ),
        ]
    }

    /// Chart 6: revenue above, the price index (log) below.
    fn price_and_revenue(&self) -> Vec<ChartSpec> {
        let label = &self.now.label;
        let mut price = self.series("Price index", Role::Price, |m| &m.price_index, None);
        price.observed = observed_price(self.input, self.data);
        vec![
            with_band(
                ChartSpec::new(
                    format!("{label} revenue"),
                    "USD billion",
                    vec![self.series(
                        "Revenue",
                        Role::Revenue,
                        |m| &m.revenue_busd,
                        Some(&self.data.revenue),
                    )],
                    false,
                ),
                band(self.input, self.memory, Quantity::Revenue),
            ),
            with_band(
                ChartSpec::new(
                    format!("{label} price index"),
                    format!("{} = 100, log", self.p.base_year),
                    vec![price],
                    true,
                ),
                band(self.input, self.memory, Quantity::Price),
            ),
        ]
    }
}
