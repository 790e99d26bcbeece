//! Turns the raw schema into a [`Dataset`], collecting every problem with its location.

use super::dataset::{
    Dataset, DeviceSegment, Figure, IndustryTotals, Origin, ParamRange, Point, ResidualSegment,
    Segment, SegmentBody, Series, Source,
};
use super::problem::{Locator, Problem};
use super::schema::{DevicesFile, RangeEntry, ScalarEntry, SegmentEntry, SeriesEntry};
use super::text::sanitize;
use crate::units::Year;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use toml::Spanned;

/// Years a figure may be for.
pub const YEARS: std::ops::RangeInclusive<Year> = 1990..=2100;

/// Unit strings the schema expects, one per kind of quantity.
pub mod unit {
    /// Device counts.
    pub const MILLION_UNITS: &str = "million units";
    /// Durations.
    pub const YEARS: &str = "years";
    /// Memory per unit.
    pub const GB: &str = "GB";
    /// Bit totals.
    pub const EB: &str = "EB";
    /// Dimensionless.
    pub const NONE: &str = "1";
    /// Rates.
    pub const PERCENT_PER_YEAR: &str = "% per year";
}

/// What values a series or figure may take.
#[derive(Clone, Copy)]
enum Bound {
    /// Zero or more.
    NonNegative,
    /// Strictly more than zero.
    Positive,
    /// Any finite number.
    Finite,
}

impl Bound {
    fn check(self, v: f64) -> Result<(), &'static str> {
        if !v.is_finite() {
            return Err("a finite number");
        }
        match self {
            Bound::NonNegative if v < 0.0 => Err("a number >= 0"),
            Bound::Positive if v <= 0.0 => Err("a number > 0"),
            _ => Ok(()),
        }
    }
}

/// Validation of one file, collecting problems.
struct Checker<'a> {
    loc: &'a Locator<'a>,
    sources: BTreeSet<String>,
    problems: Vec<Problem>,
}

impl<'a> Checker<'a> {
    fn err(&mut self, span: &Range<usize>, message: impl Into<String>) {
        self.problems.push(self.loc.at(span, message));
    }

    fn origin(&self, span: &Range<usize>) -> Origin {
        let (line, column) = self.loc.line_column(span.start);
        Origin {
            file: self.loc.file().to_owned(),
            line,
            column,
        }
    }

    fn unit(
        &mut self,
        what: &str,
        unit: &Option<Spanned<String>>,
        at: &Range<usize>,
        expected: &str,
    ) {
        match unit {
            None => self.err(
                at,
                format!("{what} has no unit; expected unit = \"{expected}\""),
            ),
            Some(u) if u.get_ref() != expected => self.err(
                &u.span(),
                format!(
                    "{what} has unit \"{}\"; expected \"{expected}\"",
                    u.get_ref()
                ),
            ),
            Some(_) => {}
        }
    }

    fn source(
        &mut self,
        what: &str,
        source: Option<&Spanned<String>>,
        at: &Range<usize>,
    ) -> String {
        match source {
            None => {
                self.err(
                    at,
                    format!("{what} has no source; expected source = \"<id from [sources]>\""),
                );
                String::new()
            }
            Some(s) => {
                if !self.sources.contains(s.get_ref()) {
                    let known = closest(s.get_ref(), self.sources.iter().map(String::as_str));
                    self.err(
                        &s.span(),
                        format!("{what} cites unknown source \"{}\"{known}", s.get_ref()),
                    );
                }
                s.get_ref().clone()
            }
        }
    }

