//! A scenario file: `name`, `description`, optional `sources` and `[overrides]`, checked against
//! the parameter catalog with `file:line:column` problems.

use crate::data::{Locator, Problem, Problems, sanitize};
use crate::params::{Catalog, Override};
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// A named set of overrides with the story that goes with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// Id: the file stem, lower-case (`ai-boom`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// A few sentences for the room: what it assumes and why.
    pub description: String,
    /// Citations for the figures used.
    pub sources: Vec<String>,
    /// Parameter values that differ from the defaults, in file order.
    pub overrides: Vec<Override>,
    /// The base year the scenario projects from, when it is a story about the past (the
    /// 2023 cuts project from 2022); `None`: whatever base year is in use.
    pub base_year: Option<crate::units::Year>,
    /// Whether it ships with memcycle (and so cannot be overwritten).
    pub builtin: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScenarioFile {
    name: Spanned<String>,
    description: Spanned<String>,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    base_year: Option<Spanned<i64>>,
    #[serde(default)]
    overrides: BTreeMap<Spanned<String>, Spanned<f64>>,
}

/// Base years a scenario file may name (the data set decides which it can project from).
const SCENARIO_YEARS: std::ops::RangeInclusive<i64> = 1900..=2200;

/// The `name` of a scenario file, without checking the rest (for listings).
pub fn peek_name(text: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct NameOnly {
        name: String,
    }
    toml::from_str::<toml::Table>(text)
        .ok()
        .and_then(|t| toml::Value::Table(t).try_into::<NameOnly>().ok())
        .map(|n| sanitize(&n.name))
}

/// The `base_year` of a scenario file, without checking the rest (to pick the catalog the file
/// is then checked against); `None` when absent or not a year.
pub fn peek_base_year(text: &str) -> Option<crate::units::Year> {
    let table = toml::from_str::<toml::Table>(text).ok()?;
    let year = table.get("base_year")?.as_integer()?;
    SCENARIO_YEARS
        .contains(&year)
        .then(|| i32::try_from(year).ok())
        .flatten()
}

/// Parses and checks a scenario file against `catalog`; reports every problem found.
pub fn parse(
    file: &str,
    id: &str,
    text: &str,
    catalog: &Catalog,
    builtin: bool,
) -> Result<Scenario, Problems> {
    let loc = Locator::new(file, text);
    let raw: ScenarioFile = crate::data::parse_toml(&loc, text).map_err(|p| Problems(vec![p]))?;
    let mut problems: Vec<Problem> = Vec::new();
    let name = sanitize(raw.name.get_ref()).trim().to_owned();
    if name.is_empty() {
        problems.push(loc.at(
            &raw.name.span(),
            "the scenario has an empty name; expected name = \"<a few words>\"",
        ));
    }
    let base_year = raw.base_year.as_ref().and_then(|y| {
        if SCENARIO_YEARS.contains(y.get_ref()) {
            i32::try_from(*y.get_ref()).ok()
        } else {
            problems.push(loc.at(
                &y.span(),
                format!(
                    "base_year = {} is not a year; expected a year of the data's history, e.g. base_year = 2022",
                    y.get_ref()
                ),
            ));
            None
        }
    });
    let mut entries: Vec<(&Spanned<String>, &Spanned<f64>)> = raw.overrides.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    let mut overrides = Vec::with_capacity(entries.len());
    for (key, value) in entries {
        let (id, v) = (key.get_ref(), *value.get_ref());
        let Some(spec) = catalog.spec(id) else {
            let closest = catalog.closest_ids(id).join(", ");
            problems.push(loc.at(&key.span(), format!("unknown parameter \"{id}\"; expected a parameter id, closest: {closest}. `memcycle params` lists them all")));
            continue;
        };
        if spec.key.is_whole() && v.fract() != 0.0 {
            problems.push(loc.at(
                &value.span(),
                format!("\"{id}\" = {v}: expected a whole number ({})", spec.unit),
            ));
            continue;
        }
        if !(v.is_finite() && (spec.min..=spec.max).contains(&v)) {
            problems.push(loc.at(
                &value.span(),
                format!(
                    "\"{id}\" = {v} is out of range; expected {} to {} ({})",
                    spec.min, spec.max, spec.unit
                ),
            ));
            continue;
        }
        overrides.push(Override {
            id: id.clone(),
            value: v,
        });
    }
    if problems.is_empty() {
        Ok(Scenario {
            id: id.to_owned(),
            name,
            description: sanitize(raw.description.get_ref()).trim().to_owned(),
            sources: raw.sources.iter().map(|s| sanitize(s)).collect(),
            overrides,
            base_year,
            builtin,
        })
    } else {
        Err(Problems(problems))
    }
}

/// A number as a user wrote it (3.9000000000000004 -> 3.9), for messages.
pub fn clean_value(v: f64) -> String {
    clean_number(v)
}

/// A number without binary noise (3.9000000000000004 -> 3.9): rounded to 9 decimals.
pub(super) fn clean_number(v: f64) -> String {
    let r = (v * 1e9).round() / 1e9;
    format!("{r}")
}

/// The TOML text of a scenario, overrides in the order given.
pub fn to_toml(
    name: &str,
    description: &str,
    sources: &[String],
    base_year: Option<crate::units::Year>,
    overrides: &[Override],
) -> String {
    let quote = |s: &str| toml::Value::String(s.to_owned()).to_string();
    let mut out = format!(
        "name = {}\ndescription = {}\n",
        quote(name),
        quote(description)
    );
    if !sources.is_empty() {
        let list: Vec<String> = sources.iter().map(|s| quote(s)).collect();
        out.push_str(&format!("sources = [{}]\n", list.join(", ")));
    }
    if let Some(year) = base_year {
        out.push_str(&format!("base_year = {year}\n"));
    }
    out.push_str("\n[overrides]\n");
    for o in overrides {
        out.push_str(&format!("{} = {}\n", quote(&o.id), clean_number(o.value)));
    }
    out
}
