//! The registry of views: every list and page a tab shows, and everything that differs
//! between them — its rows (the store's list), its tab and who may open it, what a row is
//! and which editor writes it, the workflow its `m` opens, and whose person a row is.
//! Adding a view is a variant here, its entry in `spec`, and its place in `ALL`; nothing
//! else in the app names a view.

mod spec;

pub use spec::{Body, Open, PanelKind, Rows, Spec};

use super::editors::{self, Editor};
use super::moves;
use super::tab::Tab;
use crate::store::views::{self as lists, ViewDef};
use spec::{list, page};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    Staff,
    Leaves,
    Accounts,
    Audit,
    SelfReports,
    SelfReportsMissing,
    Qualifications,
    Interviews,
    CareerPage,
    Exams,
    ExamEntries,
    ExamEligibility,
    ExamKinds,
    Evaluations,
    Themes,
    Calibration,
    Complaints,
    Consultations,
    Calendar,
    EvalPeriods,
    Assignments,
    LongTenure,
    RetirementsDue,
    PostLimitDue,
    ExamPool,
    FiscalTermsEnding,
    Posts,
    TransferMoves,
    TransferPlans,
    Enrolments,
    Sessions,
    Courses,
    Requirements,
    RequiredMissing,
    Ojt,
    OjtLogs,
    Awards,
    Compliance,
    ComplianceOverdue,
    Incidents,
    Pdca,
    Surveys,
    ReorgPlans,
    ReorgSteps,
}

use editors::{
    AwardEditor, calendar::CalendarEditor, eval, exams, leaves, own, posts, records as rec,
    registers as reg, reorg, transfer,
};

impl View {
    /// Every view, in the order of the tabs and of each tab's view bar.
    pub const ALL: [View; 44] = [
        View::Staff,
        View::Leaves,
        View::Accounts,
        View::Audit,
        View::SelfReports,
        View::SelfReportsMissing,
        View::Qualifications,
        View::Interviews,
        View::CareerPage,
        View::Exams,
        View::ExamEntries,
        View::ExamEligibility,
        View::ExamKinds,
        View::Evaluations,
        View::Themes,
        View::Calibration,
        View::Complaints,
        View::Consultations,
        View::Calendar,
        View::EvalPeriods,
        View::Assignments,
        View::LongTenure,
        View::RetirementsDue,
        View::PostLimitDue,
        View::ExamPool,
        View::FiscalTermsEnding,
        View::Posts,
        View::TransferMoves,
        View::TransferPlans,
        View::ReorgPlans,
        View::ReorgSteps,
        View::Enrolments,
        View::Sessions,
        View::Courses,
        View::Requirements,
        View::RequiredMissing,
        View::Ojt,
        View::OjtLogs,
        View::Awards,
        View::Compliance,
        View::ComplianceOverdue,
        View::Incidents,
        View::Pdca,
        View::Surveys,
    ];

