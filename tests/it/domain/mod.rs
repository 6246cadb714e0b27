//! Domain rules with no database: the calendar's law and the step machines.

/// National holidays 2019–2027 and the appeal window in 開庁日.
mod calendar_rules;
/// Leave periods: the status on a day, days away, clashes and the law's limits.
mod leave;
/// 定年 under the 2023 amendment, 役職定年, and the terms of an appointment.
mod retirement;
/// The enrolment and award state machines, move by move.
mod steps;
