//! The market charts: supply vs demand with the sufficiency ratio (5), price index with
//! revenue (6), each with the regime of every year as a strip along the bottom.

use crate::data::{MemoryMarket, Series as DataSeries};
use crate::insight::Quantity;
use crate::model::{MemoryProjection, Projection};
use crate::tui::chart::spec::{
    ChartSpec, Role, Series, aligned, band, every_year, observed, with_band,
};
use crate::tui::state::app::{App, ChartKind};

/// Observed price index: revenue / bits, base year = 100, after the base year (backtest mode).
fn observed_price(app: &App, m: &MemoryMarket) -> Option<Vec<Option<f64>>> {
    let p = &app.projection;
    let per_gb = |y| Some(m.revenue.get(y)? / m.bits.get(y).filter(|b| *b > 0.0)?);
    let base = per_gb(p.base_year)?;
    app.is_backtest().then(|| {
        p.years()
            .map(|y| {
                if y > p.base_year {
                    per_gb(y).map(|v| v / base * 100.0)
                } else {
                    None
                }
            })
            .collect()
    })
}

/// The two panes of chart 5 or 6 for the memory in focus (top pane first).
pub fn market_specs(app: &App, p: &Projection) -> Vec<ChartSpec> {
    let b = &app.baseline;
    let memory = app.market_memory();
    let (Some(pm), Some(bm), Some(data)) = (&p.market, &b.market, &app.setup.data.market) else {
        return vec![ChartSpec::new(
            "No market data (add supply.toml)",
            "",
            Vec::new(),
            false,
        )];
    };
    let (mp, bp): (&MemoryProjection, &MemoryProjection) = (pm.memory(memory), bm.memory(memory));
    let md = data.memory(memory);
    let with_observed = |mut s: Series, series: Option<&DataSeries>| {
        s.observed = series.and_then(|d| observed(app, d));
        s
    };
    let label = &mp.label;
    let mut panes = match app.ui.chart {
        ChartKind::Balance => vec![
            with_band(
                ChartSpec::new(
                    format!("{label} sufficiency ratio (supply - demand) / demand"),
                    "%",
                    vec![Series::new(
                        "Sufficiency",
                        Role::Sufficiency,
                        every_year(&mp.sufficiency_pct),
                        Some(aligned(p, b, &every_year(&bp.sufficiency_pct))),
                    )],
                    false,
                ),
                band(app, memory, Quantity::Sufficiency),
            ),
            with_band(
                ChartSpec::new(
                    format!("{label} supply vs demand"),
                    "EB",
                    vec![
                        with_observed(
                            Series::new(
                                "Demand",
                                Role::Demand,
                                every_year(&mp.demand_eb),
                                Some(aligned(p, b, &every_year(&bp.demand_eb))),
                            ),
                            Some(&md.bits),
                        ),
                        Series::new(
                            "Supply",
                            Role::Supply,
                            every_year(&mp.supply_eb),
                            Some(aligned(p, b, &every_year(&bp.supply_eb))),
                        ),
                    ],
                    false,
                ),
                band(app, memory, Quantity::Demand),
            ),
        ],
        _ => {
            let mut price = Series::new(
                "Price index",
                Role::Price,
                every_year(&mp.price_index),
                Some(aligned(p, b, &every_year(&bp.price_index))),
            );
            price.observed = observed_price(app, md);
            vec![
                with_band(
                    ChartSpec::new(
                        format!("{label} revenue"),
                        "USD billion",
                        vec![with_observed(
                            Series::new(
                                "Revenue",
                                Role::Revenue,
                                every_year(&mp.revenue_busd),
                                Some(aligned(p, b, &every_year(&bp.revenue_busd))),
                            ),
                            Some(&md.revenue),
                        )],
                        false,
                    ),
                    band(app, memory, Quantity::Revenue),
                ),
                with_band(
                    ChartSpec::new(
                        format!("{label} price index"),
                        format!("{} = 100, log", p.base_year),
                        vec![price],
                        true,
                    ),
                    band(app, memory, Quantity::Price),
                ),
            ]
        }
    };
    if let Some(last) = panes.last_mut() {
        last.regime = Some(mp.regime.clone());
    }
    panes
}
