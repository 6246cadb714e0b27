//! The units a picker offers: the tree of the units in force (office › department ›
//! section › team), branches opened and closed by ←/→, or, once something is typed, the
//! units whose name, code or reading match, each with its path.

use std::collections::{HashMap, HashSet};

use super::PickRow;
use crate::app::search::{Needle, needle};
use crate::domain::unit::{Unit, UnitKind};
use crate::domain::{Date, Id};

pub struct UnitTree {
    /// The units offered, in code order.
    units: Vec<Unit>,
    by_id: HashMap<Id, usize>,
    /// Each unit's children (by index), in code order; roots under `None`.
    children: HashMap<Option<Id>, Vec<usize>>,
    /// Branches shown open.
    open: HashSet<Id>,
    /// Whether paths leave out the office (a ward of one office needs no 区役所 in
    /// front of every path).
    one_office: bool,
}

impl UnitTree {
    /// The units in force on `day` (set up by then and not abolished), or every unit when
    /// none is; offices and departments open, and the path to `current` (a unit code).
    pub fn new(all: Vec<Unit>, day: Date, current: &str) -> UnitTree {
        let in_force: Vec<Unit> = all
            .iter()
            .filter(|u| u.founded_by(day) && u.valid_to.is_none_or(|to| to > day))
            .cloned()
            .collect();
        let units = if in_force.is_empty() { all } else { in_force };
        let by_id: HashMap<Id, usize> = units.iter().enumerate().map(|(i, u)| (u.id, i)).collect();
        let mut children: HashMap<Option<Id>, Vec<usize>> = HashMap::new();
        for (i, u) in units.iter().enumerate() {
            // A unit whose parent is not offered stands at the top.
            let parent = u.parent_id.filter(|p| by_id.contains_key(p));
            children.entry(parent).or_default().push(i);
        }
        let open = units
            .iter()
            .filter(|u| matches!(u.kind, UnitKind::Office | UnitKind::Department))
            .map(|u| u.id)
            .collect();
        let one_office = units.iter().filter(|u| u.kind == UnitKind::Office).count() <= 1;
        let mut tree = UnitTree {
            units,
            by_id,
            children,
            open,
            one_office,
        };
        if let Some(i) = tree.units.iter().position(|u| u.code == current) {
            let mut up = tree.units[i].parent_id;
            while let Some(p) = up.filter(|p| tree.by_id.contains_key(p)) {
                tree.open.insert(p);
                up = tree.units[tree.by_id[&p]].parent_id;
            }
        }
        tree
    }

    fn row(&self, i: usize, second: String) -> PickRow {
        let u = &self.units[i];
        PickRow {
            value: u.code.clone(),
            name: u.name.clone(),
            cells: vec![u.code.clone(), second],
            unit: Some(u.id),
        }
    }

    /// The tree as shown: each open branch's children under it, indented.
    pub fn rows(&self) -> Vec<PickRow> {
        let mut out = Vec::new();
        let mut stack: Vec<(usize, usize)> = self
            .children
            .get(&None)
            .map(|c| c.iter().rev().map(|&i| (i, 0)).collect())
            .unwrap_or_default();
        while let Some((i, depth)) = stack.pop() {
            let u = &self.units[i];
            let kids = self.children.get(&Some(u.id));
            let open = self.open.contains(&u.id);
            let mark = match kids {
                Some(_) if open => "▾ ",
                Some(_) => "▸ ",
                None => "  ",
            };
            out.push(self.row(i, format!("{}{mark}{}", "  ".repeat(depth), u.name)));
            if open && let Some(kids) = kids {
                stack.extend(kids.iter().rev().map(|&k| (k, depth + 1)));
            }
        }
        out
    }

    /// The units whose code starts with what is typed, or whose name or reading holds it
    /// (kanji, kana or romaji): an exact code first, then codes that start with it, then
    /// the rest, each in code order; each shown with its path.
    pub fn search(&self, text: &str) -> Vec<PickRow> {
        let typed = text.trim().to_ascii_uppercase();
        let n = needle(text);
        let mut hits: Vec<(u8, usize)> = Vec::new();
        for (i, u) in self.units.iter().enumerate() {
            let code = u.code.to_ascii_uppercase();
            let rank = if !typed.is_empty() && code == typed {
                0
            } else if !typed.is_empty() && code.starts_with(&typed) {
                1
            } else if match &n {
                Some(Needle::Kana { exact, folded }) => {
                    exact.iter().any(|k| u.kana.contains(k.as_str()))
                        || crate::domain::reading::fold(&u.kana).contains(folded.as_str())
                }
                Some(Needle::Name(s)) => u.name.contains(s.as_str()),
                Some(Needle::Number(d)) => u.code.starts_with(d.as_str()),
                None => false,
            } {
                2
            } else {
                continue;
            };
            hits.push((rank, i));
        }
        hits.sort();
        hits.into_iter()
            .map(|(_, i)| self.row(i, self.path(i)))
            .collect()
    }

