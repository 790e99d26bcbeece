//! The year table: totals with year-on-year change, and shipments per device segment.

use crate::format::{Align, fixed, pad, truncate, yoy};
use crate::model::Memory;
use crate::tui::layout::{compare_lines, inner, table_rows};
use crate::tui::state::app::{App, Focus, TableView};
use crate::tui::view::panel;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// A table column: header, width, alignment, and the cell for a year index.
struct Column<'a> {
    header: String,
    width: usize,
    align: Align,
    cell: Box<dyn Fn(usize) -> String + 'a>,
}

/// The compare block: the current scenario and each pinned one in the selected year, with the
/// change of DRAM demand against the current one. Returns the lines used.
fn compare(app: &App, area: Rect, buf: &mut Buffer) -> u16 {
    let lines = compare_lines(app) as u16;
    if lines == 0 || area.height < lines + 2 {
        return 0;
    }
    let t = app.ui.theme;
    let year = app.ui.year;
    let row = |name: &str, p: &crate::model::Projection| -> Vec<String> {
        let Some(i) = p.index(year) else {
            return vec![name.to_owned()];
        };
        let current = app
            .projection
            .index(year)
            .map(|j| app.projection.reported_eb(Memory::Dram, j));
        let market = p.market.as_ref().map(|m| &m.dram);
        vec![
            truncate(name, 22),
            fixed(p.reported_eb(Memory::Dram, i), 1),
            fixed(p.reported_eb(Memory::Nand, i), 0),
            yoy(current, p.reported_eb(Memory::Dram, i)),
            market.map_or_else(String::new, |m| {
                crate::format::signed(m.sufficiency_pct[i], 1)
            }),
            market
                .and_then(|m| m.turn_year)
                .map_or_else(|| "none".to_owned(), |y| y.to_string()),
        ]
    };
    let widths = [22, 7, 7, 7, 7, 5];
    let mut render_row = |cells: Vec<String>, y: u16, style: Style| {
        let text: Vec<String> = cells
            .iter()
            .zip(widths)
            .enumerate()
            .map(|(k, (c, w))| pad(c, w, if k == 0 { Align::Left } else { Align::Right }))
            .collect();
        buf.set_stringn(area.x, y, text.join(" "), usize::from(area.width), style);
    };
    let header = [
        "compare in ".to_owned() + &year.to_string(),
        "DRAM EB".into(),
        "NAND EB".into(),
        "ΔDRAM%".into(),
        "SR %".into(),
        "turn".into(),
    ];
    render_row(
        header.to_vec(),
        area.y,
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
    );
    render_row(
        row(&format!("▶ {}", app.session.scenario), &app.projection),
        area.y + 1,
        Style::new().add_modifier(Modifier::BOLD),
    );
    for (k, pin) in app.session.pins.iter().enumerate() {
        render_row(
            row(&format!("■ {}", pin.name), &pin.projection),
            area.y + 2 + k as u16,
            t.pinned(k),
        );
    }
    lines
}

/// Width of a segment's column where room is short: its widest figure (`1260.0`) and a space.
const SEGMENT_WIDTH: usize = 7;
/// Longest segment label shown where there is room for all the columns.
const SEGMENT_LABEL: usize = 11;

/// A column of one segment's values (blank before the segment starts), headed by its label.
fn segment_column<'a>(
    p: &'a crate::model::Projection,
    s: &'a crate::model::SegmentProjection,
    values: &'a [f64],
    (decimals, label): (usize, usize),
) -> Column<'a> {
    let header = truncate(&s.label, label);
    let width = unicode_width::UnicodeWidthStr::width(header.as_str()).max(SEGMENT_WIDTH);
    Column {
        header,
        width,
        align: Align::Right,
        cell: Box::new(move |i| {
            if s.covers(p.first_year + i as i32) {
                fixed(values[i], decimals)
            } else {
                String::new()
            }
        }),
    }
}

