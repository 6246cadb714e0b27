//! Inputs checked for what they are: a staff number of the ward's digits, kana typed in
//! hiragana kept in katakana, emoji refused in names with the character named.

use crate::support::ward;

use jinji::domain::Problem;
use jinji::domain::unit::UnitKind;
use jinji::store::settings::keys;
use ward::*;

/// The fixture ward with the default rule back: seven digits.
fn seven_digit_ward() -> Ward {
    let w = Ward::new();
    w.db.set_rule(keys::STAFF_NO_LENGTH, "7").expect("set");
    w
}

#[test]
fn a_staff_number_has_the_wards_digits() {
    let w = seven_digit_ward();
    let digits = Problem::Digits { digits: 7 };
    for bad in ["123456", "12345678", "A123456", "１２３４５６"] {
        let mut s = staff(bad, w.team_hr, d(2020, 4, 1));
        assert_problem(w.db.insert(&mut s), "staff_no", digits.clone());
    }
    // Full-width digits are read as ASCII, as everywhere else.
    let mut s = staff("２６０００１２", w.team_hr, d(2020, 4, 1));
    w.db.insert(&mut s).expect("seven digits");
    assert_eq!(
        w.db.get::<jinji::domain::staff::Staff>(s.id)
            .unwrap()
            .staff_no,
        "2600012"
    );
    // The import's path (a batch) is checked the same way.
    let mut batch = [staff("26001", w.team_hr, d(2020, 4, 1))];
    assert_problem(
        w.db.insert_many(&mut batch, "import"),
        "staff_no",
        digits.clone(),
    );
    // A number stored before the ward set its length stays editable; a new one must fit.
    let mut old = w.clerk.clone();
    old.phone = "03-0000-0000".into();
    w.db.update(&mut old).expect("an old number kept as it is");
    old.staff_no = "A0999".into();
    assert_problem(w.db.update(&mut old), "staff_no", digits);
    // Another length, and 0 for numbers of any form.
    w.db.set_rule(keys::STAFF_NO_LENGTH, "5").expect("set");
    let mut five = staff("26002", w.team_hr, d(2020, 4, 1));
    w.db.insert(&mut five).expect("five digits");
    assert_eq!(w.db.rule_value(keys::STAFF_NO_LENGTH).unwrap(), 5);
    assert!(w.db.set_rule(keys::STAFF_NO_LENGTH, "13").is_err());
}

#[test]
fn a_units_kana_typed_in_hiragana_is_kept_in_katakana() {
    let w = Ward::new();
    let mut u = unit("D01S09", "企画課", Some(w.dept), UnitKind::Section);
    u.kana = "きかくか".into();
    w.db.insert(&mut u).expect("unit");
    assert_eq!(
        w.db.get::<jinji::domain::unit::Unit>(u.id).unwrap().kana,
        "キカクカ"
    );
    u.kana = "ｷｶｸｶ ﾀﾞｲ2".into();
    w.db.update(&mut u).expect("update");
    assert_eq!(
        w.db.get::<jinji::domain::unit::Unit>(u.id).unwrap().kana,
        "キカクカ ダイ2"
    );
}

#[test]
fn a_persons_kana_typed_in_hiragana_is_kept_in_katakana_on_every_write() {
    let w = Ward::new();
    let mut s = staff("B0101", w.team_hr, d(2020, 4, 1));
    (s.family_kana, s.given_kana) = ("やまだ".into(), "はなこ".into());
    w.db.insert(&mut s).expect("insert");
    let got = w.db.get::<jinji::domain::staff::Staff>(s.id).unwrap();
    assert_eq!(
        (got.family_kana.as_str(), got.given_kana.as_str()),
        ("ヤマダ", "ハナコ")
    );
}

#[test]
fn emoji_in_names_are_refused_naming_them() {
    let w = Ward::new();
    let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}";
    let mut s = staff("B0102", w.team_hr, d(2020, 4, 1));
    s.family_name = format!("山田{family}");
    assert_problem(
        w.db.insert(&mut s),
        "family_name",
        Problem::Emoji {
            shown: family.into(),
        },
    );
    let mut u = unit("D01S08", "企画課\u{1f3e2}", Some(w.dept), UnitKind::Section);
    assert_problem(
        w.db.insert(&mut u),
        "name",
        Problem::Emoji {
            shown: "\u{1f3e2}".into(),
        },
    );
}
