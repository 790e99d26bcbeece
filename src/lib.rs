//! memcycle: a model of memory-chip (DRAM and NAND) demand driven by device shipments,
//! replacement cycles and memory per device, with the data it runs on.
//!
//! The library is pure: [`model::project`] turns a [`data::Dataset`] and
//! [`model::Parameters`] into a [`model::Projection`]. The command line and the explorer
//! are front ends over it.
//!
//! ```
//! use memcycle::setup::Setup;
//!
//! // The built-in data, projected from its last observed year with the default parameters.
//! let setup = Setup::load(None, None).expect("the built-in data is valid");
//! let p = setup.project(setup.catalog.baseline());
//! let i = p.index(2030).expect("the default horizon reaches 2030");
//! assert!(p.total_dram_eb[i] > p.total_dram_eb[p.index(p.base_year).unwrap()]);
//! ```

// A panic is never the way to report something a user can cause (tests may unwrap: see
// clippy.toml).
#![deny(clippy::unwrap_used, clippy::expect_used)]

pub mod backtest;
pub mod chart;
pub mod cli;
pub mod config;
pub mod data;
pub mod export;
pub mod format;
pub mod insight;
pub mod model;
pub mod params;
pub mod scenario;
pub mod setup;
pub mod tui;
pub mod units;
