//! Grievances (苦情): the HR office's register of consultations. Formal complaints live on
//! the evaluation they concern (its response and the review board's decision).

use super::machine::record::record;
use crate::domain::grievance::Consultation;

record!(
    Consultation,
    "grievance_consultations",
    [
        staff_id,
        consulted_on,
        counsellor_id,
        subject,
        reply,
        ending
    ]
);
