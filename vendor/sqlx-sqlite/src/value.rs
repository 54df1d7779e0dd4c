use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;
use std::ptr::NonNull;
use std::slice;
use std::str;
use std::sync::OnceLock;

use libsqlite3_sys::{
    sqlite3_value, sqlite3_value_blob, sqlite3_value_bytes, sqlite3_value_double,
    sqlite3_value_dup, sqlite3_value_free, sqlite3_value_int64, sqlite3_value_type,
};
use sqlx_core::type_info::TypeInfo;
pub(crate) use sqlx_core::value::{Value, ValueRef};

use crate::type_info::DataType;
use crate::{Sqlite, SqliteError, SqliteTypeInfo};

/// An owned handle to a [`sqlite3_value`].
///
/// # Note: Decoding is Stateful
/// The [`sqlite3_value` interface][value-methods] reserves the right to be stateful:
///
/// > Other interfaces might change the datatype for an sqlite3_value object.
/// > For example, if the datatype is initially SQLITE_INTEGER and sqlite3_value_text(V) is called
/// > to extract a text value for that integer, then subsequent calls to sqlite3_value_type(V)
/// > might return SQLITE_TEXT. Whether or not a persistent internal datatype conversion occurs is
/// > undefined and may change from one release of SQLite to the next.
///
/// Thus, this type is `!Sync` and [`SqliteValueRef`] is `!Send` and `!Sync` to prevent data races.
///
/// Additionally, this statefulness means that the return values of `sqlite3_value_bytes()` and
/// `sqlite3_value_blob()` could be invalidated by later calls to other `sqlite3_value*` methods.
///
/// To prevent undefined behavior from accessing dangling pointers, this type (and any
/// [`SqliteValueRef`] instances created from it) remembers when it was used to decode a
/// borrowed `&[u8]` or `&str` and returns an error if it is used to decode any other type.
///
/// To bypass this error, you must prove that no outstanding borrows exist.
///
/// This may be done in one of a few ways:
/// * If you hold mutable access, call [`Self::reset_borrow()`] which resets the borrowed state.
/// * If you have an immutable reference, call [`Self::clone()`] to get a new instance
///   with no outstanding borrows.
/// * If you hold a [`SqliteValueRef`], call [`SqliteValueRef::to_owned()`]
///   to get a new `SqliteValue` with no outstanding borrows.
///
/// This is *only* necessary if using the same `SqliteValue` or [`SqliteValueRef`] to decode
/// multiple different types. The vast majority of use-cases employing once-through decoding
/// should not have to worry about this.
///
/// [`sqlite3_value`]: https://www.sqlite.org/c3ref/value.html
/// [value-methods]: https://www.sqlite.org/c3ref/value_blob.html
pub struct SqliteValue(Repr);

/// Travel Planner's patch: what a [`SqliteValue`] holds — SQLite's value, or (made from a row's
/// value by `to_owned`) a copy of it.
enum Repr {
    Handle(ValueHandle),
    Copied {
        value: Copied,
        column_type: Option<SqliteTypeInfo>,
    },
}

/// A borrowed reference to a [`sqlite3_value`].
///
/// Semantically, this behaves as a reference to [`SqliteValue`].
///
/// # Note: Decoding is Stateful
/// See [`SqliteValue`] for details.
pub struct SqliteValueRef<'r>(RefRepr<'r>);

/// Travel Planner's patch: what a [`SqliteValueRef`] points at — SQLite's value, or one a
/// row keeps itself (`Stored`).
enum RefRepr<'r> {
    Handle(Cow<'r, ValueHandle>),
    Plain {
        value: Plain<'r>,
        column_type: Option<SqliteTypeInfo>,
    },
}

impl SqliteValue {
    // SAFETY: The sqlite3_value must be non-null and SQLite must not free it. It will be freed on drop.
    pub(crate) unsafe fn dup(
        value: *mut sqlite3_value,
        column_type: Option<SqliteTypeInfo>,
    ) -> Self {
        debug_assert!(!value.is_null());
        let handle = ValueHandle::try_dup_of(value, column_type)
            .expect("SQLite failed to allocate memory for duplicated value");
        Self(Repr::Handle(handle))
    }

