//! Paged, filtered, sorted lists over any record: keyset paging on (sort column, id), so a
//! page costs the same at row 10 as at row 100,000.

use rusqlite::types::Value;

use super::record::{Record, select_list};
use crate::domain::{Date, Id};
use crate::store::{Db, Result, StoreError};

/// A value to filter or page by (the store's own, so callers need no SQLite types).
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

impl From<i64> for Val {
    fn from(v: i64) -> Self {
        Val::Int(v)
    }
}
impl From<i32> for Val {
    fn from(v: i32) -> Self {
        Val::Int(v as i64)
    }
}
impl From<&str> for Val {
    fn from(v: &str) -> Self {
        Val::Text(v.to_string())
    }
}
impl From<String> for Val {
    fn from(v: String) -> Self {
        Val::Text(v)
    }
}
impl From<Date> for Val {
    fn from(v: Date) -> Self {
        Val::Text(v.iso())
    }
}

impl Val {
    fn sql(&self) -> Value {
        match self {
            Val::Null => Value::Null,
            Val::Int(i) => Value::Integer(*i),
            Val::Real(f) => Value::Real(*f),
            Val::Text(s) => Value::Text(s.clone()),
        }
    }
    fn from_sql(v: Value) -> Val {
        match v {
            Value::Null => Val::Null,
            Value::Integer(i) => Val::Int(i),
            Value::Real(f) => Val::Real(f),
            Value::Text(s) => Val::Text(s),
            Value::Blob(_) => Val::Null,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    /// SQL LIKE with the value as pattern.
    Like,
    IsNull,
    NotNull,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Filter {
    pub col: &'static str,
    pub op: Op,
    pub val: Val,
}

impl Filter {
    pub fn eq(col: &'static str, val: impl Into<Val>) -> Self {
        Filter {
            col,
            op: Op::Eq,
            val: val.into(),
        }
    }
    pub fn new(col: &'static str, op: Op, val: impl Into<Val>) -> Self {
        Filter {
            col,
            op,
            val: val.into(),
        }
    }
    pub fn is_null(col: &'static str) -> Self {
        Filter {
            col,
            op: Op::IsNull,
            val: Val::Null,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortDir {
    #[default]
    Asc,
    Desc,
}

/// Where the next page starts: the last row's sort value and id.
#[derive(Debug, Clone, PartialEq)]
pub struct Cursor {
    pub sort: Val,
    pub id: Id,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ListQuery {
    pub filters: Vec<Filter>,
    /// A NOT NULL column of the table, or "id".
    pub sort: &'static str,
    pub dir: SortDir,
    pub after: Option<Cursor>,
    pub limit: usize,
}

impl Default for ListQuery {
    fn default() -> Self {
        ListQuery {
            filters: Vec::new(),
            sort: "id",
            dir: SortDir::Asc,
            after: None,
            limit: 100,
        }
    }
}

impl ListQuery {
    pub fn filter(mut self, f: Filter) -> Self {
        self.filters.push(f);
        self
    }
    pub fn sort(mut self, col: &'static str, dir: SortDir) -> Self {
        self.sort = col;
        self.dir = dir;
        self
    }
    pub fn limit(mut self, n: usize) -> Self {
        self.limit = n;
        self
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub rows: Vec<T>,
    /// `Some` when there are more rows after this page.
    pub next: Option<Cursor>,
}

/// Ids as a literal SQL list (`1,2,3`): ids are integers, so this cannot inject.
pub(crate) fn id_list(ids: &[Id]) -> String {
    ids.iter()
        .map(|u| u.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

fn check_col<T: Record>(col: &str) -> Result<()> {
    if col == "id" || T::COLUMNS.contains(&col) {
        Ok(())
    } else {
        Err(StoreError::Sql(format!("{}: no column {col}", T::TABLE)))
    }
}

/// WHERE clause and parameters for `filters`.
fn where_clause<T: Record>(filters: &[Filter], params: &mut Vec<Value>) -> Result<String> {
    let mut parts = Vec::new();
    for f in filters {
        check_col::<T>(f.col)?;
        let op = match f.op {
            Op::IsNull => {
                parts.push(format!("{} IS NULL", f.col));
                continue;
            }
            Op::NotNull => {
                parts.push(format!("{} IS NOT NULL", f.col));
                continue;
            }
            Op::Eq => "=",
            Op::Ne => "<>",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
            Op::Like => "LIKE",
        };
        params.push(f.val.sql());
        parts.push(format!("{} {op} ?{}", f.col, params.len()));
    }
    Ok(if parts.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", parts.join(" AND "))
    })
}

impl Db {
    pub fn list<T: Record>(&self, q: &ListQuery) -> Result<Page<T>> {
        check_col::<T>(q.sort)?;
        let mut params = Vec::new();
        let mut wh = where_clause::<T>(&q.filters, &mut params)?;
        let (cmp, dir) = match q.dir {
            SortDir::Asc => (">", "ASC"),
            SortDir::Desc => ("<", "DESC"),
        };
        if let Some(c) = &q.after {
            params.push(c.sort.sql());
            params.push(Value::Integer(c.id));
            let n = params.len();
            let cond = if q.sort == "id" {
                format!("id {cmp} ?{n}")
            } else {
                format!("({}, id) {cmp} (?{}, ?{n})", q.sort, n - 1)
            };
            wh = if wh.is_empty() {
                format!("WHERE {cond}")
            } else {
                format!("{wh} AND {cond}")
            };
        }
        let sql = format!(
            "SELECT {} FROM {} {wh} ORDER BY {} {dir}, id {dir} LIMIT {}",
            select_list::<T>(""),
            T::TABLE,
            q.sort,
            q.limit + 1
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let mut rows = st.query(rusqlite::params_from_iter(params))?;
        let mut out = Vec::with_capacity(q.limit.min(1000));
        let mut sort_vals = Vec::new();
        let sort_idx = if q.sort == "id" {
            0
        } else {
            2 + T::COLUMNS.iter().position(|c| *c == q.sort).unwrap_or(0)
        };
        while let Some(r) = rows.next()? {
            if out.len() == q.limit {
                let (sort, id) = sort_vals.pop().unwrap_or((Val::Null, 0));
                return Ok(Page {
                    rows: out,
                    next: Some(Cursor { sort, id }),
                });
            }
            let rec = T::from_row(r)?;
            sort_vals.clear();
            sort_vals.push((Val::from_sql(r.get::<_, Value>(sort_idx)?), rec.id()));
            out.push(rec);
        }
        Ok(Page {
            rows: out,
            next: None,
        })
    }

    pub fn count<T: Record>(&self, filters: &[Filter]) -> Result<i64> {
        let mut params = Vec::new();
        let wh = where_clause::<T>(filters, &mut params)?;
        let sql = format!("SELECT count(*) FROM {} {wh}", T::TABLE);
        Ok(self
            .conn()
            .prepare_cached(&sql)?
            .query_row(rusqlite::params_from_iter(params), |r| r.get(0))?)
    }

    /// Every row matching `filters`, sorted by `sort` (for small, bounded sets).
    pub fn all<T: Record>(&self, filters: Vec<Filter>, sort: &'static str) -> Result<Vec<T>> {
        let q = ListQuery {
            filters,
            sort,
            limit: 1 << 40,
            ..Default::default()
        };
        Ok(self.list(&q)?.rows)
    }
}
