//! The eight tabs; which views each one shows is the registry's (`app::view`).

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

    /// The tab to the right, the first after the last.
    pub fn next(self) -> Tab {
        Tab::from_index(self.index() + 1)
    }

    /// The tab to the left, the last before the first.
    pub fn prev(self) -> Tab {
        Tab::from_index(self.index() + Tab::ALL.len() - 1)
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
}