    /// Prove that there are no outstanding borrows of this instance.
    ///
    /// Call this after decoding a borrowed `&[u8]` or `&str`
    /// to reset the internal borrowed state and allow decoding of other types.
    pub fn reset_borrow(&mut self) {
        if let Repr::Handle(handle) = &mut self.0 {
            handle.reset_blob_borrow();
        }
    }

    /// Call [`sqlite3_value_dup()`] to create a new instance of this type.
    ///
    /// Returns an error if the call returns a null pointer, indicating that
    /// SQLite was unable to allocate the additional memory required.
    ///
    /// Non-panicking version of [`Self::clone()`].
    ///
    /// [`sqlite3_value_dup()`]: https://www.sqlite.org/c3ref/value_dup.html
    pub fn try_clone(&self) -> Result<Self, SqliteError> {
        match &self.0 {
            Repr::Handle(handle) => handle.try_dup().map(|handle| Self(Repr::Handle(handle))),
            Repr::Copied { value, column_type } => Ok(Self(Repr::Copied {
                value: value.clone(),
                column_type: column_type.clone(),
            })),
        }
    }
}

impl Clone for SqliteValue {
    /// Call [`sqlite3_value_dup()`] to create a new instance of this type.
    ///
    /// # Panics
    /// If [`sqlite3_value_dup()`] returns a null pointer, indicating an out-of-memory condition.
    ///
    /// See [`Self::try_clone()`] for a non-panicking version.
    ///
    /// [`sqlite3_value_dup()`]: https://www.sqlite.org/c3ref/value_dup.html
    fn clone(&self) -> Self {
        self.try_clone().expect("failed to clone `SqliteValue`")
    }
}

impl Value for SqliteValue {
    type Database = Sqlite;

    fn as_ref(&self) -> SqliteValueRef<'_> {
        SqliteValueRef::value(self)
    }

    fn type_info(&self) -> Cow<'_, SqliteTypeInfo> {
        Cow::Owned(self.as_ref().type_info_here())
    }

    fn is_null(&self) -> bool {
        self.as_ref().is_null_here()
    }
}

impl<'r> SqliteValueRef<'r> {
    /// Attempt to duplicate the internal `sqlite3_value` with [`sqlite3_value_dup()`].
    ///
    /// Returns an error if the call returns a null pointer, indicating that
    /// SQLite was unable to allocate the additional memory required.
    ///
    /// Non-panicking version of [`Self::try_to_owned()`].
    ///
    /// [`sqlite3_value_dup()`]: https://www.sqlite.org/c3ref/value_dup.html
    pub fn try_to_owned(&self) -> Result<SqliteValue, SqliteError> {
        match &self.0 {
            RefRepr::Handle(handle) => handle.try_dup().map(|h| SqliteValue(Repr::Handle(h))),
            RefRepr::Plain { value, column_type } => Ok(SqliteValue(Repr::Copied {
                value: value.copied(),
                column_type: column_type.clone(),
            })),
        }
    }

    pub(crate) fn value(value: &'r SqliteValue) -> Self {
        match &value.0 {
            Repr::Handle(handle) => Self(RefRepr::Handle(Cow::Borrowed(handle))),
            Repr::Copied { value, column_type } => Self(RefRepr::Plain {
                value: value.plain(),
                column_type: column_type.clone(),
            }),
        }
    }

    /// Travel Planner's patch: the value a row keeps in `stored` (its bytes, if any, in
    /// `bytes`) of a column of type `column_type`.
    pub(crate) fn stored(stored: &'r Stored, bytes: &'r [u8], column_type: SqliteTypeInfo) -> Self {
        let value = match stored {
            Stored::Null => Plain::Null,
            Stored::Integer(value, text) => Plain::Integer(*value, text),
            Stored::Text(range) => Plain::Text(&bytes[range.clone()]),
            Stored::Blob(range) => Plain::Blob(&bytes[range.clone()]),
            Stored::Value(value) => return Self::value(value),
        };
        Self(RefRepr::Plain {
            value,
            column_type: Some(column_type),
        })
    }