    pub const fn spec(self) -> Spec {
        use Tab as T;
        match self {
            View::Staff => list(T::Staff, &lists::STAFF)
                .editor(&posts::StaffEditor)
                .person("id"),
            // Leave periods: HR writes; a supervisor reads their people's, a person their own.
            View::Leaves => list(T::Staff, &lists::LEAVES).editor(&leaves::LeaveEditor),
            View::Accounts => list(T::Staff, &lists::ACCOUNTS)
                .editor(&rec::ACCOUNT)
                .open(Open::Admin),
            View::Audit => list(T::Staff, &lists::AUDIT).open(Open::Admin),
            View::SelfReports => {
                list(T::Career, &lists::SELF_REPORTS).editor(&own::SelfReportEditor)
            }
            View::SelfReportsMissing => list(T::Career, &lists::SELF_REPORTS_MISSING)
                .worklist(View::Staff, View::SelfReports)
                .person("id"),
            View::Qualifications => {
                list(T::Career, &lists::QUALIFICATIONS).editor(&rec::QUALIFICATION)
            }
            View::Interviews => list(T::Career, &lists::INTERVIEWS).editor(&rec::INTERVIEW),
            View::CareerPage => page(T::Career, "career_page", PanelKind::CareerPage),
            // 昇任選考: the rounds are announced to all, who apply from them (`m`); the
            // entries are each person's; who may sit and the ward's rules are HR's.
            View::Exams => list(T::Career, &lists::EXAMS)
                .editor(&exams::EXAM)
                .panel(Some(PanelKind::Exams))
                .workflow(&moves::EXAM),
            View::ExamEntries => list(T::Career, &lists::EXAM_ENTRIES)
                .editor(&exams::ExamEntryEditor)
                .panel(Some(PanelKind::Exams)),
            View::ExamEligibility => list(T::Career, &lists::EXAM_ELIGIBILITY)
                .worklist(View::Staff, View::ExamEntries)
                .person("id")
                .open(Open::Hr),
            View::ExamKinds => list(T::Career, &lists::EXAM_KINDS)
                .editor(&exams::EXAM_KIND)
                .panel(None),
            View::Evaluations => list(T::Evaluation, &lists::EVALUATIONS)
                .editor(&eval::EvalEditor)
                .workflow(&moves::EVALUATION),
            View::Themes => list(T::Evaluation, &lists::THEMES).editor(&eval::ThemeEditor),
            View::Calibration => {
                page(T::Evaluation, "calibration", PanelKind::Calibration).open(Open::Leads)
            }
            // A complaint is its evaluation's: the same record, the same moves.
            View::Complaints => list(T::Evaluation, &lists::COMPLAINTS)
                .editor(&eval::EvalEditor)
                .open(Open::Hr)
                .workflow(&moves::EVALUATION),
            View::Consultations => list(T::Evaluation, &lists::CONSULTATIONS)
                .editor(&eval::CONSULTATION)
                .open(Open::Hr)
                .note("ui.no_disadvantage"),
            // The office calendar is the year's list alone.
            View::Calendar => list(T::Evaluation, &lists::CALENDAR)
                .editor(&CalendarEditor)
                .panel(None),
            View::EvalPeriods => list(T::Evaluation, &lists::EVAL_PERIODS).open(Open::Hr),
            View::Assignments => {
                list(T::Placement, &lists::ASSIGNMENTS).editor(&posts::AssignmentEditor)
            }
            // A long-tenured person goes into the transfer plan being drafted.
            View::LongTenure => list(T::Placement, &lists::LONG_TENURE)
                .worklist(View::Assignments, View::TransferMoves),
            // Who leaves at 定年, or leaves a management post at 60, goes into the April
            // round's plan; a term that ends is renewed or put to an open call on the
            // person's own record. On the 31 March, `m` retires the year's 定年 at once.
            View::RetirementsDue => list(T::Placement, &lists::RETIREMENTS_DUE)
                .worklist(View::Staff, View::TransferMoves)
                .person("id")
                .workflow(&moves::TEINEN),
            View::PostLimitDue => list(T::Placement, &lists::POST_LIMIT_DUE)
                .worklist(View::Staff, View::TransferMoves)
                .person("id"),
            // Passers on the 合格者名簿 go into the April round's plan, promoted.
            View::ExamPool => list(T::Placement, &lists::EXAM_POOL)
                .worklist(View::ExamEntries, View::TransferMoves)
                .open(Open::Hr),
            View::FiscalTermsEnding => list(T::Placement, &lists::FISCAL_TERMS_ENDING)
                .worklist(View::Staff, View::Staff)
                .person("id"),
            // 定数・現員 as of the day in view; HR keeps the 定数.
            View::Posts => list(T::Placement, &lists::POSTS).editor(&posts::UNIT_POST),
            View::TransferMoves => list(T::Placement, &lists::TRANSFER_MOVES)
                .editor(&transfer::MoveEditor)
                .open(Open::Hr)
                .panel(Some(PanelKind::PlanCheck)),
            View::TransferPlans => list(T::Placement, &lists::TRANSFER_PLANS)
                .editor(&transfer::PLAN)
                .open(Open::Hr)
                .panel(Some(PanelKind::PlanCheck))
                .workflow(&moves::TRANSFER_PLAN),
            View::Enrolments => list(T::Training, &lists::ENROLMENTS)
                .editor(&rec::ENROLMENT)
                .workflow(&moves::ENROLMENT),
            View::Sessions => list(T::Training, &lists::SESSIONS)
                .editor(&reg::SESSION)
                .workflow(&moves::SESSION),
            View::Courses => list(T::Training, &lists::COURSES).editor(&reg::COURSE),
            View::Requirements => list(T::Training, &lists::REQUIREMENTS).editor(&reg::REQUIREMENT),
            View::RequiredMissing => list(T::Training, &lists::REQUIRED_MISSING)
                .worklist(View::Staff, View::Enrolments)
                .person("id"),
            View::Ojt => list(T::Training, &lists::OJT)
                .editor(&rec::OJT)
                .person("mentee_id")
                .workflow(&moves::OJT),
            View::OjtLogs => list(T::Training, &lists::OJT_LOGS).editor(&own::OjtLogEditor),
            View::Awards => list(T::Awards, &lists::AWARDS)
                .editor(&AwardEditor)
                .workflow(&moves::AWARD),
            View::Compliance => {
                list(T::Compliance, &lists::COMPLIANCE).editor(&rec::ComplianceEditor)
            }
            View::ComplianceOverdue => {
                list(T::Compliance, &lists::COMPLIANCE_OVERDUE).editor(&rec::ComplianceEditor)
            }
            View::Incidents => list(T::Compliance, &lists::INCIDENTS)
                .editor(&reg::INCIDENT)
                .open(Open::Hr),
            // Only a cycle of the cycles' own list has a lineage.
            View::Pdca => list(T::Pdca, &lists::PDCA)
                .editor(&rec::PDCA)
                .panel(Some(PanelKind::PdcaLineage))
                .person("owner_staff_id")
                .workflow(&moves::PDCA),
            View::Surveys => list(T::Pdca, &lists::SURVEYS).editor(&reg::SurveyEditor),
            View::ReorgPlans => list(T::Placement, &lists::REORG_PLANS)
                .editor(&reorg::PLAN)
                .open(Open::Hr)
                .workflow(&moves::REORG_PLAN),
            View::ReorgSteps => list(T::Placement, &lists::REORG_STEPS)
                .editor(&reorg::StepEditor)
                .open(Open::Hr)
                .workflow(&moves::REORG_STEP),
        }
    }

