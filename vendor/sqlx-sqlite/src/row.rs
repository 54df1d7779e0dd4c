#![allow(clippy::rc_buffer)]

use std::cell::Cell;
use std::slice;
use std::sync::Arc;

use sqlx_core::column::ColumnIndex;
use sqlx_core::error::Error;
use sqlx_core::ext::ustr::UStr;
use sqlx_core::row::{debug_row, Row};
use libsqlite3_sys::{
    sqlite3_value_blob, sqlite3_value_bytes, sqlite3_value_int64, sqlite3_value_type, SQLITE_BLOB,
    SQLITE_INTEGER, SQLITE_NULL, SQLITE_TEXT,
};
use sqlx_core::HashMap;

use crate::statement::StatementHandle;
use crate::value::Stored;
use crate::{Sqlite, SqliteColumn, SqliteValue, SqliteValueRef};

/// Implementation of [`Row`] for SQLite.
///
/// Travel Planner's patch: a row keeps its values itself instead of a `sqlite3_value_dup` of
/// each (one or two allocations per column, through SQLite's allocator, and as many frees).
/// NULLs and integers are kept as they are, and the bytes of every TEXT and BLOB value are
/// copied into one buffer for the whole row; a REAL is still duplicated (its conversion to text
/// follows SQLite's own formatting, which this copy does not repeat). What a row gives out is
/// what the duplicated values gave (see `value::Stored`).
pub struct SqliteRow {
    pub(crate) values: Box<[Stored]>,
    bytes: Box<[u8]>,
    pub(crate) columns: Arc<Vec<SqliteColumn>>,
    pub(crate) column_names: Arc<HashMap<UStr, usize>>,
}

// Accessing values from the statement object is
// safe across threads as long as we don't call [sqlite3_step]

// we block ourselves from doing that by only exposing
// a set interface on [StatementHandle]

unsafe impl Send for SqliteRow {}
unsafe impl Sync for SqliteRow {}

impl SqliteRow {
    pub(crate) fn current(
        statement: &StatementHandle,
        columns: &Arc<Vec<SqliteColumn>>,
        column_names: &Arc<HashMap<UStr, usize>>,
    ) -> Self {
        /// A buffer grown past this is let go rather than kept for the thread's next row.
        const KEPT: usize = 64 * 1024;
        thread_local! {
            static BYTES: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
        }
        let size = statement.column_count();
        let mut values = Vec::with_capacity(size);
        // The row's texts and blobs are gathered in a buffer the thread keeps, then copied
        // once into one of their total length.
        let mut bytes = BYTES.take();
        bytes.clear();
        for i in 0..size {
            // Read through the column's value, as SQLite holds it: `sqlite3_column_*` would
            // take the connection's mutex for each call, and `_text` would give the text a
            // terminating NUL first (a copy, when the text is read from a database page).
            let raw = statement.column_value(i);
            let value = match unsafe { sqlite3_value_type(raw) } {
                SQLITE_NULL => Stored::Null,
                SQLITE_INTEGER => {
                    Stored::Integer(unsafe { sqlite3_value_int64(raw) }, Default::default())
                }
                code @ (SQLITE_TEXT | SQLITE_BLOB) => {
                    // `_blob` hands out a text's bytes unchanged, then `_bytes` their length.
                    let ptr = unsafe { sqlite3_value_blob(raw) }.cast::<u8>();
                    let len = usize::try_from(unsafe { sqlite3_value_bytes(raw) }).unwrap_or(0);
                    let start = bytes.len();
                    if len > 0 && !ptr.is_null() {
                        bytes.extend_from_slice(unsafe { slice::from_raw_parts(ptr, len) });
                    }
                    let range = start..bytes.len();
                    if code == SQLITE_TEXT {
                        Stored::Text(range)
                    } else {
                        Stored::Blob(range)
                    }
                }
                _ => Stored::Value(unsafe {
                    SqliteValue::dup(raw, Some(columns[i].type_info.clone()))
                }),
            };
            values.push(value);
        }
        let kept: Box<[u8]> = bytes.as_slice().into();
        if bytes.capacity() <= KEPT {
            BYTES.set(bytes);
        }

        Self {
            values: values.into_boxed_slice(),
            bytes: kept,
            columns: Arc::clone(columns),
            column_names: Arc::clone(column_names),
        }
    }
}

impl Row for SqliteRow {
    type Database = Sqlite;

    fn columns(&self) -> &[SqliteColumn] {
        &self.columns
    }

    fn try_get_raw<I>(&self, index: I) -> Result<SqliteValueRef<'_>, Error>
    where
        I: ColumnIndex<Self>,
    {
        let index = index.index(self)?;
        Ok(SqliteValueRef::stored(
            &self.values[index],
            &self.bytes,
            self.columns[index].type_info.clone(),
        ))
    }
}

impl ColumnIndex<SqliteRow> for &'_ str {
    fn index(&self, row: &SqliteRow) -> Result<usize, Error> {
        row.column_names
            .get(*self)
            .ok_or_else(|| Error::ColumnNotFound((*self).into()))
            .copied()
    }
}

impl std::fmt::Debug for SqliteRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        debug_row(self, f)
    }
}

// #[cfg(feature = "any")]
// impl From<SqliteRow> for crate::any::AnyRow {
//     #[inline]
//     fn from(row: SqliteRow) -> Self {
//         crate::any::AnyRow {
//             columns: row.columns.iter().map(|col| col.clone().into()).collect(),
//             kind: crate::any::row::AnyRowKind::Sqlite(row),
//         }
//     }
// }
