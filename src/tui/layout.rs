//! Where everything goes on screen. Pure functions of the terminal size and the app state, so
//! that drawing and mouse hit-testing agree without the view having to record anything.

use crate::tui::state::app::{App, ChartKind};
use ratatui::layout::{Constraint, Layout, Position, Rect};
use unicode_width::UnicodeWidthStr;

/// Smallest usable terminal.
pub const MIN_WIDTH: u16 = 80;
/// Smallest usable terminal.
pub const MIN_HEIGHT: u16 = 24;
/// Lines per slider: label and value, then the bar.
pub const SLIDER_LINES: usize = 2;

/// The screen's panels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScreenLayout {
    /// Scenario and readouts.
    pub header: Rect,
    /// Slider panel (with border).
    pub sliders: Rect,
    /// Chart panel (with border).
    pub chart: Rect,
    /// Year table (with border).
    pub table: Rect,
    /// Key hints.
    pub keybar: Rect,
}

impl ScreenLayout {
    /// The layout for `area`, or `None` when it is smaller than 80x24.
    pub fn new(area: Rect) -> Option<Self> {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return None;
        }
        let header_height = if area.height >= 40 { 4 } else { 3 };
        let [header, body, keybar] = area.layout(&Layout::vertical([
            Constraint::Length(header_height),
            Constraint::Min(0),
            Constraint::Length(1),
        ]));
        let slider_width = (area.width * 3 / 10).clamp(34, 56);
        let [sliders, right] = body.layout(&Layout::horizontal([
            Constraint::Length(slider_width),
            Constraint::Min(0),
        ]));
        let table_height = (right.height * 2 / 5).max(7);
        let [chart, table] = right.layout(&Layout::vertical([
            Constraint::Min(0),
            Constraint::Length(table_height),
        ]));
        Some(Self {
            header,
            sliders,
            chart,
            table,
            keybar,
        })
    }

    /// The layout for the app's current terminal size.
    pub fn of(app: &App) -> Option<Self> {
        Self::new(Rect::new(0, 0, app.ui.size.width, app.ui.size.height))
    }
}

/// The area inside a bordered panel.
pub fn inner(r: Rect) -> Rect {
    Rect::new(
        r.x + 1,
        r.y + 1,
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
}

/// A line in the slider panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SliderLine {
    /// A group heading (index of its first slider).
    Group(usize),
    /// Slider `i`'s label and value line.
    Label(usize),
    /// Slider `i`'s bar.
    Bar(usize),
}

/// Every line of the slider panel, unscrolled.
pub fn slider_lines(app: &App) -> Vec<SliderLine> {
    let mut lines = Vec::with_capacity(app.specs().len() * 3);
    let mut group: Option<&str> = None;
    for (i, s) in app.specs().iter().enumerate() {
        if group != Some(s.group.as_str()) {
            group = Some(s.group.as_str());
            lines.push(SliderLine::Group(i));
        }
        lines.push(SliderLine::Label(i));
        lines.push(SliderLine::Bar(i));
    }
    lines
}

/// The scroll offset that shows slider `selected` (and its group heading when it is the first
/// of its group) in a viewport of `height` lines, moving as little as possible from `offset`.
pub fn scroll_to_show(
    lines: &[SliderLine],
    selected: usize,
    offset: usize,
    height: usize,
) -> usize {
    let Some(label) = lines.iter().position(|l| *l == SliderLine::Label(selected)) else {
        return offset;
    };
    let top = if label > 0 && matches!(lines[label - 1], SliderLine::Group(_)) {
        label - 1
    } else {
        label
    };
    let bottom = label + SLIDER_LINES; // one past the bar
    let max_offset = lines.len().saturating_sub(height);
    let offset = if top < offset {
        top
    } else if bottom > offset + height {
        bottom.saturating_sub(height)
    } else {
        offset
    };
    offset.min(max_offset)
}

