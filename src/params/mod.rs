//! Parameters as the user sees them: ids, labels, units, ranges, defaults, overrides.

mod catalog;
mod generate;
mod overrides;

pub use catalog::{Catalog, DefaultBasis, GLOBAL_GROUP, ParamKey, ParamSpec, round_to_step};
pub use overrides::{Override, OverrideError, parse_override};
