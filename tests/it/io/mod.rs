//! Files in and out: imports, exports, reports and restores, read back as another program would.

/// 任用 in the staff file: kinds, hours and terms read back, the 定年退職日 derived.
mod employment;
/// Files `jinji export` writes: XLSX, CSV in UTF-8 and CP932, their creation.
mod export_files;
/// Ctrl-c during a real import leaves the database as it was.
mod import_cancel;
/// `jinji import` from CSV and XLSX: errors by FILE:ROW:COLUMN, all or nothing.
mod import_files;
/// `jinji restore`, `jinji check` and `jinji report` workbooks.
mod reports_restore;
