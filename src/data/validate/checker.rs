//! The checker: one file's validation state, and the checks every table shares (units,
//! sources, series, single figures, parameter ranges).

use super::{YEARS, closest, is_date, parse_year};
use crate::data::dataset::{Figure, Origin, ParamRange, Point, Series, Source};
use crate::data::problem::{Locator, Problem};
use crate::data::schema::{RangeEntry, ScalarEntry, SeriesEntry, SourceEntry};
use crate::data::text::sanitize;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use toml::Spanned;

/// The smallest value a strictly positive figure may have, in any unit.
const SMALLEST_POSITIVE: f64 = 1e-6;

/// What values a series or figure may take.
#[derive(Clone, Copy)]
pub(super) enum Bound {
    /// Zero or more.
    NonNegative,
    /// Strictly more than zero.
    Positive,
    /// Any finite number.
    Finite,
    /// Zero or less.
    NonPositive,
}
impl Bound {
    /// `Err(what was expected)` unless `v` is within this bound and the physical limit of `unit`.
    pub(super) fn check(self, v: f64, unit: &str) -> Result<(), Expected> {
        if !v.is_finite() {
            return Err(Expected("a finite number".into()));
        }
        let limit = super::unit::physical_limit(unit);
        match self {
            Bound::NonNegative if v < 0.0 => Err(Expected("a number >= 0".into())),
            Bound::NonPositive if v > 0.0 => Err(Expected("a number <= 0".into())),
            Bound::Positive if v <= 0.0 => Err(Expected("a number > 0".into())),
            // A subnormal GB per unit or EB divides into infinity further on.
            Bound::Positive if v < SMALLEST_POSITIVE => Err(Expected(format!(
                "a number of at least {SMALLEST_POSITIVE:e} (smaller is not physical)"
            ))),
            _ if v.abs() > limit => {
                let unit = if unit == super::unit::NONE {
                    String::new()
                } else {
                    format!(" {unit}")
                };
                Err(Expected(format!(
                    "a number within ±{limit}{unit} (larger is not physical)"
                )))
            }
            _ => Ok(()),
        }
    }
}

/// What a value should have been, for a problem's "expected ..." part.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub(super) struct Expected(pub String);

/// A value as a problem message quotes it: as written for ordinary sizes, in scientific
/// notation when huge or tiny (`1e308`, not three hundred digits).
fn shown(v: f64) -> String {
    if v != 0.0 && v.is_finite() && !(1e-6..1e9).contains(&v.abs()) {
        format!("{v:e}")
    } else {
        v.to_string()
    }
}

/// Validation of one file, collecting problems.
pub(super) struct Checker<'a> {
    pub(super) loc: &'a Locator<'a>,
    /// Source ids defined in any file of the data set.
    pub(super) sources: &'a BTreeSet<String>,
    pub(super) problems: Vec<Problem>,
}

impl<'a> Checker<'a> {
    /// A checker for the file behind `loc`.
    pub(super) fn new(loc: &'a Locator<'a>, sources: &'a BTreeSet<String>) -> Self {
        Self {
            loc,
            sources,
            problems: Vec::new(),
        }
    }

    pub(super) fn err(&mut self, span: &Range<usize>, message: impl Into<String>) {
        self.problems.push(self.loc.at(span, message));
    }

    pub(super) fn origin(&self, span: &Range<usize>) -> Origin {
        let (line, column) = self.loc.line_column(span.start);
        Origin {
            file: self.loc.file().to_owned(),
            line,
            column,
        }
    }

