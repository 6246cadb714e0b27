//! The machine under every subject of the store: records with their versions and audit
//! rows (`record`, `audit`), lists filtered, sorted and read a window at a time (`list`,
//! `col`) and the cells they hand out (`cell`); what goes wrong (`error`); the file, its
//! upkeep, its backups and the staging a whole new file is built in; and files created
//! with private modes (`files`). The subjects (`store::staff`, `store::evaluation` …) are
//! written on it.

pub(super) mod audit;
pub(super) mod backups;
pub(super) mod cell;
pub(super) mod col;
pub(super) mod constraints;
pub(super) mod error;
pub mod files;
pub(super) mod list;
pub(super) mod record;
pub(super) mod staging;
pub(super) mod upkeep;