    /// # Safety
    /// The supplied sqlite3_value must not be null and SQLite must free it.
    /// It will not be freed on drop.
    /// The lifetime on this struct should tie it to whatever scope it's valid for before SQLite frees it.
    #[allow(unused)]
    pub(crate) unsafe fn borrowed(value: *mut sqlite3_value) -> Self {
        debug_assert!(!value.is_null());
        let handle = ValueHandle::temporary(NonNull::new_unchecked(value));
        Self(RefRepr::Handle(Cow::Owned(handle)))
    }

    // NOTE: `int()` is deliberately omitted because it will silently truncate a wider value,
    // which is likely to cause bugs:
    // https://github.com/launchbadge/sqlx/issues/3179
    // (Similar bug in Postgres): https://github.com/launchbadge/sqlx/issues/3161
    pub(super) fn int64(&self) -> Result<i64, BorrowedBlobError> {
        match &self.0 {
            RefRepr::Handle(handle) => handle.int64(),
            RefRepr::Plain { value, .. } => Ok(value.int64()),
        }
    }

    pub(super) fn double(&self) -> Result<f64, BorrowedBlobError> {
        match &self.0 {
            RefRepr::Handle(handle) => handle.double(),
            RefRepr::Plain { value, .. } => Ok(value.double()),
        }
    }

    pub(super) fn blob_borrowed(&self) -> &'r [u8] {
        match &self.0 {
            // SAFETY: lifetime is matched to `'r`
            RefRepr::Handle(handle) => unsafe { handle.blob_borrowed() },
            RefRepr::Plain { value, .. } => value.bytes(),
        }
    }

    pub(super) fn with_temp_blob<R>(&self, op: impl FnOnce(&[u8]) -> R) -> R {
        match &self.0 {
            RefRepr::Handle(handle) => handle.with_blob(op),
            RefRepr::Plain { value, .. } => op(value.bytes()),
        }
    }

    pub(super) fn blob_owned(&self) -> Vec<u8> {
        self.with_temp_blob(|blob| blob.to_vec())
    }

    pub(super) fn text_borrowed(&self) -> Result<&'r str, str::Utf8Error> {
        match &self.0 {
            // SAFETY: lifetime is matched to `'r`
            RefRepr::Handle(handle) => unsafe { handle.text_borrowed() },
            RefRepr::Plain { value, .. } => str::from_utf8(value.bytes()),
        }
    }

    pub(super) fn with_temp_text<R>(
        &self,
        op: impl FnOnce(&str) -> R,
    ) -> Result<R, str::Utf8Error> {
        self.with_temp_blob(|blob| str::from_utf8(blob).map(op))
    }

    /// The value's type (the column's when the value is NULL and the column's is known).
    fn type_info_here(&self) -> SqliteTypeInfo {
        match &self.0 {
            RefRepr::Handle(handle) => handle.type_info(),
            RefRepr::Plain { value, column_type } => {
                let value_type = SqliteTypeInfo(value.data_type());
                match column_type {
                    Some(column_type) if value_type.is_null() => column_type.clone(),
                    _ => value_type,
                }
            }
        }
    }

    fn is_null_here(&self) -> bool {
        match &self.0 {
            RefRepr::Handle(handle) => handle.is_null(),
            RefRepr::Plain { value, .. } => matches!(value, Plain::Null),
        }
    }

    pub(super) fn text_owned(&self) -> Result<String, str::Utf8Error> {
        self.with_temp_text(|text| text.to_string())
    }
}

impl<'r> ValueRef<'r> for SqliteValueRef<'r> {
    type Database = Sqlite;

    /// Attempt to duplicate the internal `sqlite3_value` with [`sqlite3_value_dup()`].
    ///
    /// # Panics
    /// If [`sqlite3_value_dup()`] returns a null pointer, indicating an out-of-memory condition.
    ///
    /// See [`Self::try_to_owned()`] for a non-panicking version.
    ///
    /// [`sqlite3_value_dup()`]: https://www.sqlite.org/c3ref/value_dup.html
    fn to_owned(&self) -> SqliteValue {
        self.try_to_owned()
            .expect("failed to convert SqliteValueRef to owned SqliteValue")
    }

    fn type_info(&self) -> Cow<'_, SqliteTypeInfo> {
        Cow::Owned(self.type_info_here())
    }

    fn is_null(&self) -> bool {
        self.is_null_here()
    }
}