    /// `区民部 › 戸籍住民課`: the unit's name after those of the units above it.
    fn path(&self, i: usize) -> String {
        let mut names = vec![self.units[i].name.as_str()];
        let mut up = self.units[i].parent_id;
        while let Some(&p) = up.and_then(|p| self.by_id.get(&p)) {
            let u = &self.units[p];
            if !(self.one_office && u.kind == UnitKind::Office) {
                names.push(u.name.as_str());
            }
            up = u.parent_id;
        }
        names.reverse();
        names.join(" › ")
    }

    /// ←: an open branch closes; otherwise the selection goes to the unit above.
    /// Returns the unit to select.
    pub fn close(&mut self, id: Id) -> Id {
        if self.children.contains_key(&Some(id)) && self.open.remove(&id) {
            return id;
        }
        self.by_id
            .get(&id)
            .and_then(|&i| self.units[i].parent_id)
            .filter(|p| self.by_id.contains_key(p))
            .unwrap_or(id)
    }

    /// →: a closed branch opens.
    pub fn open(&mut self, id: Id) {
        if self.children.contains_key(&Some(id)) {
            self.open.insert(id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(
        id: Id,
        code: &str,
        name: &str,
        kana: &str,
        parent: Option<Id>,
        kind: UnitKind,
    ) -> Unit {
        Unit {
            id,
            code: code.into(),
            name: name.into(),
            kana: kana.into(),
            parent_id: parent,
            kind,
            valid_from: None,
            valid_to: None,
            version: 1,
        }
    }

    fn ward() -> Vec<Unit> {
        vec![
            unit(
                1,
                "1",
                "中央区役所",
                "チュウオウクヤクショ",
                None,
                UnitKind::Office,
            ),
            unit(2, "12", "区民部", "クミンブ", Some(1), UnitKind::Department),
            unit(
                3,
                "1203",
                "戸籍住民課",
                "コセキジュウミンカ",
                Some(2),
                UnitKind::Section,
            ),
            unit(
                4,
                "120301",
                "戸籍係",
                "コセキカカリ",
                Some(3),
                UnitKind::Team,
            ),
            unit(
                5,
                "1204",
                "保険年金課",
                "ホケンネンキンカ",
                Some(2),
                UnitKind::Section,
            ),
        ]
    }

    fn day() -> Date {
        Date::from_ymd(2026, 11, 24)
    }

    #[test]
    fn shows_sections_and_opens_the_path_to_the_current_unit() {
        let t = UnitTree::new(ward(), day(), "");
        let codes: Vec<String> = t.rows().into_iter().map(|r| r.value).collect();
        assert_eq!(codes, ["1", "12", "1203", "1204"]);
        let t = UnitTree::new(ward(), day(), "120301");
        let rows = t.rows();
        assert_eq!(rows.len(), 5);
        assert_eq!(rows[3].cells[1], "        戸籍係");
        assert_eq!(rows[2].cells[1], "    ▾ 戸籍住民課");
    }

    #[test]
    fn finds_by_code_name_kana_and_romaji_with_the_path() {
        let t = UnitTree::new(ward(), day(), "");
        let first = |s: &str| t.search(s).first().map(|r| r.value.clone());
        assert_eq!(first("1203").as_deref(), Some("1203"));
        assert_eq!(first("戸籍住民").as_deref(), Some("1203"));
        assert_eq!(first("こせきじゅう").as_deref(), Some("1203"));
        assert_eq!(first("kosekiju").as_deref(), Some("1203"));
        assert_eq!(t.search("1203")[0].cells[1], "区民部 › 戸籍住民課");
        assert!(t.search("存在しない").is_empty());
    }

    #[test]
    fn leaves_out_abolished_units_unless_none_is_left() {
        let mut all = ward();
        all[4].valid_to = Some(Date::from_ymd(2026, 4, 1));
        let t = UnitTree::new(all.clone(), day(), "");
        assert!(t.search("保険").is_empty());
        for u in &mut all {
            u.valid_to = Some(Date::from_ymd(2026, 4, 1));
        }
        assert_eq!(UnitTree::new(all, day(), "").search("保険").len(), 1);
    }

    #[test]
    fn left_closes_then_climbs_and_right_opens() {
        let mut t = UnitTree::new(ward(), day(), "");
        assert_eq!(t.close(2), 2);
        assert_eq!(t.rows().len(), 2);
        assert_eq!(t.close(2), 1);
        t.open(2);
        t.open(3);
        assert_eq!(t.rows().len(), 5);
    }
}
