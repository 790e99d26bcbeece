//! The numbers a room asks about: one figure of a projection (a memory's demand, its growth,
//! sufficiency, price index, revenue or turn year in a year), named so the CLI, the tornado and
//! goal seek agree on it.

use crate::model::{Memory, Projection};
use crate::units::Year;

/// Which quantity of a memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quantity {
    /// Bit demand, EB.
    Demand,
    /// Bit demand growth over the year before, %.
    Growth,
    /// Sufficiency ratio, %.
    Sufficiency,
    /// Price index (base year = 100).
    Price,
    /// Revenue, USD billion.
    Revenue,
    /// First projected year the price rises after a fall (the horizon + 1 when it does not).
    Turn,
}

impl Quantity {
    /// Every quantity, in the order `o` cycles through them.
    pub const ALL: [Quantity; 6] = [
        Quantity::Demand,
        Quantity::Growth,
        Quantity::Sufficiency,
        Quantity::Price,
        Quantity::Revenue,
        Quantity::Turn,
    ];

    /// The id suffix (`dram_growth`, ...; demand has none: `dram`).
    pub fn suffix(self) -> &'static str {
        match self {
            Quantity::Demand => "",
            Quantity::Growth => "_growth",
            Quantity::Sufficiency => "_sr",
            Quantity::Price => "_price",
            Quantity::Revenue => "_revenue",
            Quantity::Turn => "_turn",
        }
    }

    /// Unit of the values.
    pub fn unit(self) -> &'static str {
        match self {
            Quantity::Demand => "EB",
            Quantity::Growth | Quantity::Sufficiency => "%",
            Quantity::Price => "index",
            Quantity::Revenue => "USD bn",
            Quantity::Turn => "year",
        }
    }

    fn words(self) -> &'static str {
        match self {
            Quantity::Demand => "demand",
            Quantity::Growth => "demand growth",
            Quantity::Sufficiency => "sufficiency",
            Quantity::Price => "price index",
            Quantity::Revenue => "revenue",
            Quantity::Turn => "price turn year",
        }
    }
}

/// One figure of a projection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Output {
    /// Which memory.
    pub memory: Memory,
    /// Which quantity.
    pub quantity: Quantity,
    /// The year (ignored by the turn year).
    pub year: Year,
}

impl Output {
    /// Its id: `dram`, `nand_growth`, `dram_sr`, ...
    pub fn id(self) -> String {
        format!("{}{}", self.memory.id(), self.quantity.suffix())
    }

    /// Every id, for messages and completions.
    pub fn ids() -> Vec<String> {
        Memory::ALL
            .iter()
            .flat_map(|m| {
                Quantity::ALL
                    .iter()
                    .map(move |q| format!("{}{}", m.id(), q.suffix()))
            })
            .collect()
    }

    /// The output with id `id` in `year`, or `None` for an unknown id.
    pub fn parse(id: &str, year: Year) -> Option<Self> {
        Memory::ALL.iter().find_map(|m| {
            Quantity::ALL
                .iter()
                .find(|q| format!("{}{}", m.id(), q.suffix()) == id)
                .map(|q| Output {
                    memory: *m,
                    quantity: *q,
                    year,
                })
        })
    }

    /// The next quantity of the same memory (the explorer's `o`), after the last the other
    /// memory's first.
    pub fn next(self) -> Self {
        let at = Quantity::ALL
            .iter()
            .position(|q| *q == self.quantity)
            .unwrap_or(0);
        match Quantity::ALL.get(at + 1) {
            Some(q) => Output {
                quantity: *q,
                ..self
            },
            None => Output {
                memory: match self.memory {
                    Memory::Dram => Memory::Nand,
                    Memory::Nand => Memory::Dram,
                },
                quantity: Quantity::Demand,
                ..self
            },
        }
    }

    /// For people: "DRAM demand growth in 2027 (%)".
    pub fn label(self) -> String {
        let memory = self.memory.label();
        match self.quantity {
            Quantity::Turn => format!("{memory} price turn year"),
            q => format!("{memory} {} in {} ({})", q.words(), self.year, q.unit()),
        }
    }

    /// The figure in `p`, if the projection has it (the market quantities need market data).
    pub fn value(self, p: &Projection) -> Option<f64> {
        let i = p.index(self.year);
        let total = |i: usize| p.reported_eb(self.memory, i);
        let market = p.market.as_ref().map(|m| m.memory(self.memory));
        let v = match self.quantity {
            Quantity::Demand => total(i?),
            Quantity::Growth => {
                let i = i?;
                let before = total(i.checked_sub(1)?);
                if before <= 0.0 {
                    return None;
                }
                (total(i) / before - 1.0) * 100.0
            }
            Quantity::Sufficiency => market?.sufficiency_pct[i?],
            Quantity::Price => market?.price_index[i?],
            Quantity::Revenue => market?.revenue_busd[i?],
            Quantity::Turn => f64::from(market?.turn_year.unwrap_or(p.horizon + 1)),
        };
        v.is_finite().then_some(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_next_cycles_both_memories() {
        for id in Output::ids() {
            assert_eq!(Output::parse(&id, 2027).map(Output::id), Some(id));
        }
        assert_eq!(Output::parse("dram_bits", 2027), None);
        let mut o = Output::parse("dram", 2027).unwrap();
        let mut seen = vec![o.id()];
        for _ in 0..11 {
            o = o.next();
            seen.push(o.id());
        }
        assert_eq!(seen.len(), 12);
        assert_eq!(o.next().id(), "dram", "after nand_turn comes dram again");
    }
}
