//! Workflows through the store: who may make which move, with dates and audit rows.

/// The evaluation chain.
mod eval;
/// The PDCA spiral: phases, closing into the next turn, reviews, check-ins.
mod pdca;
/// Writing a PDCA plan, its actions and check-ins.
mod pdca_plan;
/// The check of a transfer plan: each rule, its severity, and apply refusing.
mod plan_check;
/// Reorganisations: dated versions of units, plans checked and applied.
mod reorg;
/// The year-end 定年退職: on its day, by HR, everyone due at once.
mod teinen;
/// Challenge themes written by their evaluatee, first evaluator and HR.
mod themes;
/// The April transfer round: plans kept, drafted and applied.
mod transfer;
