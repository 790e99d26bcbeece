//! Which chart is shown, and how its values compare with the baseline.

/// The charts, in key order (1-6).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// DRAM demand by segment and total.
    Dram,
    /// NAND demand by segment and total.
    Nand,
    /// Shipments by segment, replacement vs growth for the selected segment.
    Shipments,
    /// Installed base by segment.
    InstalledBase,
    /// Supply vs demand and the sufficiency ratio.
    Balance,
    /// Price index and revenue.
    Price,
}

impl ChartKind {
    /// Charts in key order.
    pub const ALL: [ChartKind; 6] = [
        ChartKind::Dram,
        ChartKind::Nand,
        ChartKind::Shipments,
        ChartKind::InstalledBase,
        ChartKind::Balance,
        ChartKind::Price,
    ];

    /// Short name for tabs.
    pub fn tab(self) -> &'static str {
        match self {
            ChartKind::Dram => "DRAM",
            ChartKind::Nand => "NAND",
            ChartKind::Shipments => "Shipments",
            ChartKind::InstalledBase => "Installed base",
            ChartKind::Balance => "Supply/demand",
            ChartKind::Price => "Price",
        }
    }

    /// The memory whose demand the chart shows (charts 1 and 2).
    pub fn demand_memory(self) -> Option<crate::model::Memory> {
        match self {
            ChartKind::Dram => Some(crate::model::Memory::Dram),
            ChartKind::Nand => Some(crate::model::Memory::Nand),
            _ => None,
        }
    }

    /// A shorter name for narrow screens.
    pub fn short(self) -> &'static str {
        match self {
            ChartKind::Shipments => "Ships",
            ChartKind::InstalledBase => "Base",
            ChartKind::Balance => "S/D",
            k => k.tab(),
        }
    }

    /// Its number key (1-6).
    pub fn key(self) -> char {
        match self {
            ChartKind::Dram => '1',
            ChartKind::Nand => '2',
            ChartKind::Shipments => '3',
            ChartKind::InstalledBase => '4',
            ChartKind::Balance => '5',
            ChartKind::Price => '6',
        }
    }
}

/// How values are shown against the baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewMode {
    /// Values as they are.
    Absolute,
    /// Scenario minus baseline.
    Change,
    /// Scenario vs baseline in percent.
    Percent,
}

impl ViewMode {
    /// Name shown in the chart title.
    pub fn label(self) -> &'static str {
        match self {
            ViewMode::Absolute => "absolute",
            ViewMode::Change => "change vs baseline",
            ViewMode::Percent => "% vs baseline",
        }
    }

    /// The next mode.
    pub fn next(self) -> Self {
        match self {
            ViewMode::Absolute => ViewMode::Change,
            ViewMode::Change => ViewMode::Percent,
            ViewMode::Percent => ViewMode::Absolute,
        }
    }
}

impl From<crate::config::ChartName> for ChartKind {
    fn from(name: crate::config::ChartName) -> Self {
        use crate::config::ChartName;
        match name {
            ChartName::Dram => ChartKind::Dram,
            ChartName::Nand => ChartKind::Nand,
            ChartName::Ships => ChartKind::Shipments,
            ChartName::Base => ChartKind::InstalledBase,
            ChartName::Supply => ChartKind::Balance,
            ChartName::Price => ChartKind::Price,
        }
    }
}
