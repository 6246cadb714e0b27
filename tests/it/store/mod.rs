//! The store's API: records, validation, audit, versions, exports, opening files (`support::ward`).

/// Nominations, recipients, long service.
mod awards;
/// The ward's closed days and the appeal window counted in them.
mod calendar;
/// Self-reports, qualifications, career interviews.
mod career;
/// Compliance records and incidents; PDCA cycles and their parts.
mod compliance_pdca;
/// Periods, the evaluation chain, challenge themes.
mod evaluation;
/// Export kinds, their headers, keys and cells.
mod export;
/// Exports hold only what the account may see.
mod export_scope;
/// Inputs checked for what they are: staff numbers, kana, emoji in names.
mod inputs;
/// The generic machine: audit, transactions, versions, validation, settings.
mod machine;
/// Opening files: creation, migration, refusals, modes, backups.
mod open;
/// Units, staff, accounts and placement.
mod org;
/// Courses, requirements, sessions, enrolments, OJT.
mod training;
