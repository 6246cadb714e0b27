//! The demo generator obeys its own rules, on wards built once per run (`support::generated`).

/// 任用 in realistic proportions: 会計年度任用, 再任用, 60–62, 役職定年, 定年 on the law's day.
mod appointments;
/// Evaluations and challenge themes over the years.
mod evaluation;
/// Leave periods: the store's rules, the statuses, a ward's mix.
mod leaves;
/// Organisation, roster and accounts.
mod org;
/// Compliance records and PDCA cycles; nothing after the base day.
mod pdca_compliance;
/// Assignment history, supervisors; determinism, integrity, report, speed.
mod placement;
/// Awards, OJT and training over the years.
mod training_awards;
