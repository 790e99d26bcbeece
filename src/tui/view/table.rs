//! The year table: totals with year-on-year change, and shipments per device segment.

use super::super::app::{App, Focus};
use super::super::layout::{inner, table_rows};
use super::panel;
use super::sliders::truncate;
use crate::cli::{Align, fixed, pad, yoy};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// A table column: header, width, and the cell for a year index.
struct Column<'a> {
    header: String,
    width: usize,
    cell: Box<dyn Fn(usize) -> String + 'a>,
}

/// Draws the table.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let title = Line::from(vec![
        Span::styled(" Years ", t.title()),
        Span::styled("(shipments in M units) ", t.dim()),
    ]);
    panel(app, Focus::Table, title).render(area, buf);
    let rows = table_rows(area);
    let area = inner(area);
    if area.height < 2 {
        return;
    }
    let p = &app.projection;
    let b = &app.baseline;
    let modified = app.is_modified();
    let mut columns: Vec<Column> = vec![
        Column {
            header: "Year".into(),
            width: 4,
            cell: Box::new(|i| (p.first_year + i as i32).to_string()),
        },
        Column {
            header: "".into(),
            width: 4,
            cell: Box::new(|i| {
                if p.first_year + i as i32 <= p.base_year {
                    "hist".into()
                } else {
                    "proj".into()
                }
            }),
        },
        Column {
            header: "DRAM EB".into(),
            width: 7,
            cell: Box::new(|i| fixed(p.total_dram_eb[i], 1)),
        },
        Column {
            header: "y/y".into(),
            width: 6,
            cell: Box::new(|i| {
                yoy(
                    i.checked_sub(1).map(|j| p.total_dram_eb[j]),
                    p.total_dram_eb[i],
                )
            }),
        },
        Column {
            header: "NAND EB".into(),
            width: 7,
            cell: Box::new(|i| fixed(p.total_nand_eb[i], 0)),
        },
        Column {
            header: "y/y".into(),
            width: 6,
            cell: Box::new(|i| {
                yoy(
                    i.checked_sub(1).map(|j| p.total_nand_eb[j]),
                    p.total_nand_eb[i],
                )
            }),
        },
    ];
    if modified {
        let vs_base = |values: &'_ [f64], base: &'_ [f64], i: usize| -> String {
            let year = p.first_year + i as i32;
            if year <= p.base_year {
                return String::new();
            }
            b.index(year)
                .map_or(String::new(), |j| yoy(Some(base[j]), values[i]))
        };
        columns.push(Column {
            header: "ΔDRAM%".into(),
            width: 6,
            cell: Box::new(move |i| vs_base(&p.total_dram_eb, &b.total_dram_eb, i)),
        });
        columns.push(Column {
            header: "ΔNAND%".into(),
            width: 6,
            cell: Box::new(move |i| vs_base(&p.total_nand_eb, &b.total_nand_eb, i)),
        });
    }
    for s in p
        .segments
        .iter()
        .filter(|s| s.has_units && s.start_year.is_some())
    {
        let header = truncate(&s.label, 11);
        let width = unicode_width::UnicodeWidthStr::width(header.as_str()).max(6);
        columns.push(Column {
            header,
            width,
            cell: Box::new(move |i| {
                if s.covers(p.first_year + i as i32) {
                    fixed(s.shipments_m[i], 1)
                } else {
                    String::new()
                }
            }),
        });
    }
    // Keep the columns that fit.
    let mut used = 0;
    let fitting: Vec<&Column> = columns
        .iter()
        .take_while(|c| {
            used += c.width + 1;
            used <= usize::from(area.width)
        })
        .collect();
    let line = |cells: Vec<String>| -> String {
        fitting
            .iter()
            .zip(cells)
            .map(|(c, s)| {
                pad(
                    &s,
                    c.width,
                    if c.header == "Year" || c.header.is_empty() {
                        Align::Left
                    } else {
                        Align::Right
                    },
                )
            })
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
    let selected = (app.year - p.first_year).max(0) as usize;
    for (row, i) in (app.table_scroll..p.len()).take(rows).enumerate() {
        let y = area.y + 1 + row as u16;
        let text = line(fitting.iter().map(|c| (c.cell)(i)).collect());
        let history = p.first_year + i as i32 <= p.base_year;
        let style = if i == selected {
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
