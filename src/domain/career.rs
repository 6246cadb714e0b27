//! Career support (キャリア支援): the yearly self-report (自己申告), qualifications and
//! career interviews.

use super::{Check, Date, FiscalYear, Id, Invalid, Problem, Validate};
use crate::code_enum;

code_enum! {
    /// 異動希望: 現所属に留まりたい / 異動したい / どちらでもよい.
    pub enum TransferWish { Stay = "stay", Move = "move", Either = "either" }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SelfReport {
    pub id: Id,
    pub staff_id: Id,
    pub fiscal_year: FiscalYear,
    pub career_goal: String,
    pub wished_fields: String,
    pub transfer_wish: TransferWish,
    /// 第1〜第3希望所属.
    pub wish_unit1_id: Option<Id>,
    pub wish_unit2_id: Option<Id>,
    pub wish_unit3_id: Option<Id>,
    pub promotion_exam: bool,
    pub self_dev_plan: String,
    /// `None` until handed in.
    pub submitted_on: Option<Date>,
    pub version: i64,
}

impl SelfReport {
    pub fn wish_units(&self) -> [Option<Id>; 3] {
        [self.wish_unit1_id, self.wish_unit2_id, self.wish_unit3_id]
    }
}

impl Validate for SelfReport {
    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::new();
        c.id("staff_no", self.staff_id)
            .fiscal_year("fiscal_year", self.fiscal_year)
            .note("career_goal", &self.career_goal, 1000)
            .note("wished_fields", &self.wished_fields, 400)
            .note("self_dev_plan", &self.self_dev_plan, 1000)
            .opt_date("submitted_on", self.submitted_on);
        let wishes = self.wish_units();
        if self.transfer_wish == TransferWish::Move && wishes[0].is_none() {
            c.add("wish_unit_1", Problem::Required);
        }
        let names = ["wish_unit_1", "wish_unit_2", "wish_unit_3"];
        for i in 1..3 {
            if let Some(u) = wishes[i]
                && wishes[..i].contains(&Some(u))
            {
                c.add(names[i], Problem::Duplicate);
            }
        }
        c.finish()
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Qualification {
    pub id: Id,
    pub staff_id: Id,
    pub name: String,
    pub issuer: String,
    pub acquired_on: Date,
    pub expires_on: Option<Date>,
    pub version: i64,
}

/// How an expiry looks on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expiry {
    None,
    Valid,
    /// Expires within the warning window (default 90 days).
    Soon,
    Expired,
}

impl Qualification {
    pub fn expiry(&self, today: Date, warn_days: i64) -> Expiry {
        match self.expires_on {
            None => Expiry::None,
            Some(e) if e < today => Expiry::Expired,
            Some(e) if e.days_since(today) <= warn_days => Expiry::Soon,
            Some(_) => Expiry::Valid,
        }
    }
}

impl Validate for Qualification {
    fn validate(&self) -> Result<(), Invalid> {
        Check::new()
            .id("staff_no", self.staff_id)
            .text("name", &self.name, 60)
            .opt_text("issuer", &self.issuer, 60)
            .date("acquired_on", self.acquired_on)
            .opt_date("expires_on", self.expires_on)
            .order(
                "acquired_on",
                Some(self.acquired_on),
                "expires_on",
                self.expires_on,
            )
            .finish()
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CareerInterview {
    pub id: Id,
    pub staff_id: Id,
    pub held_on: Date,
    pub interviewer_id: Option<Id>,
    pub notes: String,
    pub version: i64,
}

impl Validate for CareerInterview {
    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::new();
        c.id("staff_no", self.staff_id)
            .date("held_on", self.held_on)
            .note("notes", &self.notes, 4000);
        if self.interviewer_id == Some(self.staff_id) {
            c.add(
                "interviewer",
                Problem::Rule {
                    rule: "own_interviewer",
                },
            );
        }
        c.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expiry_marks_at_the_90_day_boundary() {
        let q = Qualification {
            id: 0,
            staff_id: 1,
            name: "普通自動車第一種運転免許".into(),
            issuer: String::new(),
            acquired_on: Date::from_ymd(2020, 1, 1),
            expires_on: Some(Date::from_ymd(2025, 6, 30)),
            version: 0,
        };
        let e = |d| q.expiry(d, 90);
        assert_eq!(e(Date::from_ymd(2025, 4, 1)), Expiry::Soon); // 90 days
        assert_eq!(e(Date::from_ymd(2025, 3, 31)), Expiry::Valid); // 91 days
        assert_eq!(e(Date::from_ymd(2025, 6, 30)), Expiry::Soon);
        assert_eq!(e(Date::from_ymd(2025, 7, 1)), Expiry::Expired);
    }

    #[test]
    fn a_move_names_a_unit_and_wishes_differ() {
        let mut r = SelfReport {
            id: 0,
            staff_id: 1,
            fiscal_year: 2025,
            career_goal: String::new(),
            wished_fields: String::new(),
            transfer_wish: TransferWish::Move,
            wish_unit1_id: None,
            wish_unit2_id: None,
            wish_unit3_id: None,
            promotion_exam: false,
            self_dev_plan: String::new(),
            submitted_on: None,
            version: 0,
        };
        assert!(r.validate().unwrap_err().has("wish_unit_1"));
        r.wish_unit1_id = Some(3);
        r.wish_unit2_id = Some(3);
        assert!(r.validate().unwrap_err().has("wish_unit_2"));
        r.wish_unit2_id = Some(4);
        assert!(r.validate().is_ok());
    }
}
