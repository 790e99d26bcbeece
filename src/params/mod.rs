//! Parameters as the user sees them: ids, labels, units, ranges, defaults, overrides.

mod catalog;
mod generate;
mod key;
mod overrides;

pub use catalog::{Catalog, DefaultBasis, GLOBAL_GROUP, ParamSpec, round_to_step};
pub use key::ParamKey;
pub use overrides::{Override, OverrideError, parse_override};
