//! Parameters as the user sees them: ids, labels, units, ranges, defaults, overrides.

mod catalog;
mod explain;
mod generate;
mod key;
mod overrides;
mod spec;

pub use catalog::{Catalog, round_to_step};
pub use explain::{Explanation, cite, explain};
pub use key::ParamKey;
pub use overrides::{Override, OverrideError, parse_override};
pub use spec::{DefaultBasis, GLOBAL_GROUP, ParamSpec};