/// A column of `values` by year index (blank where not a number; `signed` shows the sign).
fn number_column(header: String, values: &[f64], decimals: usize, signed: bool) -> Column<'_> {
    Column {
        width: header.chars().count().max(6),
        header,
        align: Align::Right,
        cell: Box::new(move |i| {
            let v = values.get(i).copied().unwrap_or(f64::NAN);
            if !v.is_finite() {
                String::new()
            } else if signed {
                crate::format::signed(v, decimals)
            } else {
                fixed(v, decimals)
            }
        }),
    }
}

/// The columns beside the totals that `view` asks for: shipments per device segment, DRAM or
/// NAND demand per segment (the residual included), or each memory's market.
fn view_columns(view: TableView, p: &crate::model::Projection, label: usize) -> Vec<Column<'_>> {
    let started = p.segments.iter().filter(|s| s.start_year.is_some());
    match view {
        TableView::Shipments => started
            .filter(|s| s.has_units)
            .map(|s| segment_column(p, s, &s.shipments_m, (1, label)))
            .collect(),
        TableView::Dram => started
            .map(|s| segment_column(p, s, &s.dram_eb, (2, label)))
            .collect(),
        TableView::Nand => started
            .map(|s| segment_column(p, s, &s.nand_eb, (0, label)))
            .collect(),
        TableView::Market => {
            let Some(m) = &p.market else {
                return Vec::new();
            };
            crate::model::Memory::ALL
                .into_iter()
                .flat_map(|mem| {
                    let mm = m.memory(mem);
                    let name = mem.label();
                    [
                        number_column(format!("{name} SR"), &mm.sufficiency_pct, 1, true),
                        number_column("inv wk".to_owned(), &mm.inventory_weeks, 1, false),
                        number_column("price".to_owned(), &mm.price_index, 0, false),
                        number_column("rev $B".to_owned(), &mm.revenue_busd, 1, false),
                    ]
                })
                .collect()
        }
    }
}

/// The table's title for an area `width` wide, naming the view and how many columns do not
/// fit; the short form when the whole one does not fit the frame's top line.
fn title(app: &App, width: u16, hidden: usize) -> Line<'static> {
    let t = app.ui.theme;
    let off = match hidden {
        0 => String::new(),
        1 => "; 1 column off-screen".to_owned(),
        n => format!("; {n} columns off-screen"),
    };
    let view = app.ui.table_view;
    let mut words = format!("({}{off}; d: more) ", view.title());
    if words.chars().count() + 9 > usize::from(width) {
        let off = if hidden == 0 {
            String::new()
        } else {
            format!("; +{hidden} off")
        };
        words = format!("({}{off}; d) ", view.short());
    }
    Line::from(vec![
        Span::styled(" Years ", t.title()),
        Span::styled(words, t.dim()),
    ])
}

/// The columns every view starts with: year, kind, each memory's reported bits and their
/// growth, and with changed sliders the change of each against the baseline.
fn total_columns<'a>(app: &'a App, reported: &'a (Vec<f64>, Vec<f64>)) -> Vec<Column<'a>> {
    let p = &app.projection;
    let b = &app.baseline;
    let mut columns: Vec<Column> = vec![
        Column {
            header: "Year".into(),
            width: 4,
            align: Align::Left,
            cell: Box::new(|i| (p.first_year + i as i32).to_string()),
        },
        Column {
            header: "kind".into(),
            width: 5,
            align: Align::Left,
            cell: Box::new(|i| p.basis(i).label().into()),
        },
    ];
    for (name, values, decimals) in [("DRAM", &reported.0, 1), ("NAND", &reported.1, 0)] {
        columns.push(Column {
            header: format!("{name} EB"),
            width: 7,
            align: Align::Right,
            cell: Box::new(move |i| fixed(values[i], decimals)),
        });
        columns.push(Column {
            header: "y/y".into(),
            width: 6,
            align: Align::Right,
            cell: Box::new(move |i| yoy(i.checked_sub(1).map(|j| values[j]), values[i])),
        });
    }
    if app.is_modified() {
        let vs_base = move |values: &'_ [f64], base: &'_ [f64], i: usize| -> String {
            let year = p.first_year + i as i32;
            if year <= p.base_year {
                return String::new();
            }
            b.index(year)
                .map_or(String::new(), |j| yoy(Some(base[j]), values[i]))
        };
        for (name, values, base) in [
            ("DRAM", &p.total_dram_eb, &b.total_dram_eb),
            ("NAND", &p.total_nand_eb, &b.total_nand_eb),
        ] {
            columns.push(Column {
                header: format!("Δ{name}%"),
                width: 6,
                align: Align::Right,
                cell: Box::new(move |i| vs_base(values, base, i)),
            });
        }
    }
    columns
}

