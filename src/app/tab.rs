//! The eight tabs and the views each one shows.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Staff,
    Career,
    Evaluation,
    Placement,
    Training,
    Awards,
    Compliance,
    Pdca,
}

impl Tab {
    pub const ALL: [Tab; 8] = [
        Tab::Staff,
        Tab::Career,
        Tab::Evaluation,
        Tab::Placement,
        Tab::Training,
        Tab::Awards,
        Tab::Compliance,
        Tab::Pdca,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn from_index(i: usize) -> Tab {
        Tab::ALL[i % Tab::ALL.len()]
    }

    /// Catalogue key of the tab's title.
    pub fn key(self) -> &'static str {
        match self {
            Tab::Staff => "tab.staff",
            Tab::Career => "tab.career",
            Tab::Evaluation => "tab.evaluation",
            Tab::Placement => "tab.placement",
            Tab::Training => "tab.training",
            Tab::Awards => "tab.awards",
            Tab::Compliance => "tab.compliance",
            Tab::Pdca => "tab.pdca",
        }
    }

    /// The store views the tab switches between (`[` and `]`).
    pub fn views(self) -> &'static [&'static str] {
        match self {
            Tab::Staff => &["staff", "accounts", "audit"],
            Tab::Career => &[
                "self_reports",
                "self_reports_missing",
                "qualifications",
                "interviews",
                "career_page",
            ],
            Tab::Evaluation => &[
                "evaluations",
                "themes",
                "calibration",
                "complaints",
                "consultations",
                "calendar",
            ],
            Tab::Placement => &[
                "assignments",
                "long_tenure",
                "transfer_moves",
                "transfer_plans",
            ],
            Tab::Training => &[
                "enrolments",
                "sessions",
                "courses",
                "requirements",
                "required_missing",
                "ojt",
                "ojt_logs",
            ],
            Tab::Awards => &["awards"],
            Tab::Compliance => &["compliance", "compliance_overdue", "incidents"],
            Tab::Pdca => &["pdca", "surveys"],
        }
    }

    /// Views only an admin may open.
    pub fn admin_only(view: &str) -> bool {
        matches!(view, "accounts" | "audit")
    }

    /// Views of the HR office's own work (the transfer round), shown to admin and hr.
    pub fn hr_only(view: &str) -> bool {
        matches!(
            view,
            "transfer_moves" | "transfer_plans" | "incidents" | "complaints" | "consultations"
        )
    }

    /// Views that compare people, which a staff account (who sees only themselves) lacks.
    pub fn for_leads(view: &str) -> bool {
        view == "calibration"
    }
}