    pub(super) fn unit(
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

    pub(super) fn source(
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
                    let mut known = closest(s.get_ref(), self.sources.iter().map(String::as_str));
                    if known.is_empty() {
                        known = "; expected an id defined under [sources]".into();
                    }
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
    pub(super) fn series(
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
            if let Err(expected) = bound.check(f.value, expected_unit) {
                self.err(
                    &figure.span(),
                    format!(
                        "{what} {year}: value {} is invalid; expected {expected}",
                        shown(f.value)
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

    pub(super) fn scalar(
        &mut self,
        what: &str,
        entry: &Spanned<ScalarEntry>,
        expected_unit: &str,
        bound: Bound,
    ) -> Figure {
        let e = entry.get_ref();
        self.unit(what, &e.unit, &entry.span(), expected_unit);
        if let Err(expected) = bound.check(*e.value.get_ref(), expected_unit) {
            self.err(
                &e.value.span(),
                format!(
                    "{what}: value {} is invalid; expected {expected}",
                    shown(*e.value.get_ref())
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

    /// Checks a parameter range and explicit default (bounded, so that no slider can ask for
    /// a projection to the year 10^12 or a range of millions of steps).
    pub(super) fn range(&mut self, id: &str, entry: &Spanned<RangeEntry>) -> ParamRange {
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
        } else if (max - min) / e.step.get_ref() > MAX_STEPS {
            self.err(
                &e.step.span(),
                format!(
                    "parameter \"{id}\": {} steps from min to max; expected at most {MAX_STEPS}",
                    ((max - min) / e.step.get_ref()).round()
                ),
            );
        }
        if min.abs() > MAX_MAGNITUDE || max.abs() > MAX_MAGNITUDE {
            self.err(&e.max.span(), format!("parameter \"{id}\": range {min}..{max} is not physical; expected numbers within ±{MAX_MAGNITUDE}"));
        } else if is_year(id) && !(MIN_YEAR..=MAX_YEAR).contains(&max) {
            self.err(&e.max.span(), format!("parameter \"{id}\": max {max} is not a year memcycle projects to; expected {MIN_YEAR} to {MAX_YEAR}"));
        } else if is_years(id) && max > MAX_YEARS {
            self.err(
                &e.max.span(),
                format!("parameter \"{id}\": max {max} years; expected at most {MAX_YEARS}"),
            );
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

    /// Checks a `[sources]` table and adds its entries to `out`.
    pub(super) fn sources_table(
        &mut self,
        table: &BTreeMap<Spanned<String>, SourceEntry>,
        out: &mut BTreeMap<String, Source>,
    ) {
        for (id, s) in table {
            for (name, v) in [
                ("publisher", &s.publisher),
                ("title", &s.title),
                ("date", &s.date),
            ] {
                if v.get_ref().trim().is_empty() {
                    self.err(
                        &v.span(),
                        format!(
                            "source \"{}\" has an empty {name}; expected text",
                            id.get_ref()
                        ),
                    );
                }
            }
            if !is_date(s.date.get_ref()) {
                self.err(
                    &s.date.span(),
                    format!(
                        "source \"{}\" has date \"{}\"; expected YYYY, YYYY-MM or YYYY-MM-DD",
                        id.get_ref(),
                        s.date.get_ref()
                    ),
                );
            }
            if out.contains_key(id.get_ref()) {
                self.err(&id.span(), format!("source \"{}\" is defined twice; expected each id once across the data files", id.get_ref()));
            }
            out.insert(
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
    }
}

/// Most slider steps from min to max.
const MAX_STEPS: f64 = 100_000.0;
/// Largest magnitude of a range bound.
const MAX_MAGNITUDE: f64 = 1.0e6;
/// Year-valued parameters stay within these years.
const MIN_YEAR: f64 = 1900.0;
/// Latest year a projection may run to.
const MAX_YEAR: f64 = 2100.0;
/// Longest duration parameter (a cut's years, a delay, a half-life), years.
const MAX_YEARS: f64 = 100.0;

/// Parameters whose values are calendar years.
fn is_year(id: &str) -> bool {
    id == "horizon" || id.ends_with(".cut_start")
}

/// Parameters whose values are numbers of years.
fn is_years(id: &str) -> bool {
    id.ends_with(".cut_years") || id.ends_with("half_life") || id == "capacity_delay"
}
