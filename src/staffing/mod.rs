//! Staffing projections (bemanningsframskrivning): need per staff group from a base year to a
//! horizon, with levers (position size, sickness absence, task sharing, productivity), turnover,
//! recruitment, education positions and, optionally, supply from a fixed education capacity.
//!
//! Inputs come from a staffing table found in a report ([`groups_from_table`]) or from a CSV file
//! ([`groups_from_csv`], layouts documented in [`input`]).

pub mod input;
pub mod model;
pub mod typed;

pub use input::{groups_from_csv, groups_from_table};
pub use model::{
    lever_savings, project, Group, GroupProjection, LeverEffect, Levers, NeedPoint, Projection,
    StaffingError, Totals, YearRow, DEFAULT_HORIZON,
};
pub use typed::{parse_in_range, parse_typed, parse_year, TypedError};
