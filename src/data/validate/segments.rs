//! Checks of `[[segment]]` tables: device segments and residuals.

use super::checker::{Bound, Checker};
use super::{is_id, parse_year, unit};
use crate::data::dataset::{DeviceSegment, Figure, ResidualSegment, Segment, SegmentBody, Series};
use crate::data::schema::{ScalarEntry, SegmentEntry, SeriesEntry};
use crate::data::text::sanitize;
use crate::units::Year;
use std::collections::BTreeSet;
use std::ops::Range;
use toml::Spanned;

/// The required fields of a device segment, `None` where absent (and reported).
struct RequiredDeviceFields<'e> {
    shipments: Option<&'e Spanned<SeriesEntry>>,
    replacement_cycle: Option<&'e Spanned<SeriesEntry>>,
    weibull_shape: Option<&'e Spanned<ScalarEntry>>,
    initial_installed_base: Option<&'e Spanned<ScalarEntry>>,
    long_run_growth: Option<&'e Spanned<ScalarEntry>>,
    dram_gb: Option<&'e Spanned<SeriesEntry>>,
    nand_gb: Option<&'e Spanned<SeriesEntry>>,
}

impl Checker<'_> {
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
                format!("segment \"{seg}\" is of kind \"{kind}\" and cannot have `{field}`; expected only the keys of a {kind} segment"),
            );
        }
    }

    fn devices(&mut self, id: &str, e: &SegmentEntry, at: &Range<usize>) -> Option<DeviceSegment> {
        for (field, value) in [("dram_eb", &e.dram_eb), ("nand_eb", &e.nand_eb)] {
            self.forbidden(id, "devices", field, value);
        }
        let r = self.required_device_fields(id, e, at);
        let series = |c: &mut Self, name: &str, s: &Spanned<SeriesEntry>, u: &str, b: Bound| {
            c.series(&format!("{id}.{name}"), s, u, b)
        };
        let scalar = |c: &mut Self, name: &str, s: &Spanned<ScalarEntry>, u: &str, b: Bound| {
            c.scalar(&format!("{id}.{name}"), s, u, b)
        };
        let shipments = r.shipments.map(|s| {
            series(
                self,
                "shipments",
                s,
                unit::MILLION_UNITS,
                Bound::NonNegative,
            )
        });
        if let (Some(s), Some(raw)) = (&shipments, r.shipments) {
            self.contiguous(id, s, raw);
        }
        let replacement_cycle = r
            .replacement_cycle
            .map(|s| series(self, "replacement_cycle", s, unit::YEARS, Bound::Positive));
        let weibull_shape = r
            .weibull_shape
            .map(|s| scalar(self, "weibull_shape", s, unit::NONE, Bound::Positive));
        let initial_installed_base = r.initial_installed_base.map(|s| {
            let u = unit::MILLION_UNITS;
            scalar(self, "initial_installed_base", s, u, Bound::NonNegative)
        });
        let long_run_growth = r.long_run_growth.map(|s| {
            let u = unit::PERCENT_PER_YEAR;
            scalar(self, "long_run_growth", s, u, Bound::Finite)
        });
        let dram_gb = r
            .dram_gb
            .map(|s| series(self, "dram_gb", s, unit::GB, Bound::Positive));
        let nand_gb = r
            .nand_gb
            .map(|s| series(self, "nand_gb", s, unit::GB, Bound::Positive));
        let replacement_cycle_change = e.replacement_cycle_change.as_ref().map(|s| {
            let u = unit::YEARS_PER_YEAR;
            series(self, "replacement_cycle_change", s, u, Bound::Finite)
        });
        let hbm_gb = e
            .hbm_gb
            .as_ref()
            .map(|s| series(self, "hbm_gb", s, unit::GB, Bound::NonNegative));
        let (unit_price_elasticity, content_price_elasticity) = self.price_elasticities(id, e);
        let first = shipments.as_ref().map(Series::first_year);
        for (name, series, raw) in [
            ("dram_gb", &dram_gb, r.dram_gb),
            ("nand_gb", &nand_gb, r.nand_gb),
            ("hbm_gb", &hbm_gb, e.hbm_gb.as_ref()),
            ("replacement_cycle", &replacement_cycle, r.replacement_cycle),
        ] {
            self.covers_start(id, name, series.as_ref(), raw, first);
        }
        Some(DeviceSegment {
            shipments: shipments?,
            replacement_cycle: replacement_cycle?,
            replacement_cycle_change,
            weibull_shape: weibull_shape?,
            initial_installed_base: initial_installed_base?,
            long_run_growth: long_run_growth?,
            build_out: e.build_out.unwrap_or(false),
            dram_gb: dram_gb?,
            hbm_gb,
            nand_gb: nand_gb?,
            unit_price_elasticity,
            content_price_elasticity,
        })
    }

    /// A device segment's elasticities of units and of memory per unit to the memory price
    /// (optional; zero or negative).
    fn price_elasticities(
        &mut self,
        id: &str,
        e: &SegmentEntry,
    ) -> (Option<Figure>, Option<Figure>) {
        let mut elasticity = |name: &str, f: &Option<Spanned<ScalarEntry>>| {
            f.as_ref()
                .map(|s| self.scalar(&format!("{id}.{name}"), s, unit::NONE, Bound::NonPositive))
        };
        (
            elasticity("unit_price_elasticity", &e.unit_price_elasticity),
            elasticity("content_price_elasticity", &e.content_price_elasticity),
        )
    }

    /// The fields every device segment must have, each reported at the segment when absent.
    fn required_device_fields<'e>(
        &mut self,
        id: &str,
        e: &'e SegmentEntry,
        at: &Range<usize>,
    ) -> RequiredDeviceFields<'e> {
        let scalar_hint =
            |u: &str| format!("= {{ value = <number>, unit = \"{u}\", source = \"<id>\" }}");
        RequiredDeviceFields {
            shipments: self.required(
                id,
                "shipments",
                &e.shipments,
                at,
                "[segment.shipments] in million units",
            ),
            replacement_cycle: self.required(
                id,
                "replacement_cycle",
                &e.replacement_cycle,
                at,
                "[segment.replacement_cycle] in years",
            ),
            weibull_shape: self.required(
                id,
                "weibull_shape",
                &e.weibull_shape,
                at,
                &format!("weibull_shape {}", scalar_hint("1")),
            ),
            initial_installed_base: self.required(
                id,
                "initial_installed_base",
                &e.initial_installed_base,
                at,
                &format!("initial_installed_base {}", scalar_hint("million units")),
            ),
            long_run_growth: self.required(
                id,
                "long_run_growth",
                &e.long_run_growth,
                at,
                &format!("long_run_growth {}", scalar_hint("% per year")),
            ),
            dram_gb: self.required(id, "dram_gb", &e.dram_gb, at, "[segment.dram_gb] in GB"),
            nand_gb: self.required(id, "nand_gb", &e.nand_gb, at, "[segment.nand_gb] in GB"),
        }
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
        self.forbidden(
            id,
            "residual",
            "unit_price_elasticity",
            &e.unit_price_elasticity,
        );
        self.forbidden(
            id,
            "residual",
            "content_price_elasticity",
            &e.content_price_elasticity,
        );
        self.forbidden(id, "residual", "dram_gb", &e.dram_gb);
        self.forbidden(id, "residual", "hbm_gb", &e.hbm_gb);
        self.forbidden(
            id,
            "residual",
            "replacement_cycle_change",
            &e.replacement_cycle_change,
        );
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

    pub(super) fn segment(
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
}

/// The span of a year key in a series, to point a gap error at it.
fn year_key_span(raw: &Spanned<SeriesEntry>, year: Year) -> Option<Range<usize>> {
    raw.get_ref()
        .values
        .keys()
        .find(|k| parse_year(k.get_ref()) == Some(year))
        .map(Spanned::span)
}