pub(crate) struct ValueHandle {
    value: NonNull<sqlite3_value>,
    column_type: Option<SqliteTypeInfo>,
    // Note: `std::cell` version
    borrowed_blob: OnceCell<Blob>,
    free_on_drop: bool,
}

struct Blob {
    ptr: *const u8,
    len: usize,
}

#[derive(Debug, thiserror::Error)]
#[error("given `SqliteValue` was previously decoded as BLOB or TEXT; `SqliteValue::reset_borrow()` must be called first")]
pub(crate) struct BorrowedBlobError;

// SAFE: only protected value objects are stored in SqliteValue
unsafe impl Send for ValueHandle {}

// SAFETY: the `sqlite3_value_*()` methods reserve the right to be stateful,
// which means method calls aren't thread-safe without mutual exclusion.
//
// impl !Sync for ValueHandle {}

impl ValueHandle {
    /// # Safety
    /// The `sqlite3_value` must be valid and SQLite must not free it. It will be freed on drop.
    unsafe fn try_dup_of(
        value: *mut sqlite3_value,
        column_type: Option<SqliteTypeInfo>,
    ) -> Result<Self, SqliteError> {
        // SAFETY: caller must ensure `value` is valid.
        let value =
            unsafe { NonNull::new(sqlite3_value_dup(value)).ok_or_else(SqliteError::nomem)? };

        Ok(Self {
            value,
            column_type,
            borrowed_blob: OnceCell::new(),
            free_on_drop: true,
        })
    }

    fn temporary(value: NonNull<sqlite3_value>) -> Self {
        Self {
            value,
            column_type: None,
            borrowed_blob: OnceCell::new(),
            free_on_drop: false,
        }
    }

    fn try_dup(&self) -> Result<Self, SqliteError> {
        // SAFETY: `value` is initialized
        unsafe { Self::try_dup_of(self.value.as_ptr(), self.column_type.clone()) }
    }

    fn value_type_info(&self) -> SqliteTypeInfo {
        SqliteTypeInfo(DataType::from_code(unsafe {
            sqlite3_value_type(self.value.as_ptr())
        }))
    }

    fn type_info(&self) -> SqliteTypeInfo {
        let value_type = self.value_type_info();

        // Assume the actual value type is more accurate, if it's not NULL.
        match &self.column_type {
            Some(column_type) if value_type.is_null() => column_type.clone(),
            _ => value_type,
        }
    }

    fn int64(&self) -> Result<i64, BorrowedBlobError> {
        // SAFETY: we have to be certain the caller isn't still holding a borrow from `.blob_borrowed()`
        self.assert_blob_not_borrowed()?;

        Ok(unsafe { sqlite3_value_int64(self.value.as_ptr()) })
    }

    fn double(&self) -> Result<f64, BorrowedBlobError> {
        // SAFETY: we have to be certain the caller isn't still holding a borrow from `.blob_borrowed()`
        self.assert_blob_not_borrowed()?;

        Ok(unsafe { sqlite3_value_double(self.value.as_ptr()) })
    }

    fn is_null(&self) -> bool {
        self.value_type_info().is_null()
    }
}

impl Clone for ValueHandle {
    fn clone(&self) -> Self {
        self.try_dup().unwrap()
    }
}

impl Drop for ValueHandle {
    fn drop(&mut self) {
        if self.free_on_drop {
            unsafe {
                sqlite3_value_free(self.value.as_ptr());
            }
        }
    }
}

impl ValueHandle {
    fn assert_blob_not_borrowed(&self) -> Result<(), BorrowedBlobError> {
        if self.borrowed_blob.get().is_none() {
            Ok(())
        } else {
            Err(BorrowedBlobError)
        }
    }

    fn reset_blob_borrow(&mut self) {
        self.borrowed_blob.take();
    }

