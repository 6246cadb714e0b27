//! Conversion between domain values and SQLite values, kept inside the store.

use rusqlite::types::{FromSqlError, ToSqlOutput, Value, ValueRef};

use crate::domain::Date;

pub trait Col: Sized {
    fn to_sql(&self) -> Value;
    fn from_sql(v: ValueRef<'_>) -> Result<Self, FromSqlError>;
    /// The value for binding, borrowed where it can be (bulk inserts bind millions).
    fn bind(&self) -> ToSqlOutput<'_> {
        ToSqlOutput::Owned(self.to_sql())
    }
}

impl Col for String {
    fn to_sql(&self) -> Value {
        Value::Text(self.clone())
    }
    fn bind(&self) -> ToSqlOutput<'_> {
        ToSqlOutput::Borrowed(ValueRef::Text(self.as_bytes()))
    }
    fn from_sql(v: ValueRef<'_>) -> Result<Self, FromSqlError> {
        Ok(v.as_str()?.to_string())
    }
}

impl Col for i64 {
    fn to_sql(&self) -> Value {
        Value::Integer(*self)
    }
    fn from_sql(v: ValueRef<'_>) -> Result<Self, FromSqlError> {
        v.as_i64()
    }
}

impl Col for i32 {
    fn to_sql(&self) -> Value {
        Value::Integer(*self as i64)
    }
    fn from_sql(v: ValueRef<'_>) -> Result<Self, FromSqlError> {
        i32::try_from(v.as_i64()?).map_err(|_| FromSqlError::OutOfRange(0))
    }
}

impl Col for f64 {
    fn to_sql(&self) -> Value {
        Value::Real(*self)
    }
    fn from_sql(v: ValueRef<'_>) -> Result<Self, FromSqlError> {
        match v {
            ValueRef::Integer(i) => Ok(i as f64),
            v => v.as_f64(),
        }
    }
}

impl Col for bool {
    fn to_sql(&self) -> Value {
        Value::Integer(*self as i64)
    }
    fn from_sql(v: ValueRef<'_>) -> Result<Self, FromSqlError> {
        Ok(v.as_i64()? != 0)
    }
}

impl Col for Date {
    fn to_sql(&self) -> Value {
        Value::Text(self.iso())
    }
    fn from_sql(v: ValueRef<'_>) -> Result<Self, FromSqlError> {
        v.as_str()?
            .parse()
            .map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}

impl<T: Col> Col for Option<T> {
    fn to_sql(&self) -> Value {
        match self {
            Some(v) => v.to_sql(),
            None => Value::Null,
        }
    }
    fn bind(&self) -> ToSqlOutput<'_> {
        match self {
            Some(v) => v.bind(),
            None => ToSqlOutput::Owned(Value::Null),
        }
    }
    fn from_sql(v: ValueRef<'_>) -> Result<Self, FromSqlError> {
        match v {
            ValueRef::Null => Ok(None),
            v => T::from_sql(v).map(Some),
        }
    }
}

/// Code enums are stored as their code.
macro_rules! col_enum {
    ($($t:ty),+ $(,)?) => {$(
        impl Col for $t {
            fn to_sql(&self) -> Value {
                Value::Text(self.code().to_string())
            }
            fn bind(&self) -> ToSqlOutput<'_> {
                ToSqlOutput::Borrowed(ValueRef::Text(self.code().as_bytes()))
            }
            fn from_sql(v: ValueRef<'_>) -> Result<Self, FromSqlError> {
                let s = v.as_str()?;
                <$t>::from_code(s).ok_or_else(|| FromSqlError::Other(format!("unknown code {s:?}").into()))
            }
        }
    )+};
}

use crate::domain::{
    account::Role,
    assignment::Reason,
    award::{AwardKind, AwardState},
    career::TransferWish,
    compliance::{IncidentKind, IncidentStatus},
    employment::EmploymentKind,
    evaluation::{BoardDecision, EvalKind, EvalState, Grade, Response, Term},
    grievance::ConsultationEnding,
    pdca::Phase,
    staff::{JobType, Position, Sex, StaffStatus, Track},
    training::{CourseCategory, EnrolmentState, RequiredPeriod},
    transfer::PlanState,
    unit::UnitKind,
};

col_enum!(
    Role,
    Reason,
    AwardKind,
    AwardState,
    TransferWish,
    IncidentKind,
    IncidentStatus,
    EvalKind,
    EvalState,
    Grade,
    Response,
    BoardDecision,
    ConsultationEnding,
    Term,
    Phase,
    JobType,
    Position,
    Sex,
    StaffStatus,
    Track,
    CourseCategory,
    EnrolmentState,
    RequiredPeriod,
    UnitKind,
    PlanState,
    EmploymentKind,
);
col_enum!(crate::domain::appointment::AppointmentKind);

// Posts and 定数 (`domain::post`).
col_enum!(
    crate::domain::post::AssignmentKind,
    crate::domain::post::PostClass,
);
col_enum!(crate::domain::leave::LeaveKind);

/// Reads column `i` of a row as `T`.
pub fn get<T: Col>(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<T> {
    let v = r.get_ref(i)?;
    T::from_sql(v)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, v.data_type(), Box::new(e)))
}

// Reorganisations (組織改正).
col_enum!(crate::domain::reorg::StepKind);

// Promotion selection (`domain::exam`).
col_enum!(
    crate::domain::exam::ExamState,
    crate::domain::exam::AppliedVia,
    crate::domain::exam::ExamResult,
);
