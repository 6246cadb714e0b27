//! Who may sit the year's promotion selection: every round of the fiscal year, each
//! candidate's verdict read by the store's own rule (`Db::eligibility_counts`), on the
//! demo ward or a city's (`JINJI_BENCH_DB=FILE`, seeded at 100,000 staff). The budget is
//! a second for the whole year's candidates.
//!
//! `cargo bench --bench exams` (`JINJI_BENCH_DB=city.db` for the city). Under
//! `cargo test --benches` it runs once, unreported.

use std::time::{Duration, Instant};

use jinji::demo::{Params, generate};
use jinji::domain::Date;
use jinji::store::{Db, OpenMode};

const BUDGET_MS: f64 = 1000.0;
const RUNS: usize = 7;

fn today() -> Date {
    Date::from_ymd(2026, 11, 24)
}

fn main() {
    let benchmarking = std::env::args().any(|a| a == "--bench");
    let _dir;
    let db = match std::env::var_os("JINJI_BENCH_DB") {
        Some(p) => Db::open(std::path::Path::new(&p), OpenMode::Existing).expect("open"),
        None => {
            _dir = tempfile::tempdir().expect("tempdir");
            let db = Db::open(&_dir.path().join("demo.db"), OpenMode::Create).expect("create");
            generate(&db, &Params::demo(today())).expect("demo");
            db.analyze().expect("analyze");
            db
        }
    };
    let fy = today().fiscal_year();
    let exams = db.exams_of_year(fy).expect("rounds");
    assert!(!exams.is_empty(), "no rounds in {fy}");
    let mut times = Vec::with_capacity(RUNS);
    let mut candidates = 0;
    let mut eligible = 0;
    for _ in 0..if benchmarking { RUNS } else { 1 } {
        let t = Instant::now();
        candidates = 0;
        eligible = 0;
        for x in &exams {
            for (v, n) in db.eligibility_counts(x.id).expect("counts") {
                candidates += n;
                if v == jinji::domain::exam::Verdict::Eligible {
                    eligible += n;
                }
            }
        }
        times.push(t.elapsed());
    }
    if !benchmarking {
        return;
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let median = ms(times[times.len() / 2]);
    println!(
        "eligibility of FY{fy}'s {} rounds: {candidates} candidates, {eligible} eligible",
        exams.len()
    );
    println!(
        "  median {median:.0} ms  min {:.0} ms  max {:.0} ms  budget {BUDGET_MS:.0} ms  {}",
        ms(times[0]),
        ms(times[times.len() - 1]),
        if median < BUDGET_MS { "ok" } else { "OVER" }
    );
}
