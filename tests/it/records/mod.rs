//! Records people keep and write themselves, and where a person works.

/// The 発令 of posts held beside a main one: issued, released, corrected, taken back.
mod beside_orders;
/// Posts held beside a main one: overlap, the staff row, supervisor lines.
mod concurrent_posts;
/// Promotion selection in the demo ward: its rounds, entrants and figures.
mod exam_demo;
/// A round of promotion selection: applications, results and the pool.
mod exam_rounds;
/// Who may sit a round of promotion selection: each rule at its edge.
mod exams;
/// Consultations, complaints and interview notes.
mod grievances;
/// Leave periods: overlap, the status following them, the migration of old statuses.
mod leaves;
/// What people write themselves: self-reports, OJT logs, applications.
mod own;
/// One truth for a person's post after every write that touches it.
mod posts_follow;
/// Citizen surveys under PDCA, written by HR and the units' supervisors.
mod surveys;