    /// The catalogue name (`view.<name>`), also the export's file name.
    pub fn name(self) -> &'static str {
        match self.spec().body {
            Body::List(def) => def.name,
            Body::Page(name) => name,
        }
    }

    /// The store's list, unless the view is a page of its own.
    pub fn list(self) -> Option<&'static ViewDef> {
        match self.spec().body {
            Body::List(def) => Some(def),
            Body::Page(_) => None,
        }
    }

    /// The editor of the view's own rows (none for worklists and read-only lists).
    pub fn editor(self) -> Option<&'static dyn Editor> {
        match self.spec().rows {
            Rows::Records(e) => e,
            Rows::Worklist { .. } => None,
        }
    }

    /// The view whose records a row is (the detail shows it): itself, or what a
    /// worklist's rows are.
    pub fn rows_are(self) -> View {
        match self.spec().rows {
            Rows::Worklist { is, .. } => is,
            Rows::Records(_) => self,
        }
    }

    /// The view whose record a new form writes: itself, or what a worklist's rows lack.
    pub fn writes(self) -> View {
        match self.spec().rows {
            Rows::Worklist { lacks, .. } => lacks,
            Rows::Records(_) => self,
        }
    }

    pub fn is_worklist(self) -> bool {
        matches!(self.spec().rows, Rows::Worklist { .. })
    }

    /// The view of a catalogue name (`staff`, `evaluations`), as people and scripts
    /// write it.
    pub fn named(name: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.name() == name)
    }

    pub fn tab(self) -> Tab {
        self.spec().tab
    }
}

/// Every view in tab order, to hand out each tab's run of it.
static IN_TAB_ORDER: [View; View::ALL.len()] = View::ALL;

impl Tab {
    /// The views the tab switches between (`[` and `]`), in the registry's order: asked
    /// for several times a frame, so a run of the registry, not a new list.
    pub fn views(self) -> &'static [View] {
        let start = IN_TAB_ORDER.iter().position(|v| v.tab() == self);
        let Some(start) = start else {
            return &[];
        };
        let len = IN_TAB_ORDER[start..]
            .iter()
            .take_while(|v| v.tab() == self)
            .count();
        &IN_TAB_ORDER[start..start + len]
    }
}

/// A view reads as its catalogue name (`view.{v}` is its title).
impl std::fmt::Display for View {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A view is its catalogue name wherever a name is compared (tests, scripts).
impl PartialEq<&str> for View {
    fn eq(&self, other: &&str) -> bool {
        self.name() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_of_the_store_has_one_view_in_tab_order() {
        let mut seen = Vec::new();
        for v in View::ALL {
            if let Some(def) = v.list() {
                assert!(!seen.contains(&def.name), "{} twice", def.name);
                seen.push(def.name);
            }
        }
        for def in lists::VIEWS {
            assert!(seen.contains(&def.name), "no view shows {}", def.name);
        }
        let tabs: Vec<usize> = View::ALL.iter().map(|v| v.tab().index()).collect();
        assert!(tabs.windows(2).all(|w| w[0] <= w[1]), "ALL is in tab order");
    }
}
