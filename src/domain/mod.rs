//! Plain types of the ward's records and their validation. Knows nothing of storage or UI.

pub mod account;
pub mod appointment;
pub mod assignment;
pub mod award;
pub mod calendar;
pub mod career;
pub mod chars;
pub mod choice;
pub mod compliance;
pub mod date;
pub mod disclosure;
pub mod employment;
pub mod eval_flow;
pub mod evaluation;
pub mod exam;
pub mod grievance;
pub mod holidays;
pub mod leave;
pub mod normalize;
pub mod pdca;
pub mod pdca_flow;
pub mod plan_check;
pub mod post;
pub mod post_limit;
pub mod reading;
pub mod reorg;
pub mod retirement;
pub mod staff;
pub mod steps;
pub mod suggestion;
pub mod survey;
pub mod theme;
pub mod training;
pub mod transfer;
pub mod unit;
pub mod validate;

pub use date::{Date, DateProblem, FiscalYear};
pub use validate::{Check, FieldError, Invalid, Problem};

/// Row id. `0` means "not saved yet".
pub type Id = i64;

/// Declares an enum stored as a stable snake_case code (the code is the contract for
/// files and the database; labels for people come from the i18n catalogues).
#[macro_export]
macro_rules! code_enum {
    ($(#[$m:meta])* pub enum $name:ident { $($var:ident = $code:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name { $(#[serde(rename = $code)] $var),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$var),+];
            pub const CODES: &'static [&'static str] = &[$($code),+];
            pub fn code(self) -> &'static str {
                match self { $($name::$var => $code),+ }
            }
            pub fn from_code(s: &str) -> Option<Self> {
                match s { $($code => Some($name::$var),)+ _ => None }
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

/// Anything that can check itself before it is stored.
pub trait Validate {
    fn validate(&self) -> Result<(), Invalid>;
}
