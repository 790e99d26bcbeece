//! Parameters as the user sees them: ids, labels, units, ranges, defaults, overrides.

mod catalog;
mod overrides;

pub use catalog::{round_to_step, Catalog, DefaultBasis, ParamKey, ParamSpec, GLOBAL_GROUP};
pub use overrides::{parse_override, Override, OverrideError};