    fn get_blob(&self) -> Option<Blob> {
        if let Some(blob) = self.borrowed_blob.get() {
            return Some(Blob { ..*blob });
        }

        // SAFETY: calling `sqlite3_value_bytes` from multiple threads at once is a data race.
        let len = unsafe { sqlite3_value_bytes(self.value.as_ptr()) };

        // This likely means UB in SQLite itself or our usage of it;
        // signed integer overflow is UB in the C standard.
        let len = usize::try_from(len).unwrap_or_else(|_| {
            panic!("sqlite3_value_bytes() returned value out of range for usize: {len}")
        });

        if len == 0 {
            // empty blobs are NULL
            return None;
        }

        let ptr = unsafe { sqlite3_value_blob(self.value.as_ptr()) } as *const u8;
        debug_assert!(!ptr.is_null());

        Some(Blob { ptr, len })
    }

    fn with_blob<R>(&self, with_blob: impl FnOnce(&[u8]) -> R) -> R {
        let Some(blob) = self.get_blob() else {
            return with_blob(&[]);
        };

        // SAFETY: the slice cannot outlive the call
        with_blob(unsafe { blob.as_slice() })
    }

    /// # Safety
    /// Caller must ensure lifetime '`b` cannot outlive `self`.
    unsafe fn blob_borrowed<'a>(&self) -> &'a [u8] {
        let Some(blob) = self.get_blob() else {
            return &[];
        };

        // SAFETY: we need to store that the blob was borrowed
        // to prevent
        let blob = self.borrowed_blob.get_or_init(|| blob);

        unsafe { blob.as_slice() }
    }

    /// # Safety
    /// Caller must ensure lifetime '`b` cannot outlive `self`.
    unsafe fn text_borrowed<'b>(&self) -> Result<&'b str, str::Utf8Error> {
        let Some(blob) = self.get_blob() else {
            return Ok("");
        };

        // SAFETY: lifetime of `blob` will be tied to `'b`.
        let s = str::from_utf8(unsafe { blob.as_slice() })?;

        // We only store the borrow after we ensure the string is valid.
        self.borrowed_blob.set(blob).ok();

        Ok(s)
    }
}

impl Blob {
    /// # Safety
    /// `'a` must not outlive the `sqlite3_value` this blob came from.
    unsafe fn as_slice<'a>(&self) -> &'a [u8] {
        slice::from_raw_parts(self.ptr, self.len)
    }
}

/// Travel Planner's patch: a value as a row keeps it (`SqliteRow::current`). NULLs and
/// integers as they are; TEXT and BLOB values as the range of their bytes in the row's buffer;
/// anything else (a REAL) as SQLite's value, duplicated.
///
/// What a decoder reads from it is what it read from the duplicated value before. sqlx's
/// checked decoding (`Row::try_get`, which sea-orm uses) only decodes a value into a type
/// that matches the value's own type, so decoders read each value as what it is: an integer as
/// an integer, a text's or a blob's bytes as they are. The conversions between types follow
/// SQLite's for the unchecked paths: an integer read as text is its decimal form (kept once
/// made), a NULL reads as 0, 0.0 or no bytes, and a text or blob read as a number is the number
/// its leading characters spell (`sqlite3Atoi64`'s and `sqlite3AtoF`'s rules for numbers
/// written out in decimal).
pub(crate) enum Stored {
    Null,
    Integer(i64, OnceLock<Box<[u8]>>),
    Text(Range<usize>),
    Blob(Range<usize>),
    Value(SqliteValue),
}

