//! What the explorer can show beside the chart: which panel has the focus, and what the year
//! table shows.

/// Which panel takes the arrow keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The slider panel.
    Sliders,
    /// The chart.
    Chart,
    /// The year table.
    Table,
}

impl Focus {
    /// Panels in Tab order.
    pub const ALL: [Focus; 3] = [Focus::Sliders, Focus::Chart, Focus::Table];
}

/// What the year table shows beside the totals (`d` cycles).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableView {
    /// Unit shipments per device segment.
    Shipments,
    /// DRAM demand per segment.
    Dram,
    /// NAND demand per segment.
    Nand,
    /// The market of both memories: sufficiency, inventory, price, revenue.
    Market,
}

impl TableView {
    /// What the panel's title says it shows.
    pub fn title(self) -> &'static str {
        match self {
            TableView::Shipments => "shipments in M units",
            TableView::Dram => "DRAM demand by segment, EB",
            TableView::Nand => "NAND demand by segment, EB",
            TableView::Market => "market: SR %, inventory weeks, price, $B",
        }
    }

    /// The title's short form, for narrow screens.
    pub fn short(self) -> &'static str {
        match self {
            TableView::Shipments => "ships, M",
            TableView::Dram => "DRAM EB",
            TableView::Nand => "NAND EB",
            TableView::Market => "market",
        }
    }

    /// The next view.
    pub fn next(self) -> Self {
        match self {
            TableView::Shipments => TableView::Dram,
            TableView::Dram => TableView::Nand,
            TableView::Nand => TableView::Market,
            TableView::Market => TableView::Shipments,
        }
    }
}