    /// Validates a series: unit, years, values, sources. Returns it even when it has problems
    /// so that later checks can run; the caller discards the data set if any were found.
    fn series(
        &mut self,
        what: &str,
        entry: &Spanned<SeriesEntry>,
        expected_unit: &str,
        bound: Bound,
    ) -> Series {
        let span = entry.span();
        let e = entry.get_ref();
        self.unit(what, &e.unit, &span, expected_unit);
        if let Some(s) = &e.source {
            self.source(what, Some(s), &s.span());
        }
        let mut points = Vec::with_capacity(e.values.len());
        for (key, figure) in &e.values {
            let Some(year) = parse_year(key.get_ref()) else {
                self.err(
                    &key.span(),
                    format!(
                        "{what}: \"{}\" is not a year; expected a year between {} and {} as the key",
                        key.get_ref(),
                        YEARS.start(),
                        YEARS.end()
                    ),
                );
                continue;
            };
            let f = figure.get_ref();
            if let Err(expected) = bound.check(f.value) {
                self.err(
                    &figure.span(),
                    format!(
                        "{what} {year}: value {} is invalid; expected {expected}",
                        f.value
                    ),
                );
            }
            let source = match &f.source {
                Some(s) => {
                    let spanned = Spanned::new(figure.span(), s.clone());
                    self.source(&format!("{what} {year}"), Some(&spanned), &figure.span())
                }
                None if e.source.is_some() => e
                    .source
                    .as_ref()
                    .map(|s| s.get_ref().clone())
                    .unwrap_or_default(),
                None => self.source(&format!("{what} {year}"), None, &figure.span()),
            };
            points.push(Point {
                year,
                value: f.value,
                source,
                estimate: e.estimate || f.estimate,
            });
        }
        points.sort_by_key(|p| p.year);
        if points.is_empty() && e.values.is_empty() {
            self.err(
                &span,
                format!("{what} has no values; expected values = {{ <year> = <number>, ... }}"),
            );
        }
        Series {
            unit: expected_unit.to_owned(),
            points,
            note: e.note.as_deref().map(sanitize),
        }
    }

    fn scalar(
        &mut self,
        what: &str,
        entry: &Spanned<ScalarEntry>,
        expected_unit: &str,
        bound: Bound,
    ) -> Figure {
        let e = entry.get_ref();
        self.unit(what, &e.unit, &entry.span(), expected_unit);
        if let Err(expected) = bound.check(*e.value.get_ref()) {
            self.err(
                &e.value.span(),
                format!(
                    "{what}: value {} is invalid; expected {expected}",
                    e.value.get_ref()
                ),
            );
        }
        let source = self.source(what, e.source.as_ref(), &entry.span());
        Figure {
            value: *e.value.get_ref(),
            source,
            estimate: e.estimate,
            note: e.note.as_deref().map(sanitize),
        }
    }

