//! The lists the screens read: views, paging, order, query plans and worklists.

/// The appointment worklists: 定年退職予定者, 役職定年 対象者, 会計年度任用 任期満了.
mod appointments;
/// Keyset paging: a move reads only the rows new to its window.
mod keyset;
/// Windows read down an index hold the rows of the whole list sorted.
mod order;
/// Keyset paging through `Db::list`, with filters, both directions, ties.
mod paging;
/// Each list's first window is read through its indexes.
mod plans;
/// 定数・現員 as of a day, and units without their head.
mod posts;
/// Each way of finding people goes through an index.
mod query_plans;
/// History under the names units had on its day.
mod reorg;
/// Every view with every filter and sort on the demo ward.
mod views;
/// Worklists and the training and incident registers.
mod worklists;
