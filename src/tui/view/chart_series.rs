//! How each series of a chart looks: its colour, its legend entry, and the ratatui dataset
//! that draws it (line, points, or filled area).

use crate::chart::geometry::Layer;
use crate::chart::spec::{ChartSpec, Role};
use crate::model::Regime;
use crate::tui::state::app::App;
use crate::tui::theme::Theme;
use crate::tui::view::chart_stack::{Fill, SHADES};
use ratatui::style::{Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Dataset, GraphType};

/// The mark of a figure observed or published after the base year, on the chart and in its
/// legend.
pub(super) const OBSERVED_GLYPH: &str = "●";

/// Without colour, segment lines are told apart by their marker (and the legend shows its
/// glyph); pins use dots.
pub(super) const NO_COLOR_LINES: [(Marker, &str); 4] = [
    (Marker::Braille, "⣿"),
    (Marker::Quadrant, "▚"),
    (Marker::Bar, "▄"),
    (Marker::Block, "█"),
];

/// Colour of a series.
pub(super) fn role_style(t: Theme, role: Role) -> Style {
    match role {
        Role::Segment(i) => t.segment(i),
        Role::Total | Role::Demand => t.total(),
        Role::Supply => t.segment(0),
        Role::Replacement | Role::Price => t.segment(1),
        Role::Growth | Role::Revenue => t.segment(2),
        Role::Sufficiency => t.segment(3),
        Role::Pinned(k) => t.pinned(k),
    }
}

/// The legend line: each series, then the baseline, observations and regimes when shown.
pub(super) fn legend(
    t: Theme,
    spec: &ChartSpec,
    (baseline, observed, band): (bool, Option<&str>, Option<&str>),
    selected: Option<usize>,
    compact: bool,
) -> Line<'static> {
    let mut head = Vec::new();
    let mut segments = 0;
    for s in &spec.series {
        let symbol = match s.role {
            Role::Total => "━",
            // Without colour a stacked segment is told by its shade (see `stack_fills`).
            Role::Segment(_) if spec.stacked && !t.color => {
                segments += 1;
                SHADES[(segments - 1) % SHADES.len()]
            }
            Role::Segment(i) if !t.color => NO_COLOR_LINES[i % NO_COLOR_LINES.len()].1,
            _ => "■",
        };
        head.push(Span::styled(symbol, role_style(t, s.role)));
        // The selected slider's segment: its name underlined, as its area is the solid one.
        // A label never breaks across rows ("AI│servers" at 80 columns) nor leaves its symbol
        // behind: non-breaking spaces inside it, which the legend's word wrap keeps together
        // (the same after every other mark below).
        let label = Span::raw(format!("\u{a0}{} ", s.label.replace(' ', "\u{a0}")));
        head.push(if selected.is_some_and(|i| s.role == Role::Segment(i)) {
            label.style(Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED))
        } else {
            label
        });
    }
    if spec.stacked && !compact {
        // In history the segments are the model's split; the total line is the industry's.
        head.push(Span::styled("history split: model ", t.dim()));
    }
    if baseline {
        head.push(Span::styled("┄", t.baseline()));
        head.push(Span::styled("\u{a0}baseline ", t.dim()));
    }
    if let Some(source) = band {
        head.push(Span::styled("⣿", t.baseline()));
        head.push(Span::styled("\u{a0}P10–90 ", t.dim()));
        head.push(Span::raw("⣿"));
        head.push(Span::styled(format!("\u{a0}P25–75{source} "), t.dim()));
    }
    if let Some(what) = observed {
        head.push(Span::styled(
            OBSERVED_GLYPH,
            t.key().add_modifier(ratatui::style::Modifier::BOLD),
        ));
        head.push(Span::styled(format!("\u{a0}{what} "), t.dim()));
    }
    if spec.regime.is_some() {
        head.push(Span::styled(
            if t.color { "▄" } else { "█" },
            t.regime(Regime::Tight),
        ));
        head.push(Span::styled("\u{a0}tight ", t.dim()));
        head.push(Span::styled("▄", t.regime(Regime::Glut)));
        head.push(Span::styled("\u{a0}glut ", t.dim()));
    }
    if let Some(note) = &spec.note {
        // First, so that wrapping never splits it (it is shorter than any legend's width).
        head.insert(0, Span::styled(format!("{note} "), t.dim()));
    }
    Line::from(head)
}

/// A dataset drawn as a line.
pub(super) fn line_of(data: &[(f64, f64)], marker: Marker, style: Style) -> Dataset<'_> {
    Dataset::default()
        .data(data)
        .graph_type(GraphType::Line)
        .marker(marker)
        .style(style)
}

/// A dataset drawn as separate points.
pub(super) fn points_of(data: &[(f64, f64)], marker: Marker, style: Style) -> Dataset<'_> {
    Dataset::default()
        .data(data)
        .graph_type(GraphType::Scatter)
        .marker(marker)
        .style(style)
}

/// The style of a series' history part: the same colour (the base-year line and the legend
/// tell history from projection), the total dimmed as the model's history is not its subject.
pub(super) fn history_style(t: Theme, role: Role) -> Style {
    role_style(t, role).add_modifier(Modifier::DIM)
}

/// How each layer of the stacked area is filled (top layer first): its segment's colour, or
/// without colour a shade per layer, darkest at the bottom.
pub(super) fn stack_fills(t: Theme, layers: &[Layer]) -> Vec<Fill> {
    let n = layers.len();
    layers
        .iter()
        .enumerate()
        .map(|(k, layer)| match role_style(t, layer.role).fg {
            Some(c) if t.color => Fill::Color(c),
            _ => Fill::Glyph(SHADES[(n - 1 - k) % SHADES.len()]),
        })
        .collect()
}

/// The selected slider's segment outlined: its layer's top edge in projected years, as a bold
/// line in the terminal's foreground.
pub(super) fn selected_outline<'a>(app: &App, layers: &'a [Layer]) -> Option<Dataset<'a>> {
    let selected = app.selected_segment().map(Role::Segment);
    layers.iter().find(|l| Some(l.role) == selected).map(|l| {
        line_of(
            &l.projection,
            app.ui.theme.marker,
            Style::new().add_modifier(Modifier::BOLD),
        )
    })
}