/// The track of a slider bar inside a bar line spanning `line`.
pub fn bar_track(line: Rect) -> Rect {
    Rect::new(line.x + 1, line.y, line.width.saturating_sub(2), 1)
}

/// The slider value at column `x` of `track`, as a fraction of the range.
pub fn track_fraction(track: Rect, x: u16) -> f64 {
    if track.width <= 1 {
        return 0.0;
    }
    let x = x.clamp(track.x, track.right() - 1);
    f64::from(x - track.x) / f64::from(track.width - 1)
}

/// What is under a mouse position in the slider panel.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SliderHit {
    /// A slider's label line.
    Label(usize),
    /// A slider's bar, at this fraction of its range.
    Bar(usize, f64),
}

/// Hit-tests the slider panel.
pub fn slider_hit(app: &App, pos: Position) -> Option<SliderHit> {
    let layout = ScreenLayout::of(app)?;
    let area = inner(layout.sliders);
    if !area.contains(pos) {
        return None;
    }
    let lines = slider_lines(app);
    let line = lines.get(app.ui.slider_scroll + usize::from(pos.y - area.y))?;
    match *line {
        SliderLine::Label(i) => Some(SliderHit::Label(i)),
        SliderLine::Bar(i) => Some(SliderHit::Bar(
            i,
            track_fraction(bar_track(Rect::new(area.x, pos.y, area.width, 1)), pos.x),
        )),
        SliderLine::Group(_) => None,
    }
}

/// Which slider a drag at `pos` moves, and to which fraction (any row: a drag keeps its
/// slider even when the pointer leaves the bar).
pub fn drag_fraction(app: &App, pos: Position) -> Option<f64> {
    let layout = ScreenLayout::of(app)?;
    let area = inner(layout.sliders);
    Some(track_fraction(
        bar_track(Rect::new(area.x, pos.y, area.width, 1)),
        pos.x,
    ))
}

/// Tab labels of the charts along the chart panel's top border, and where they are.
pub fn chart_tabs(chart: Rect) -> Vec<(ChartKind, Rect, String)> {
    // The longest labels that fit the top border: full names, short names, or numbers only.
    let styles: [fn(ChartKind) -> String; 3] = [
        |k| format!(" {} {} ", k.key(), k.tab()),
        |k| format!(" {} {} ", k.key(), k.short()),
        |k| format!(" {} ", k.key()),
    ];
    let room = usize::from(chart.width.saturating_sub(4));
    let label = styles
        .iter()
        .find(|f| {
            ChartKind::ALL
                .iter()
                .map(|k| f(*k).width() + 1)
                .sum::<usize>()
                <= room
        })
        .unwrap_or(&styles[2]);
    let mut x = chart.x + 2;
    ChartKind::ALL
        .iter()
        .map(|&k| {
            let text = label(k);
            let w = text.width() as u16;
            let r = Rect::new(x, chart.y, w, 1);
            x += w + 1;
            (k, r, text)
        })
        .collect()
}

/// Which chart tab is at `pos`.
pub fn chart_tab_hit(app: &App, pos: Position) -> Option<ChartKind> {
    let layout = ScreenLayout::of(app)?;
    chart_tabs(layout.chart)
        .into_iter()
        .find(|(_, r, _)| r.contains(pos))
        .map(|(k, _, _)| k)
}

/// Lines the compare block takes at the top of the table panel (header, current, pins).
pub fn compare_lines(app: &App) -> usize {
    if app.session.pins.is_empty() {
        0
    } else {
        app.session.pins.len() + 2
    }
}

/// Rows of year data that fit in the table panel (below its header line and any compare block).
pub fn table_rows(app: &App, table: Rect) -> usize {
    usize::from(inner(table).height.saturating_sub(1))
        .saturating_sub(compare_lines(app))
        .max(1)
}

/// Scenario rows the picker shows at once on a screen `height` rows high (also the page for
/// PgUp / PgDn).
pub fn picker_rows(height: u16) -> usize {
    usize::from(height.saturating_sub(6)).max(1)
}