    /// A required field of a segment: reports its absence at the segment.
    fn required<'e, T>(
        &mut self,
        seg: &str,
        field: &str,
        value: &'e Option<T>,
        at: &Range<usize>,
        hint: &str,
    ) -> Option<&'e T> {
        if value.is_none() {
            self.err(
                at,
                format!("segment \"{seg}\" has no `{field}`; expected {hint}"),
            );
        }
        value.as_ref()
    }

    fn forbidden<T>(&mut self, seg: &str, kind: &str, field: &str, value: &Option<Spanned<T>>) {
        if let Some(v) = value {
            self.err(
                &v.span(),
                format!("segment \"{seg}\" is of kind \"{kind}\" and cannot have `{field}`"),
            );
        }
    }

    fn devices(&mut self, id: &str, e: &SegmentEntry, at: &Range<usize>) -> Option<DeviceSegment> {
        for (field, value) in [("dram_eb", &e.dram_eb), ("nand_eb", &e.nand_eb)] {
            self.forbidden(id, "devices", field, value);
        }
        let ship = self.required(
            id,
            "shipments",
            &e.shipments,
            at,
            "[segment.shipments] in million units",
        );
        let cycle = self.required(
            id,
            "replacement_cycle",
            &e.replacement_cycle,
            at,
            "[segment.replacement_cycle] in years",
        );
        let shape = self.required(
            id,
            "weibull_shape",
            &e.weibull_shape,
            at,
            "weibull_shape = { value = <number>, unit = \"1\", source = \"<id>\" }",
        );
        let ib0 = self.required(id, "initial_installed_base", &e.initial_installed_base, at, "initial_installed_base = { value = <number>, unit = \"million units\", source = \"<id>\" }");
        let lrg = self.required(
            id,
            "long_run_growth",
            &e.long_run_growth,
            at,
            "long_run_growth = { value = <number>, unit = \"% per year\", source = \"<id>\" }",
        );
        let dram = self.required(id, "dram_gb", &e.dram_gb, at, "[segment.dram_gb] in GB");
        let nand = self.required(id, "nand_gb", &e.nand_gb, at, "[segment.nand_gb] in GB");
        let shipments = ship.map(|s| {
            self.series(
                &format!("{id}.shipments"),
                s,
                unit::MILLION_UNITS,
                Bound::NonNegative,
            )
        });
        if let (Some(s), Some(raw)) = (&shipments, ship) {
            self.contiguous(id, s, raw);
        }
        let replacement_cycle = cycle.map(|s| {
            self.series(
                &format!("{id}.replacement_cycle"),
                s,
                unit::YEARS,
                Bound::Positive,
            )
        });
        let weibull_shape = shape.map(|s| {
            self.scalar(
                &format!("{id}.weibull_shape"),
                s,
                unit::NONE,
                Bound::Positive,
            )
        });
        let initial_installed_base = ib0.map(|s| {
            self.scalar(
                &format!("{id}.initial_installed_base"),
                s,
                unit::MILLION_UNITS,
                Bound::NonNegative,
            )
        });
        let long_run_growth = lrg.map(|s| {
            self.scalar(
                &format!("{id}.long_run_growth"),
                s,
                unit::PERCENT_PER_YEAR,
                Bound::Finite,
            )
        });
        let dram_gb =
            dram.map(|s| self.series(&format!("{id}.dram_gb"), s, unit::GB, Bound::Positive));
        let nand_gb =
            nand.map(|s| self.series(&format!("{id}.nand_gb"), s, unit::GB, Bound::Positive));
        let hbm_gb = e
            .hbm_gb
            .as_ref()
            .map(|s| self.series(&format!("{id}.hbm_gb"), s, unit::GB, Bound::NonNegative));
        let first = shipments.as_ref().map(Series::first_year);
        for (name, series, raw) in [
            ("dram_gb", &dram_gb, dram),
            ("nand_gb", &nand_gb, nand),
            ("hbm_gb", &hbm_gb, e.hbm_gb.as_ref()),
        ] {
            self.covers_start(id, name, series.as_ref(), raw, first);
        }
        self.covers_start(
            id,
            "replacement_cycle",
            replacement_cycle.as_ref(),
            cycle,
            first,
        );
        Some(DeviceSegment {
            shipments: shipments?,
            replacement_cycle: replacement_cycle?,
            weibull_shape: weibull_shape?,
            initial_installed_base: initial_installed_base?,
            long_run_growth: long_run_growth?,
            dram_gb: dram_gb?,
            hbm_gb,
            nand_gb: nand_gb?,
        })
    }

    /// History series must have no missing year.
    fn contiguous(&mut self, id: &str, series: &Series, raw: &Spanned<SeriesEntry>) {
        for pair in series.points.windows(2) {
            if pair[1].year != pair[0].year + 1 {
                let span = year_key_span(raw, pair[1].year).unwrap_or_else(|| raw.span());
                let missing = if pair[1].year == pair[0].year + 2 {
                    format!("{}", pair[0].year + 1)
                } else {
                    format!("{}-{}", pair[0].year + 1, pair[1].year - 1)
                };
                self.err(
                    &span,
                    format!(
                        "{id}.shipments has a gap: no value for {missing} between {} and {}; expected one value for every year",
                        pair[0].year, pair[1].year
                    ),
                );
            }
        }
    }

    /// Point series used for history must have a figure at or before the first shipments year.
    fn covers_start(
        &mut self,
        id: &str,
        name: &str,
        series: Option<&Series>,
        raw: Option<&Spanned<SeriesEntry>>,
        first: Option<Year>,
    ) {
        if let (Some(series), Some(raw), Some(first)) = (series, raw, first)
            && !series.points.is_empty()
            && series.first_year() > first
        {
            self.err(
                &raw.span(),
                format!(
                    "{id}.{name} starts in {}; expected a figure for {first} or earlier, the first shipments year",
                    series.first_year()
                ),
            );
        }
    }

    fn residual(
        &mut self,
        id: &str,
        e: &SegmentEntry,
        at: &Range<usize>,
    ) -> Option<ResidualSegment> {
        self.forbidden(id, "residual", "shipments", &e.shipments);
        self.forbidden(id, "residual", "replacement_cycle", &e.replacement_cycle);
        self.forbidden(id, "residual", "weibull_shape", &e.weibull_shape);
        self.forbidden(
            id,
            "residual",
            "initial_installed_base",
            &e.initial_installed_base,
        );
        self.forbidden(id, "residual", "long_run_growth", &e.long_run_growth);
        self.forbidden(id, "residual", "dram_gb", &e.dram_gb);
        self.forbidden(id, "residual", "hbm_gb", &e.hbm_gb);
        self.forbidden(id, "residual", "nand_gb", &e.nand_gb);
        let dram = self.required(id, "dram_eb", &e.dram_eb, at, "[segment.dram_eb] in EB");
        let nand = self.required(id, "nand_eb", &e.nand_eb, at, "[segment.nand_eb] in EB");
        let dram_eb =
            dram.map(|s| self.series(&format!("{id}.dram_eb"), s, unit::EB, Bound::Positive));
        let nand_eb =
            nand.map(|s| self.series(&format!("{id}.nand_eb"), s, unit::EB, Bound::Positive));
        Some(ResidualSegment {
            dram_eb: dram_eb?,
            nand_eb: nand_eb?,
        })
    }

    fn segment(
        &mut self,
        entry: &Spanned<SegmentEntry>,
        seen: &mut BTreeSet<String>,
    ) -> Option<Segment> {
        let e = entry.get_ref();
        let at = entry.span();
        let id = e.id.get_ref().clone();
        if !is_id(&id) {
            self.err(&e.id.span(), format!("segment id \"{id}\" is invalid; expected lower-case letters, digits and _ starting with a letter"));
        }
        if !seen.insert(id.clone()) {
            self.err(
                &e.id.span(),
                format!("segment id \"{id}\" is used twice; expected each segment once"),
            );
        }
        let label = sanitize(e.label.get_ref());
        if label.trim().is_empty() {
            self.err(
                &e.label.span(),
                format!("segment \"{id}\" has an empty label; expected a display name"),
            );
        }
        let long_run = |c: &mut Self, field: &str, value: &Option<Spanned<ScalarEntry>>| {
            c.required(
                &id,
                field,
                value,
                &at,
                &format!(
                    "{field} = {{ value = <number>, unit = \"% per year\", source = \"<id>\" }}"
                ),
            )
            .map(|s| {
                c.scalar(
                    &format!("{id}.{field}"),
                    s,
                    unit::PERCENT_PER_YEAR,
                    Bound::Finite,
                )
            })
        };
        let long_run_dram_growth = long_run(self, "long_run_dram_growth", &e.long_run_dram_growth);
        let long_run_nand_growth = long_run(self, "long_run_nand_growth", &e.long_run_nand_growth);
        let kind = e.kind.as_ref().map_or("devices", |k| k.get_ref().as_str());
        let body = match kind {
            "devices" => self
                .devices(&id, e, &at)
                .map(|d| SegmentBody::Devices(Box::new(d))),
            "residual" => self.residual(&id, e, &at).map(SegmentBody::Residual),
            other => {
                let span = e.kind.as_ref().map_or(at.clone(), Spanned::span);
                self.err(&span, format!("segment \"{id}\" has kind \"{other}\"; expected \"devices\" or \"residual\""));
                None
            }
        }?;
        Some(Segment {
            description: sanitize(e.description.as_deref().unwrap_or("")),
            long_run_dram_growth: long_run_dram_growth?,
            long_run_nand_growth: long_run_nand_growth?,
            id,
            label,
            body,
        })
    }

    fn range(&mut self, id: &str, entry: &Spanned<RangeEntry>) -> ParamRange {
        let e = entry.get_ref();
        for (name, v) in [
            ("min", &e.min),
            ("max", &e.max),
            ("step", &e.step),
            ("low", &e.low),
            ("high", &e.high),
        ] {
            if !v.get_ref().is_finite() {
                self.err(
                    &v.span(),
                    format!(
                        "parameter \"{id}\": {name} is {}; expected a finite number",
                        v.get_ref()
                    ),
                );
            }
        }
        let (min, max, low, high) = (
            *e.min.get_ref(),
            *e.max.get_ref(),
            *e.low.get_ref(),
            *e.high.get_ref(),
        );
        if min >= max {
            self.err(
                &e.max.span(),
                format!("parameter \"{id}\": max {max} is not above min {min}; expected min < max"),
            );
        }
        if *e.step.get_ref() <= 0.0 || *e.step.get_ref() > max - min {
            self.err(&e.step.span(), format!("parameter \"{id}\": step {} is invalid; expected a number > 0 and <= max - min", e.step.get_ref()));
        }
        if !(min <= low && low <= high && high <= max) {
            self.err(&e.low.span(), format!("parameter \"{id}\": plausible range {low}..{high} is invalid; expected min <= low <= high <= max ({min}..{max})"));
        }
        if let Some(d) = &e.default {
            let v = *d.get_ref();
            if !(v.is_finite() && min <= v && v <= max) {
                self.err(&d.span(), format!("parameter \"{id}\": default {v} is outside the range; expected a value between min {min} and max {max}"));
            }
            if e.source.is_none() {
                self.err(&d.span(), format!("parameter \"{id}\": an explicit default needs a source; expected source = \"<id>\""));
            }
        }
        if let Some(s) = &e.source {
            self.source(&format!("parameter \"{id}\""), Some(s), &s.span());
        }
        ParamRange {
            min,
            max,
            step: *e.step.get_ref(),
            low,
            high,
            default: e.default.as_ref().map(|d| *d.get_ref()),
            source: e.source.as_ref().map(|s| s.get_ref().clone()),
            note: e.note.as_deref().map(sanitize),
            origin: self.origin(&entry.span()),
        }
    }
}

