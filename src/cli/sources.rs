//! `memcycle sources`: every citation of the data set, what it is and which figures use it.

use super::table::TextTable;
use crate::data::{Dataset, Source, sanitize, source_uses};
use crate::format::{Align, truncate};

/// The sources matching `query` (an exact id, or text found in the id, publisher or title,
/// ignoring case), in id order.
pub fn matching<'a>(d: &'a Dataset, query: Option<&str>) -> Vec<&'a Source> {
    match query {
        None => d.sources.values().collect(),
        Some(q) if d.sources.contains_key(q) => d.sources.get(q).into_iter().collect(),
        Some(q) => {
            let q = q.to_lowercase();
            d.sources
                .values()
                .filter(|s| {
                    [&s.id, &s.publisher, &s.title]
                        .iter()
                        .any(|t| t.to_lowercase().contains(&q))
                })
                .collect()
        }
    }
}

/// One source in full: publisher, title, date, where to read it, and every figure citing it.
pub fn card(d: &Dataset, s: &Source) -> String {
    let uses = source_uses(d);
    let mut out = format!(
        "{}\n  publisher  {}\n  title      {}\n  date       {}\n",
        sanitize(&s.id),
        sanitize(&s.publisher),
        sanitize(&s.title),
        sanitize(&s.date)
    );
    if let Some(url) = &s.url {
        out.push_str(&format!("  read at    {}\n", sanitize(url)));
    }
    match uses.get(&s.id) {
        Some(list) => {
            let list: Vec<String> = list.iter().map(|u| sanitize(u)).collect();
            out.push_str("  used by    ");
            out.push_str(&list.join("\n             "));
            out.push('\n');
        }
        None => out.push_str("  used by    (no figure cites it)\n"),
    }
    out
}

/// `memcycle sources [QUERY]`: a table, or the full card when one source matches; a query
/// that matches nothing is an error (exit 1), as a script expects.
pub fn to_table(d: &Dataset, query: Option<&str>) -> Result<String, crate::cli::CommandError> {
    let found = matching(d, query);
    Ok(match found.as_slice() {
        [] => {
            return Err(crate::cli::CommandError::Refused(format!(
                "no source matches \"{}\"; `memcycle sources` lists all {}",
                sanitize(query.unwrap_or_default()),
                d.sources.len()
            )));
        }
        [one] => card(d, one),
        many => {
            let uses = source_uses(d);
            let mut t = TextTable::new([
                ("id", Align::Left),
                ("publisher", Align::Left),
                ("date", Align::Left),
                ("title", Align::Left),
                ("used by", Align::Left),
            ]);
            for s in many {
                let used = uses.get(&s.id).map_or(0, Vec::len);
                t.row(vec![
                    sanitize(&s.id),
                    truncate(&sanitize(&s.publisher), 28),
                    sanitize(&s.date),
                    truncate(&sanitize(&s.title), 48),
                    format!("{used} figure{}", if used == 1 { "" } else { "s" }),
                ]);
            }
            format!(
                "{} of {} sources; `memcycle sources ID` shows one in full\n\n{}",
                many.len(),
                d.sources.len(),
                t.render()
            )
        }
    })
}

/// A short citation for a source id: `MKW Ventures (2019)`, or the id itself when unknown.
pub fn cite(d: &Dataset, id: &str) -> String {
    sanitize(&crate::params::cite(d, id))
}
