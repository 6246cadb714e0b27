//! What the challenge themes suggest for the performance rating: the first evaluator
//! starts from it (and may depart from it).

use super::evaluation::Grade;
use super::theme::Theme;

/// The suggestion of challenge themes for the performance rating: achievement weighted
/// by each theme's share and lifted by its difficulty (standard 1.0, easier 0.9, harder
/// 1.2), as a score and the grade it points to. `None` until every theme is judged.
pub fn theme_suggestion(themes: &[Theme]) -> Option<(f64, Grade)> {
    if themes.is_empty() || themes.iter().any(|t| t.achievement.is_none()) {
        return None;
    }
    let score: f64 = themes
        .iter()
        .map(|t| {
            let lift = match t.difficulty {
                1 => 0.9,
                3 => 1.2,
                _ => 1.0,
            };
            t.achievement.unwrap_or(0) as f64 * lift * t.weight as f64 / 100.0
        })
        .sum();
    let grade = match score {
        s if s >= 115.0 => Grade::S,
        s if s >= 105.0 => Grade::A,
        s if s >= 85.0 => Grade::B,
        s if s >= 60.0 => Grade::C,
        _ => Grade::D,
    };
    Some(((score * 10.0).round() / 10.0, grade))
}
