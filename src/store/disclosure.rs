//! The disclosure rule (`domain::disclosure`) as SQL, for lists, counts and exports that
//! read evaluations in bulk. The conditions are made from the domain's rule itself, by
//! asking it about every relation and state, so the two cannot drift apart.

use crate::domain::Id;
use crate::domain::disclosure::{Reader, Relation, Stage, sees};
use crate::domain::evaluation::EvalState;

/// The condition that `reader` sees `stage` of the evaluation row aliased `e`: `1` for
/// the office, else a `CASE` over the reader's place in the row's chain and its state.
pub(crate) fn seen(reader: Reader, stage: Stage, e: &str) -> String {
    let Reader::Person(me) = reader else {
        return "1".into();
    };
    let states = |rel: Relation| {
        let codes: Vec<String> = EvalState::ALL
            .iter()
            .filter(|&&s| sees(rel, s, stage))
            .map(|s| format!("'{}'", s.code()))
            .collect();
        match codes.len() {
            0 => "0".to_string(),
            n if n == EvalState::ALL.len() => "1".to_string(),
            _ => format!("{e}.state IN ({})", codes.join(",")),
        }
    };
    let Some(me) = me else {
        return states(Relation::Other);
    };
    let col = |rel: Relation| match rel {
        Relation::Evaluatee => "staff_id",
        Relation::Second => "evaluator2_id",
        Relation::First => "evaluator1_id",
        Relation::Other => unreachable!("the ELSE branch"),
    };
    let mut sql = String::from("(CASE");
    for rel in Relation::ALL.into_iter().filter(|r| *r != Relation::Other) {
        sql.push_str(&format!(
            " WHEN {e}.{} = {me} THEN {}",
            col(rel),
            states(rel)
        ));
    }
    sql.push_str(&format!(" ELSE {} END)", states(Relation::Other)));
    sql
}

/// The condition that `reader` sees the first evaluator's side of the challenge theme
/// aliased `t`: as the first stage of the person's performance evaluation of that year
/// (`Theme::as_seen_by`).
pub(crate) fn theme_seen(reader: Reader, t: &str) -> String {
    let Reader::Person(me) = reader else {
        return "1".into();
    };
    let without = match me {
        Some(me) => format!("{t}.staff_id <> {me}"),
        None => "0".into(),
    };
    format!(
        "coalesce((SELECT {} FROM evaluations te JOIN eval_periods tp ON tp.id = te.period_id
          WHERE te.staff_id = {t}.staff_id AND tp.fiscal_year = {t}.fiscal_year
            AND tp.kind = 'performance' AND tp.term = 'full'), {without})",
        seen(reader, Stage::First, "te")
    )
}

/// The grade a chart counts for an evaluation row `e`: the final grade, else the latest
/// rating so far, each only where `reader` sees it.
pub(crate) fn latest_grade(reader: Reader, e: &str) -> String {
    if reader == Reader::Office {
        return format!("coalesce({e}.grade, {e}.second_rating, {e}.first_rating)");
    }
    format!(
        "coalesce(CASE WHEN {} THEN {e}.grade END, CASE WHEN {} THEN {e}.second_rating END,
                  CASE WHEN {} THEN {e}.first_rating END)",
        seen(reader, Stage::Final, e),
        seen(reader, Stage::Second, e),
        seen(reader, Stage::First, e)
    )
}

/// Fills in `{seen:STAGE:ALIAS}` (a stage of an evaluation row), `{theme_seen:ALIAS}`
/// (the evaluator's side of a theme row) and `{grade:ALIAS}` (a chart's grade) for
/// `reader`. Everything put in is made here from ids and codes, never from user text.
pub(crate) fn bind(sql: &str, reader: Reader) -> String {
    let mut out = sql.to_string();
    let mut from = 0;
    while let Some(i) = out[from..].find('{').map(|i| i + from) {
        let Some(len) = out[i..].find('}') else { break };
        let inner = &out[i + 1..i + len];
        let made = match inner.split(':').collect::<Vec<_>>()[..] {
            ["seen", stage, alias] => stage_of(stage).map(|s| seen(reader, s, alias)),
            ["theme_seen", alias] => Some(theme_seen(reader, alias)),
            ["grade", alias] => Some(latest_grade(reader, alias)),
            _ => None,
        };
        match made {
            Some(m) => {
                out.replace_range(i..=i + len, &m);
                from = i + m.len();
            }
            None => from = i + 1,
        }
    }
    out
}

fn stage_of(name: &str) -> Option<Stage> {
    Some(match name {
        "own" => Stage::Own,
        "first" => Stage::First,
        "second" => Stage::Second,
        "final" => Stage::Final,
        "response" => Stage::Response,
        _ => return None,
    })
}

/// A reader who is this person (tests and tools).
pub fn person(id: Id) -> Reader {
    Reader::Person(Some(id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::evaluation::Evaluation;

    /// The SQL made from the rule gives the rule's answer for every place in the chain,
    /// state and stage.
    #[test]
    fn the_sql_says_what_the_rule_says() {
        let db = rusqlite::Connection::open_in_memory().unwrap();
        db.execute_batch(
            "CREATE TABLE e (staff_id INT, evaluator1_id INT, evaluator2_id INT, state TEXT)",
        )
        .unwrap();
        let me = 7;
        let mut checked = 0;
        for (who, (staff, ev1, ev2)) in [
            (10, 20, 30),
            (7, 20, 30),
            (10, 7, 30),
            (10, 20, 7),
            (10, 7, 7),
        ]
        .into_iter()
        .enumerate()
        {
            for &state in EvalState::ALL {
                let mut e = Evaluation::draft(1, staff, Some(ev1), Some(ev2));
                e.state = state;
                db.execute("DELETE FROM e", []).unwrap();
                db.execute(
                    "INSERT INTO e VALUES (?1, ?2, ?3, ?4)",
                    rusqlite::params![staff, ev1, ev2, state.code()],
                )
                .unwrap();
                for reader in [Reader::Office, person(me), Reader::Person(None)] {
                    for stage in Stage::ALL {
                        let sql = format!("SELECT {} FROM e", seen(reader, stage, "e"));
                        let got: bool = db.query_row(&sql, [], |r| r.get(0)).unwrap();
                        assert_eq!(
                            got,
                            reader.sees(&e, stage),
                            "case {who}, {state:?}, {reader:?}, {stage:?}"
                        );
                        checked += 1;
                    }
                }
            }
        }
        assert_eq!(checked, 5 * 6 * 3 * 5);
    }

    #[test]
    fn placeholders_are_filled_and_other_braces_left() {
        let sql = bind(
            "CASE WHEN {seen:first:t} THEN t.first_rating END, '{x}'",
            Reader::Office,
        );
        assert_eq!(sql, "CASE WHEN 1 THEN t.first_rating END, '{x}'");
        let sql = bind("{seen:final:t}", person(3));
        assert!(
            sql.contains("t.staff_id = 3") && !sql.contains('{'),
            "{sql}"
        );
    }
}
