//! What reaches the terminal: snapshots of the screens and the real binary in a pseudo-terminal.

/// The real binary in a pseudo-terminal, typed at key by key.
mod e2e;
/// Promotion selection: a round's moves, applying oneself, an entry from 受験資格.
mod exams;
/// The smallest screen a clerk works on (80×24): every tab and key in view, steady columns.
mod narrow;
/// A paste of several lines and the IME's cursor, in the real binary.
mod paste;
/// 定数・現員 on a chosen day, and a row's detail, in Japanese and English.
mod posts;
/// The 組織改正 views, in Japanese and English.
mod reorg;
/// The year-end 定年退職 from its list, in Japanese and English.
mod retire;
/// Snapshots of the screens in Japanese and English (ui/snapshots/).
mod screens;
