//! What each chart shows, as plain series ([`spec::ChartSpec`]): demand, shipments and the
//! installed base ([`data`]), and the market ([`market`]).

pub mod data;
pub mod geometry;
pub mod market;
pub mod spec;
