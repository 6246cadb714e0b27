//! Awards: nominations and decisions; recipients (several for a group award).

use super::machine::record::{record, select_list};
use super::{Db, Filter, Record, Result};
use crate::domain::award::{Award, AwardKind, AwardRecipient, AwardState};
use crate::domain::staff::{Staff, StaffStatus};
use crate::domain::{Date, FiscalYear, Id, Invalid, Problem};

record!(
    Award,
    "awards",
    [
        kind,
        fiscal_year,
        title,
        achievement,
        group_name,
        unit_id,
        state,
        nominated_on,
        nominated_by,
        decided_on,
        decided_by,
        awarded_on,
    ]
);
record!(AwardRecipient, "award_recipients", [award_id, staff_id], {
    fn check_stored(&self, db: &Db) -> Result<()> {
        let staff: Staff = match db.find(self.staff_id)? {
            Some(s) => s,
            None => return Err(Invalid::one("staff_no", Problem::Unknown).into()),
        };
        let award: Award = match db.find(self.award_id)? {
            Some(a) => a,
            None => return Err(Invalid::one("award", Problem::Unknown).into()),
        };
        if staff.status == StaffStatus::Retired && !award.state.is_decided() {
            return Err(Invalid::one(
                "staff_no",
                Problem::Rule {
                    rule: "award_retired",
                },
            )
            .into());
        }
        // Long service is earned: the years must be real by the nomination date.
        if let Some(years) = award.kind.service_years()
            && award.nominated_on.years_since(db.service_from(
                staff.id,
                staff.hire_date,
                award.nominated_on,
            )?) < years
        {
            return Err(Invalid::one(
                "staff_no",
                Problem::Rule {
                    rule: "long_service_years",
                },
            )
            .into());
        }
        Ok(())
    }
});

impl Db {
    pub fn awards_in(&self, fy: FiscalYear) -> Result<Vec<Award>> {
        self.all(vec![Filter::eq("fiscal_year", fy)], "nominated_on")
    }

    pub fn award_recipients(&self, award_id: Id) -> Result<Vec<AwardRecipient>> {
        self.all(vec![Filter::eq("award_id", award_id)], "id")
    }

    /// Makes the award's recipients exactly `staff` (adding and removing, each audited).
    pub fn set_award_recipients(&self, award_id: Id, staff: &[Id]) -> Result<()> {
        self.write(|| {
            let current = self.award_recipients(award_id)?;
            for r in current.iter().filter(|r| !staff.contains(&r.staff_id)) {
                self.delete::<AwardRecipient>(r.id, r.version)?;
            }
            for &s in staff
                .iter()
                .filter(|s| !current.iter().any(|r| r.staff_id == **s))
            {
                let mut r = AwardRecipient {
                    id: 0,
                    award_id,
                    staff_id: s,
                    version: 0,
                };
                self.insert(&mut r)?;
            }
            Ok(())
        })
    }

    /// Creates an award with its recipients in one transaction.
    pub fn insert_award(&self, award: &mut Award, staff: &[Id]) -> Result<()> {
        self.write(|| {
            self.insert(award)?;
            for &s in staff {
                let mut r = AwardRecipient {
                    id: 0,
                    award_id: award.id,
                    staff_id: s,
                    version: 0,
                };
                self.insert(&mut r)?;
            }
            Ok(())
        })
    }

    /// Active staff who complete `years` of service in the year up to `base` (served
    /// `years` on the base date, not yet a year before it) and have no long-service award
    /// of that kind (other than a declined one), by hire date.
    pub fn long_service_candidates(&self, years: i32, base: Date) -> Result<Vec<Staff>> {
        let Some(kind) = AwardKind::long_service(years) else {
            return Err(Invalid::one("service_years", Problem::Malformed).into());
        };
        // Service leaves out the days of the leave kinds the ward's rule names: a person
        // hired earlier who spent such days away may complete the years only now.
        let excluded = self
            .service_excluded_kinds()?
            .iter()
            .map(|k| format!("'{}'", k.code()))
            .collect::<Vec<_>>()
            .join(",");
        let sql = format!(
            "SELECT {} FROM staff s WHERE s.status <> 'retired' AND s.hire_date <= ?1
               AND (s.hire_date > ?3 OR EXISTS (SELECT 1 FROM leaves l
                 WHERE l.staff_id = s.id AND l.kind IN ({excluded}) AND l.start_date <= ?4))
               AND NOT EXISTS (SELECT 1 FROM award_recipients r JOIN awards a ON a.id = r.award_id
                 WHERE r.staff_id = s.id AND a.kind = ?2 AND a.state <> 'declined')
             ORDER BY s.hire_date, s.staff_no",
            select_list::<Staff>("s.")
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let (from, to) = (base.add_years(-years - 1), base.add_years(-years));
        let rows = st.query_map(
            rusqlite::params![to.iso(), kind.code(), from.iso(), base.iso()],
            Staff::from_row,
        )?;
        let mut out = Vec::new();
        for s in rows {
            let s = s?;
            let served_from = self.service_from(s.id, s.hire_date, base)?;
            if served_from > from && served_from <= to {
                out.push(s);
            }
        }
        Ok(out)
    }

    /// Nominates every long-service candidate (HR): one award each, in the fiscal year of
    /// the base date, under `title`, in one transaction. Returns the people nominated.
    pub fn nominate_long_service(
        &self,
        years: i32,
        base: Date,
        title: &str,
        who: super::flow::Actor,
        today: Date,
    ) -> Result<Vec<Staff>> {
        if !who.hr() {
            return Err(Invalid::one(
                "kind",
                Problem::Rule {
                    rule: "awards_hr_only",
                },
            )
            .into());
        }
        let kind = AwardKind::long_service(years)
            .ok_or_else(|| Invalid::one("service_years", Problem::Malformed))?;
        // Long service is nominated once earned, not ahead of the day.
        if base > today {
            return Err(Invalid::one(
                "base_date",
                Problem::Rule {
                    rule: "long_service_future",
                },
            )
            .into());
        }
        self.write(|| {
            let people = self.long_service_candidates(years, base)?;
            for p in &people {
                let mut a = Award {
                    id: 0,
                    kind,
                    fiscal_year: base.fiscal_year(),
                    title: title.to_string(),
                    achievement: String::new(),
                    group_name: String::new(),
                    unit_id: Some(p.unit_id),
                    state: AwardState::Nominated,
                    nominated_on: today,
                    nominated_by: who.account.staff_id,
                    decided_on: None,
                    decided_by: None,
                    awarded_on: None,
                    version: 0,
                };
                self.insert_award(&mut a, &[p.id])?;
            }
            Ok(people)
        })
    }
}