/// Validates a parsed `devices.toml`.
pub fn validate(file: DevicesFile, loc: &Locator<'_>) -> Result<Dataset, Vec<Problem>> {
    let mut c = Checker {
        loc,
        sources: file.sources.keys().map(|k| k.get_ref().clone()).collect(),
        problems: Vec::new(),
    };
    let mut sources = BTreeMap::new();
    for (id, s) in &file.sources {
        for (name, v) in [
            ("publisher", &s.publisher),
            ("title", &s.title),
            ("date", &s.date),
        ] {
            if v.get_ref().trim().is_empty() {
                c.err(
                    &v.span(),
                    format!(
                        "source \"{}\" has an empty {name}; expected text",
                        id.get_ref()
                    ),
                );
            }
        }
        if !is_date(s.date.get_ref()) {
            c.err(
                &s.date.span(),
                format!(
                    "source \"{}\" has date \"{}\"; expected YYYY, YYYY-MM or YYYY-MM-DD",
                    id.get_ref(),
                    s.date.get_ref()
                ),
            );
        }
        sources.insert(
            id.get_ref().clone(),
            Source {
                id: id.get_ref().clone(),
                publisher: sanitize(s.publisher.get_ref()),
                title: sanitize(s.title.get_ref()),
                date: s.date.get_ref().clone(),
                url: s.url.as_deref().map(sanitize),
            },
        );
    }
    let mut seen = BTreeSet::new();
    let segments: Vec<Segment> = file
        .segment
        .iter()
        .filter_map(|s| c.segment(s, &mut seen))
        .collect();
    if file.segment.is_empty() {
        c.problems.push(
            loc.whole_file("no segments; expected at least one [[segment]] of kind \"devices\""),
        );
    }
    let industry = match &file.industry {
        None => IndustryTotals::default(),
        Some(i) => IndustryTotals {
            dram_eb: i
                .dram_eb
                .as_ref()
                .map(|s| c.series("industry.dram_eb", s, unit::EB, Bound::Positive)),
            nand_eb: i
                .nand_eb
                .as_ref()
                .map(|s| c.series("industry.nand_eb", s, unit::EB, Bound::Positive)),
        },
    };
    let ranges = file
        .params
        .iter()
        .map(|(id, r)| (id.get_ref().clone(), c.range(id.get_ref(), r)))
        .collect();
    c.problems.sort_by_key(|p| (p.line, p.column));
    if c.problems.is_empty() {
        Ok(Dataset {
            title: sanitize(&file.dataset.title),
            note: file.dataset.note.as_deref().map(sanitize),
            sources,
            segments,
            industry,
            ranges,
        })
    } else {
        Err(c.problems)
    }
}

