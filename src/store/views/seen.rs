//! What an account sees of a list, as a condition each list can find through an index:
//! one `IN` over the people seen (those of the units and the people besides) on the
//! column its rows are found by, instead of an `OR` of a person's unit and the person,
//! which reads a year of rows to find a section's sixty.

use super::ViewDef;
use crate::store::machine::list::id_list;
use crate::store::scope::Visibility;

impl ViewDef {
    /// The condition for rows `visible` may see; `None` when there is none to add.
    pub(super) fn seen(&self, visible: &Visibility) -> Option<String> {
        let people = visible.people_query()?;
        let Visibility::Some {
            units,
            people: these,
            ..
        } = visible
        else {
            return None;
        };
        let (units, these) = (id_list(units), id_list(these));
        // The course catalogue is everyone's to read (people apply from it), and so are
        // the office calendar and the selections with their rounds (announced to all).
        if matches!(
            self.table,
            "courses"
                | "training_sessions"
                | "course_requirements"
                | "ward_closed_days"
                | "exam_kinds"
                | "exams"
        ) {
            return None;
        }
        // By the table a list reads, never by the list's name: every list of a table is
        // seen alike.
        Some(match (self.table, self.staff, self.unit) {
            // Awards: their unit's, or one of their recipients'.
            (_, Some(c), _) if c.contains("?STAFF") => format!(
                "(t.unit_id IN ({units}) OR t.id IN (SELECT award_id FROM award_recipients
                  WHERE staff_id IN ({people})))"
            ),
            // An OJT pair is its mentee's and its mentor's (as the export has it).
            ("ojt_pairs" | "ojt_logs", _, _) => {
                let pair = if self.table == "ojt_pairs" {
                    "t.id"
                } else {
                    "t.pair_id"
                };
                format!(
                    "{pair} IN (SELECT id FROM ojt_pairs WHERE mentee_id IN ({people})
                     UNION SELECT id FROM ojt_pairs WHERE mentor_id IN ({people}))"
                )
            }
            // A section's own cycle by its unit, a person's by the person.
            ("pdca_cycles", _, _) => {
                format!("(t.owner_unit_id IN ({units}) OR t.owner_staff_id IN ({people}))")
            }
            // The unit is the person's own (`s` is the row's person): by person alone.
            (_, Some(_), Some("s.unit_id")) => format!("s.id IN ({people})"),
            (_, Some("t.id"), Some("t.unit_id")) if self.table == "staff" => {
                format!("t.id IN ({people})")
            }
            // A unit of its own, or one of the people named besides (incidents).
            (_, Some(c), Some(u)) => format!("({u} IN ({units}) OR {c} IN ({these}))"),
            // Only the people named (accounts, the audit log: whoever made the entry).
            (_, Some(c), None) => format!("{c} IN ({these})"),
            // A register of units (citizen surveys): an empty list would be read end to
            // end, where NULL is found by the index and matches nothing.
            (_, None, Some(u)) if units.is_empty() => format!("{u} IN (NULL)"),
            (_, None, Some(u)) => format!("{u} IN ({units})"),
            (_, None, None) => "0".into(),
        })
    }
}
