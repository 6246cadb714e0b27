//! A workflow's moves as a menu offers them, decided once for the screens and the
//! command line alike: open to this person now, or one the record is ready for that is
//! someone else's to make, with the reason.

use super::Invalid;

#[derive(Debug, Clone, PartialEq)]
pub enum Choice<M> {
    Open(M),
    /// Ready, but not for this person: the reason says whose it is.
    Blocked(M, Invalid),
}

impl<M: Copy> Choice<M> {
    pub fn open(&self) -> Option<M> {
        match self {
            Choice::Open(m) => Some(*m),
            Choice::Blocked(..) => None,
        }
    }
}

/// Each of `all` in order: open where `check(m, mine)` passes for this person (`mine`),
/// blocked where it fails for them but passes for anyone (`!mine`), left out where the
/// record is not ready for it at all.
pub fn choices<M: Copy>(
    all: &[M],
    check: impl Fn(M, bool) -> Result<(), Invalid>,
) -> Vec<Choice<M>> {
    all.iter()
        .copied()
        .filter_map(|m| match check(m, true) {
            Ok(()) => Some(Choice::Open(m)),
            Err(inv) if check(m, false).is_ok() => Some(Choice::Blocked(m, inv)),
            Err(_) => None,
        })
        .collect()
}

/// Only the moves open to this person.
pub fn open<M: Copy>(choices: &[Choice<M>]) -> Vec<M> {
    choices.iter().filter_map(Choice::open).collect()
}
