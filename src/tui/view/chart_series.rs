//! How each series of a chart looks: its colour, its legend entry, and the ratatui dataset
//! that draws it (line, points, or filled area).

use super::super::app::App;
use super::super::chart_spec::{ChartSpec, Role};
use super::super::theme::Theme;
use super::chart_stack::Layer;
use crate::model::Regime;
use ratatui::style::{Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Dataset, GraphType};

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
    (baseline, observed): (bool, bool),
    selected: Option<usize>,
    compact: bool,
) -> Line<'static> {
    let mut head = Vec::new();
    for s in &spec.series {
        let symbol = if s.role == Role::Total { "━" } else { "■" };
        head.push(Span::styled(symbol, role_style(t, s.role)));
        // The selected slider's segment: its name underlined, as its area is the solid one.
        let label = Span::raw(format!(" {} ", s.label));
        head.push(if selected.is_some_and(|i| s.role == Role::Segment(i)) {
            label.style(Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED))
        } else {
            label
        });
    }
    if spec.stacked && !compact {
        head.push(Span::styled("⣿", t.dim()));
        head.push(Span::styled(" model split ", t.dim()));
    }
    if baseline {
        head.push(Span::styled("┄", t.baseline()));
        head.push(Span::styled(" baseline ", t.dim()));
    }
    if observed {
        head.push(Span::styled("•", t.key()));
        head.push(Span::styled(" observed ", t.dim()));
    }
    if spec.regime.is_some() {
        head.push(Span::styled(
            if t.color { "▄" } else { "█" },
            t.regime(Regime::Tight),
        ));
        head.push(Span::styled(" tight ", t.dim()));
        head.push(Span::styled("▄", t.regime(Regime::Glut)));
        head.push(Span::styled(" glut ", t.dim()));
    }
    if let Some(note) = &spec.note {
        head.push(Span::styled(format!(" {note}"), t.dim()));
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

/// The stacked area's datasets, top layer first. The selected slider's segment (or every
/// segment when no segment's slider is selected) is filled solid in projected years; the
/// others, and history (the model's reconstruction), with a braille texture. Without colour
/// the layers alternate textures so neighbours can be told apart.
pub(super) fn stack_datasets<'a>(app: &App, layers: &'a [Layer]) -> Vec<Dataset<'a>> {
    let t = app.theme;
    let selected = app.selected_segment();
    let mut out = Vec::new();
    for (n, layer) in layers.iter().enumerate() {
        let Role::Segment(i) = layer.role else {
            continue;
        };
        let style = role_style(t, layer.role);
        let texture = if t.color || n % 2 == 0 {
            Marker::Braille
        } else {
            Marker::Dot
        };
        let solid = match (t.color, selected.is_none_or(|s| s == i)) {
            (true, true) => Marker::HalfBlock,
            (false, true) => Marker::Block,
            (_, false) => texture,
        };
        out.push(area_of(&layer.history, texture, style));
        out.push(area_of(&layer.projection, solid, style));
    }
    out
}

/// A dataset drawn as an area filled down to zero.
fn area_of(data: &[(f64, f64)], marker: Marker, style: Style) -> Dataset<'_> {
    Dataset::default()
        .data(data)
        .graph_type(GraphType::Area)
        .fill_to_y(0.0)
        .marker(marker)
        .style(style)
}