/// A value a row keeps, with its bytes borrowed.
#[derive(Clone, Copy)]
enum Plain<'r> {
    Null,
    Integer(i64, &'r OnceLock<Box<[u8]>>),
    Text(&'r [u8]),
    Blob(&'r [u8]),
}

/// A [`Plain`] value copied out of its row (`SqliteValueRef::to_owned`).
#[derive(Clone)]
enum Copied {
    Null,
    Integer(i64, OnceLock<Box<[u8]>>),
    Text(Box<[u8]>),
    Blob(Box<[u8]>),
}

impl Copied {
    fn plain(&self) -> Plain<'_> {
        match self {
            Copied::Null => Plain::Null,
            Copied::Integer(value, text) => Plain::Integer(*value, text),
            Copied::Text(bytes) => Plain::Text(bytes),
            Copied::Blob(bytes) => Plain::Blob(bytes),
        }
    }
}

impl<'r> Plain<'r> {
    fn copied(self) -> Copied {
        match self {
            Plain::Null => Copied::Null,
            Plain::Integer(value, _) => Copied::Integer(value, OnceLock::new()),
            Plain::Text(bytes) => Copied::Text(bytes.into()),
            Plain::Blob(bytes) => Copied::Blob(bytes.into()),
        }
    }

    fn data_type(self) -> DataType {
        match self {
            Plain::Null => DataType::Null,
            Plain::Integer(..) => DataType::Integer,
            Plain::Text(_) => DataType::Text,
            Plain::Blob(_) => DataType::Blob,
        }
    }

    /// `sqlite3_value_int64`.
    fn int64(self) -> i64 {
        match self {
            Plain::Null => 0,
            Plain::Integer(value, _) => value,
            Plain::Text(bytes) | Plain::Blob(bytes) => leading_integer(bytes),
        }
    }

    /// `sqlite3_value_double`.
    fn double(self) -> f64 {
        match self {
            Plain::Null => 0.0,
            Plain::Integer(value, _) => value as f64,
            Plain::Text(bytes) | Plain::Blob(bytes) => leading_real(bytes),
        }
    }

    /// `sqlite3_value_blob` (and `_text`, before the UTF-8 check).
    fn bytes(self) -> &'r [u8] {
        match self {
            Plain::Null => &[],
            Plain::Integer(value, text) => {
                text.get_or_init(|| value.to_string().into_bytes().into_boxed_slice())
            }
            Plain::Text(bytes) | Plain::Blob(bytes) => bytes,
        }
    }
}

/// SQLite's spaces (`sqlite3Isspace`).
fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// The integer the text's leading characters spell, as `sqlite3Atoi64` reads it: spaces, a
/// sign, then digits up to the first other character; saturated at `i64`'s bounds; 0 if none.
fn leading_integer(bytes: &[u8]) -> i64 {
    let mut rest = bytes;
    while let [first, tail @ ..] = rest {
        if !is_space(*first) {
            break;
        }
        rest = tail;
    }
    let negative = match rest.first() {
        Some(b'-') => {
            rest = &rest[1..];
            true
        }
        Some(b'+') => {
            rest = &rest[1..];
            false
        }
        _ => false,
    };
    // Accumulated as a negative number, whose range holds i64::MIN.
    let mut value: i64 = 0;
    for &byte in rest {
        if !byte.is_ascii_digit() {
            break;
        }
        match value
            .checked_mul(10)
            .and_then(|v| v.checked_sub(i64::from(byte - b'0')))
        {
            Some(next) => value = next,
            None => return if negative { i64::MIN } else { i64::MAX },
        }
    }
    if negative {
        value
    } else {
        value.checked_neg().unwrap_or(i64::MAX)
    }
}

/// The number the text's leading characters spell, as `sqlite3AtoF` reads one written in
/// decimal: spaces, a sign, digits with an optional fraction, an optional exponent; 0.0 if none.
fn leading_real(bytes: &[u8]) -> f64 {
    let start = bytes.iter().position(|b| !is_space(*b)).unwrap_or(bytes.len());
    let text = &bytes[start..];
    let mut end = 0;
    if matches!(text.first(), Some(b'+' | b'-')) {
        end = 1;
    }
    let digits = |from: usize| text[from..].iter().take_while(|b| b.is_ascii_digit()).count();
    let whole = digits(end);
    end += whole;
    let mut fraction = 0;
    if text.get(end) == Some(&b'.') {
        fraction = digits(end + 1);
        end += 1 + fraction;
    }
    if whole + fraction == 0 {
        return 0.0;
    }
    if matches!(text.get(end), Some(b'e' | b'E')) {
        let mut at = end + 1;
        if matches!(text.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        let exponent = digits(at);
        if exponent > 0 {
            end = at + exponent;
        }
    }
    str::from_utf8(&text[..end])
        .ok()
        .and_then(|number| number.parse().ok())
        .unwrap_or(0.0)
}
