//! What the registry says of each view: what it shows, who may open it, what its rows
//! are and what writes them, its workflow and panel; and the builders its entries are
//! written with (a list of the store's with the tab's panel, read only until given an
//! editor).

use super::View;
use crate::app::editors::Editor;
use crate::app::moves::Workflow;
use crate::app::tab::Tab;
use crate::store::views::ViewDef;

/// What a view shows.
#[derive(Clone, Copy)]
pub enum Body {
    /// A list of the store's.
    List(&'static ViewDef),
    /// A page of its own drawn by the tab's panel (its catalogue name `view.<name>`).
    Page(&'static str),
}

/// Who may open a view, beyond the tab itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Open {
    All,
    /// Views that compare people, which a staff account (who sees only themselves) lacks.
    Leads,
    /// The HR office's own work: admin and HR.
    Hr,
    Admin,
}

/// What a row of the view is, and what writes it.
#[derive(Clone, Copy)]
pub enum Rows {
    /// Records of one kind, written by the editor (`None`: read only).
    Records(Option<&'static dyn Editor>),
    /// A worklist: each row is a record of `is`'s kind (what the detail shows), lacking
    /// one of `lacks`'s kind, which its form writes.
    Worklist { is: View, lacks: View },
}

/// Which panel a view shows beside its list (or, for a page, instead of one); drawn by
/// `app::panels` and `ui::panels`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelKind {
    Career,
    CareerPage,
    Calibration,
    Evaluation,
    Placement,
    Training,
    Awards,
    Compliance,
    Pdca,
    /// The cycle of the selected row with the turns before it (the cycles' own list).
    PdcaLineage,
    /// The figures of the selected round of promotion selection (or the entry's round).
    Exams,
    /// The problems of the selected transfer plan (or the selected move's plan).
    PlanCheck,
}

#[derive(Clone, Copy)]
pub struct Spec {
    pub body: Body,
    pub tab: Tab,
    pub open: Open,
    pub rows: Rows,
    /// The key of a row's record that holds its person (for the panel and forms).
    pub person: &'static str,
    /// The workflow its `m` opens.
    pub workflow: Option<&'static dyn Workflow>,
    /// Catalogue key of a note every form of the view shows above its fields.
    pub form_note: Option<&'static str>,
    pub panel: Option<PanelKind>,
}

/// A list whose rows are read only until `editor` gives them one.
pub(super) const fn list(tab: Tab, def: &'static ViewDef) -> Spec {
    Spec {
        body: Body::List(def),
        tab,
        open: Open::All,
        rows: Rows::Records(None),
        person: "staff_id",
        workflow: None,
        form_note: None,
        panel: tab_panel(tab),
    }
}

impl Spec {
    pub(super) const fn open(self, open: Open) -> Spec {
        Spec { open, ..self }
    }
    pub(super) const fn person(self, person: &'static str) -> Spec {
        Spec { person, ..self }
    }
    pub(super) const fn workflow(self, w: &'static dyn Workflow) -> Spec {
        Spec {
            workflow: Some(w),
            ..self
        }
    }
    pub(super) const fn editor(self, editor: &'static dyn Editor) -> Spec {
        Spec {
            rows: Rows::Records(Some(editor)),
            ..self
        }
    }
    pub(super) const fn worklist(self, is: View, lacks: View) -> Spec {
        Spec {
            rows: Rows::Worklist { is, lacks },
            ..self
        }
    }
    pub(super) const fn panel(self, panel: Option<PanelKind>) -> Spec {
        Spec { panel, ..self }
    }
    pub(super) const fn note(self, key: &'static str) -> Spec {
        Spec {
            form_note: Some(key),
            ..self
        }
    }
}

/// The panel most views of a tab show.
const fn tab_panel(tab: Tab) -> Option<PanelKind> {
    match tab {
        Tab::Staff => None,
        Tab::Career => Some(PanelKind::Career),
        Tab::Evaluation => Some(PanelKind::Evaluation),
        Tab::Placement => Some(PanelKind::Placement),
        Tab::Training => Some(PanelKind::Training),
        Tab::Awards => Some(PanelKind::Awards),
        Tab::Compliance => Some(PanelKind::Compliance),
        Tab::Pdca => Some(PanelKind::Pdca),
    }
}

pub(super) const fn page(tab: Tab, name: &'static str, panel: PanelKind) -> Spec {
    Spec {
        body: Body::Page(name),
        tab,
        open: Open::All,
        rows: Rows::Records(None),
        person: "staff_id",
        workflow: None,
        form_note: None,
        panel: Some(panel),
    }
}
