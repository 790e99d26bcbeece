//! The chart model, below the explorer and the exports: what each chart shows as plain series
//! ([`spec::ChartSpec`]) for demand, shipments and the installed base ([`data`]) and the market
//! ([`market`]), read from a small [`input::ChartInput`]; its geometry ([`geometry`]); and the
//! chart as SVG ([`svg`]) and the handout page ([`handout`]) of a [`scene::Scene`]. The
//! explorer's screen and exports and `memcycle chart` and `report` all draw from here.

pub mod data;
pub mod geometry;
pub mod handout;
pub mod input;
pub mod kind;
pub mod market;
pub mod scene;
pub mod spec;
pub mod svg;