/// Draws the header row and the `rows` year rows from the scroll position, the selected year
/// highlighted and history dimmed.
fn draw_rows(app: &App, fitting: &[&Column], area: Rect, rows: usize, buf: &mut Buffer) {
    let t = app.ui.theme;
    let p = &app.projection;
    let line = |cells: Vec<String>| -> String {
        fitting
            .iter()
            .zip(cells)
            .map(|(c, s)| pad(&s, c.width, c.align))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let header = line(fitting.iter().map(|c| c.header.clone()).collect());
    buf.set_stringn(
        area.x,
        area.y,
        header,
        usize::from(area.width),
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
    );
    let selected = p.index(app.ui.year);
    for (row, i) in (app.ui.table_scroll..p.len()).take(rows).enumerate() {
        let y = area.y + 1 + row as u16;
        let text = line(fitting.iter().map(|c| (c.cell)(i)).collect());
        let history = p.first_year + i as i32 <= p.base_year;
        let style = if Some(i) == selected {
            t.selected()
        } else if history {
            t.history()
        } else {
            Style::new()
        };
        buf.set_stringn(
            area.x,
            y,
            format!("{text:<width$}", width = usize::from(area.width)),
            usize::from(area.width),
            style,
        );
    }
}

/// Draws the table.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let frame = area;
    panel(app, Focus::Table, title(app, frame.width, 0)).render(frame, buf);
    let rows = table_rows(app, area);
    let mut area = inner(area);
    if area.height < 2 {
        return;
    }
    let taken = compare(app, area, buf);
    area.y += taken;
    area.height = area.height.saturating_sub(taken);
    if area.height < 2 {
        return;
    }
    let p = &app.projection;
    // History rows show the industry's figures where the data has them (`obs`), the model's
    // reconstruction elsewhere (`model`): the same as `memcycle project` and `backtest`.
    let reported = (
        p.reported_series(Memory::Dram),
        p.reported_series(Memory::Nand),
    );
    let mut columns = total_columns(app, &reported);
    // Labels are shortened to the numbers' width only when the full ones would push a column
    // off (the AI-server column never showed at 120 columns); the numbers never are.
    let used_by = |cols: &[Column]| cols.iter().map(|c| c.width + 1).sum::<usize>();
    let full = view_columns(app.ui.table_view, p, SEGMENT_LABEL);
    let extra = if used_by(&columns) + used_by(&full) <= usize::from(area.width) {
        full
    } else {
        view_columns(app.ui.table_view, p, SEGMENT_WIDTH)
    };
    columns.extend(extra);
    // Keep the columns that fit.
    let mut used = 0;
    let fitting: Vec<&Column> = columns
        .iter()
        .take_while(|c| {
            used += c.width + 1;
            used <= usize::from(area.width)
        })
        .collect();
    if fitting.len() < columns.len() {
        // Say what was left out: the title names how many columns the width cannot hold.
        let hidden = columns.len() - fitting.len();
        panel(app, Focus::Table, title(app, frame.width, hidden)).render(frame, buf);
    }
    draw_rows(app, &fitting, area, rows, buf);
}