/// The span of a year key in a series, to point a gap error at it.
fn year_key_span(raw: &Spanned<SeriesEntry>, year: Year) -> Option<Range<usize>> {
    raw.get_ref()
        .values
        .keys()
        .find(|k| parse_year(k.get_ref()) == Some(year))
        .map(Spanned::span)
}

fn parse_year(s: &str) -> Option<Year> {
    let y: Year = s.trim().parse().ok()?;
    YEARS.contains(&y).then_some(y)
}

fn is_id(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.chars().all(|c| c.is_ascii_digit());
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
        _ => false,
    }
}

/// "; did you mean \"x\"?" for the known name closest to `name`, or an empty string.
pub fn closest<'a>(name: &str, known: impl Iterator<Item = &'a str>) -> String {
    let best = known
        .map(|k| (strsim::damerau_levenshtein(name, k), k))
        .min_by_key(|(d, _)| *d);
    match best {
        Some((d, k)) if d <= name.len().max(3) / 2 => format!("; did you mean \"{k}\"?"),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_ids() {
        assert!(is_date("2024") && is_date("2024-02") && is_date("2024-02-05"));
        assert!(!is_date("2024/02") && !is_date("24-02") && !is_date(""));
        assert!(is_id("ai_server") && is_id("pc2"));
        assert!(!is_id("AI") && !is_id("2pc") && !is_id("a-b") && !is_id(""));
    }

    #[test]
    fn closest_suggests_near_names_only() {
        let known = ["smartphone", "pc", "tablet"];
        assert_eq!(
            closest("smartfone", known.iter().copied()),
            "; did you mean \"smartphone\"?"
        );
        assert_eq!(closest("zzzzzzzz", known.iter().copied()), "");
    }
}
