//! The chart panel: tabs, title, legend and a ratatui `Chart` of the selected series.

use crate::chart::data::chart_specs;
use crate::chart::spec::{ChartSpec, apply_view};
use crate::tui::layout::{ScreenLayout, chart_tabs, inner};
use crate::tui::state::app::{App, Focus};
use crate::tui::view::chart_pane::pane;
use crate::tui::view::panel;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

/// Height from which the shipments chart shows both panes.
const TWO_PANES_FROM: u16 = 20;
/// Height from which the demand charts show their change pane (it needs fewer rows: one line
/// or two, no legend to speak of).
const CHANGE_PANE_FROM: u16 = 16;

/// The height from which `specs` show in two panes.
fn two_panes_from(specs: &[ChartSpec]) -> u16 {
    if specs.iter().any(|s| s.change_pane) {
        CHANGE_PANE_FROM
    } else {
        TWO_PANES_FROM
    }
}

/// The terminal height from which the explorer's chart panel shows two panes (`None` in
/// presentation mode, whose layout is its own, or beyond any usual terminal).
fn rows_for_two_panes(app: &App, needed: u16) -> Option<u16> {
    if app.ui.presenting.is_some() {
        return None;
    }
    let fits = |h: u16| {
        ScreenLayout::new(Rect::new(0, 0, app.ui.size.width, h))
            .is_some_and(|l| inner(l.chart).height >= needed)
    };
    // The chart grows with the terminal's height, so a bisection finds the first height in a
    // handful of layouts (this runs on every redraw of a short screen).
    let (mut lo, mut hi) = (app.ui.size.height, app.ui.size.height.saturating_add(100));
    if !fits(hi) {
        return None;
    }
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if fits(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Some(lo)
}

/// Draws the panel.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.ui.theme;
    let mut specs: Vec<ChartSpec> = chart_specs(&app.chart_input())
        .into_iter()
        .map(|s| apply_view(s, app.ui.view))
        .collect();
    let inner_area = inner(area);
    let needed = two_panes_from(&specs);
    if specs.len() > 1 && inner_area.height < needed {
        // Nothing disappears silently: the pane left out (the upper one: the lower one shows
        // the detail, the split or the change) is named, with the height it needs.
        let removed = specs.remove(0).title;
        let left_out = removed.split(" (").next().unwrap_or_default();
        let needs = rows_for_two_panes(app, needed).map_or_else(
            || "in a taller window".to_owned(),
            |rows| format!("at {rows}+ rows"),
        );
        if let Some(last) = specs.last_mut() {
            last.note = Some(format!("▲ {left_out} {needs}"));
        }
    }
    let Some(last) = specs.last() else { return };
    panel(app, Focus::Chart, Line::default())
        .title_bottom(title_line(app, last))
        .render(area, buf);
    for (kind, r, text) in chart_tabs(area) {
        if r.right() >= area.right() {
            break;
        }
        let style = if kind == app.ui.chart {
            t.selected()
        } else {
            t.dim()
        };
        buf.set_string(r.x, r.y, text, style);
    }
    if inner_area.height < 3 || inner_area.width < 10 {
        return;
    }
    if let [top, bottom] = specs.as_slice() {
        // The change pane takes two fifths, a split half.
        let top_height = if bottom.change_pane {
            inner_area.height * 3 / 5
        } else {
            inner_area.height / 2
        };
        let top_area = Rect::new(inner_area.x, inner_area.y, inner_area.width, top_height);
        Paragraph::new(title_line(app, top))
            .render(Rect::new(top_area.x, top_area.y, top_area.width, 1), buf);
        pane(
            app,
            top,
            Rect::new(top_area.x, top_area.y + 1, top_area.width, top_height - 1),
            buf,
        );
        let bottom_area = Rect::new(
            inner_area.x,
            inner_area.y + top_height,
            inner_area.width,
            inner_area.height - top_height,
        );
        pane(app, bottom, bottom_area, buf);
    } else {
        pane(app, last, inner_area, buf);
    }
}

/// A chart's title and unit (in the change views the unit says what it is compared with).
fn title_line<'a>(app: &App, spec: &ChartSpec) -> Line<'a> {
    Line::from(vec![
        Span::styled(
            format!(" {}", spec.title),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Span::styled(format!(" ({}) ", spec.unit), app.ui.theme.dim()),
    ])
}
