-- Employment kinds (任用形態) and the hours of a person's week.
ALTER TABLE staff ADD COLUMN employment_kind TEXT NOT NULL DEFAULT 'regular'
    CHECK (employment_kind IN ('regular','reappointed_full','reappointed_short',
        'pre_retirement_short','provisional_reappointed','fixed_term','temporary',
        'fiscal_year_full','fiscal_year_part'));
ALTER TABLE staff ADD COLUMN weekly_hours REAL NOT NULL DEFAULT 38.75;
CREATE INDEX staff_employment ON staff(employment_kind, status);
