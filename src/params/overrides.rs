//! `ID=VALUE` overrides (the CLI's `--set`, a scenario's `[overrides]`): parsing and applying
//! them, with errors that carry what was given; the front end says where it came from.

use super::catalog::Catalog;
use crate::model::Parameters;

/// A parsed `ID=VALUE`.
#[derive(Debug, Clone, PartialEq)]
pub struct Override {
    /// Parameter id.
    pub id: String,
    /// Value in the parameter's unit.
    pub value: f64,
}

/// Why an override was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum OverrideError {
    /// Not of the form `ID=VALUE`.
    #[error("{0}: expected ID=VALUE with a number, e.g. smartphone.base_growth=1.5")]
    Malformed(String),
    /// The id names no parameter.
    #[error("{given}: unknown parameter \"{id}\"; closest: {}", .closest.join(", "))]
    UnknownId {
        /// What was typed.
        given: String,
        /// The id part.
        id: String,
        /// Nearest known ids.
        closest: Vec<String>,
    },
    /// A whole-number parameter (a year, a count of years) was given a fraction.
    #[error("{id}={value}: expected a whole number ({unit})")]
    NotWhole {
        /// Parameter id.
        id: String,
        /// Value given.
        value: f64,
        /// Unit of the parameter.
        unit: String,
    },
    /// The value lies outside the parameter's range.
    #[error("{id}={value}: out of range; expected {min} to {max} ({unit})")]
    OutOfRange {
        /// Parameter id.
        id: String,
        /// Value given.
        value: f64,
        /// Range minimum.
        min: f64,
        /// Range maximum.
        max: f64,
        /// Unit of the range.
        unit: String,
    },
}

/// Parses `ID=VALUE`.
pub fn parse_override(text: &str) -> Result<Override, OverrideError> {
    let malformed = || OverrideError::Malformed(text.to_owned());
    let (id, value) = text.split_once('=').ok_or_else(malformed)?;
    let id = id.trim();
    let value: f64 = value.trim().parse().map_err(|_| malformed())?;
    if id.is_empty() || !value.is_finite() {
        return Err(malformed());
    }
    Ok(Override {
        id: id.to_owned(),
        value,
    })
}

impl Catalog {
    /// Applies overrides to `params`, refusing unknown ids and values out of range.
    pub fn apply(
        &self,
        params: &mut Parameters,
        overrides: &[Override],
    ) -> Result<(), OverrideError> {
        for o in overrides {
            let index = self.index(&o.id).ok_or_else(|| OverrideError::UnknownId {
                given: format!("{}={}", o.id, o.value),
                id: o.id.clone(),
                closest: self
                    .closest_ids(&o.id)
                    .into_iter()
                    .map(str::to_owned)
                    .collect(),
            })?;
            let spec = &self.specs()[index];
            if spec.key.is_whole() && o.value.fract() != 0.0 {
                return Err(OverrideError::NotWhole {
                    id: o.id.clone(),
                    value: o.value,
                    unit: spec.unit.to_owned(),
                });
            }
            if !(spec.min..=spec.max).contains(&o.value) {
                return Err(OverrideError::OutOfRange {
                    id: o.id.clone(),
                    value: o.value,
                    min: spec.min,
                    max: spec.max,
                    unit: spec.unit.to_owned(),
                });
            }
            self.set(params, index, o.value);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_id_equals_number() {
        assert_eq!(
            parse_override("smartphone.base_growth=1.5"),
            Ok(Override {
                id: "smartphone.base_growth".into(),
                value: 1.5
            })
        );
        assert!(matches!(
            parse_override("x"),
            Err(OverrideError::Malformed(_))
        ));
        assert!(matches!(
            parse_override("x=abc"),
            Err(OverrideError::Malformed(_))
        ));
        assert!(matches!(
            parse_override("=1"),
            Err(OverrideError::Malformed(_))
        ));
        assert!(matches!(
            parse_override("x=inf"),
            Err(OverrideError::Malformed(_))
        ));
    }
}
