//! Statements read on every page whose SQL never changes, only their values: built once per
//! backend, then reused with each call's values put in their places.
//!
//! Building a statement with sea-query (the expression tree, its aliases, then the SQL text)
//! costs as much as SQLite answering it: about 50,000 instructions for the session's read and
//! 100,000 for an activity's, on every request. [`Reused`] builds the statement once with
//! stand-ins for the parameters, notes where each stand-in lands among the statement's
//! values, and from then on copies the SQL and puts the real values there. A `build` that
//! changes a parameter on its way (or writes it into the SQL text) leaves its stand-in
//! nowhere to be found: then the statement is built afresh on every call, as before.

use std::sync::OnceLock;

use sea_orm::{DbBackend, Statement, StatementBuilder, Value, Values};

/// An id to stand in for a statement's id parameter: `n` is 1, 2, … for a statement's first,
/// second, … id, so they differ from each other, and no real id (a random UUID) is one of them.
pub(crate) fn stand_in<T: From<uuid::Uuid>>(n: u128) -> T {
    T::from(uuid::Uuid::from_u128(n))
}

/// One statement's shape per backend; a `static` beside the function that reads it.
pub(crate) struct Reused {
    shapes: [OnceLock<Option<Shape>>; 3],
}

/// The SQL for one backend, and where each of its values comes from.
struct Shape {
    sql: String,
    values: Vec<Slot>,
}

enum Slot {
    /// The call's parameter with this index.
    Parameter(usize),
    /// A value that is the same on every call (a role's name, a constant).
    Fixed(Value),
}

/// A statement's parameters, as the values they are bound as.
pub(crate) trait Parameters {
    fn values(&self) -> Vec<Value>;
}

impl<A: Clone + Into<Value>> Parameters for (A,) {
    fn values(&self) -> Vec<Value> {
        vec![self.0.clone().into()]
    }
}

impl<A: Clone + Into<Value>, B: Clone + Into<Value>> Parameters for (A, B) {
    fn values(&self) -> Vec<Value> {
        vec![self.0.clone().into(), self.1.clone().into()]
    }
}

impl<A, B, C> Parameters for (A, B, C)
where
    A: Clone + Into<Value>,
    B: Clone + Into<Value>,
    C: Clone + Into<Value>,
{
    fn values(&self) -> Vec<Value> {
        vec![
            self.0.clone().into(),
            self.1.clone().into(),
            self.2.clone().into(),
        ]
    }
}

impl Reused {
    pub(crate) const fn new() -> Self {
        Self {
            shapes: [const { OnceLock::new() }; 3],
        }
    }

    /// What `build(parameters)` gives for `backend`. `build` must make the same SQL whatever
    /// the parameters are (no condition that comes and goes with a value); `stand_ins` are
    /// parameters of the same types that no real call uses and that differ from each other
    /// and from every constant in the statement.
    pub(crate) fn statement<P, S>(
        &self,
        backend: DbBackend,
        parameters: P,
        stand_ins: impl FnOnce() -> P,
        build: impl Fn(P) -> S,
    ) -> Statement
    where
        P: Parameters,
        S: StatementBuilder,
    {
        let shape = self.shapes[backend_index(backend)].get_or_init(|| {
            let stand_ins = stand_ins();
            let marks = stand_ins.values();
            Shape::of(build(stand_ins).build(&backend), &marks)
        });
        match shape {
            Some(shape) => {
                let values = parameters.values();
                Statement {
                    sql: shape.sql.clone(),
                    values: Some(Values(
                        shape
                            .values
                            .iter()
                            .map(|slot| match slot {
                                Slot::Parameter(i) => values[*i].clone(),
                                Slot::Fixed(value) => value.clone(),
                            })
                            .collect(),
                    )),
                    db_backend: backend,
                }
            }
            None => build(parameters).build(&backend),
        }
    }
}

#[cfg(test)]
impl Reused {
    /// Whether the statement for `backend` is built once (a test's check that its stand-ins
    /// were found).
    pub(crate) fn reuses(&self, backend: DbBackend) -> bool {
        matches!(self.shapes[backend_index(backend)].get(), Some(Some(_)))
    }
}

/// Whether `sql`'s select list names `columns` (`"table"."column"`) in this order: what a
/// reader taking a row's columns by position relies on (a test's check).
#[cfg(test)]
pub(crate) fn selects_in_order(sql: &str, columns: &[(&str, &str)]) -> bool {
    let list = sql.split(" FROM ").next().unwrap_or_default();
    let mut from = 0;
    columns.iter().all(|(table, column)| {
        let name = format!("\"{table}\".\"{column}\"");
        match list[from..].find(&name) {
            Some(at) => {
                from += at + name.len();
                true
            }
            None => false,
        }
    })
}

/// `E`'s columns as a select list names them (table, column), in their declared order: what
/// [`selects_in_order`] looks for when a reader takes a whole row of `E` by position.
#[cfg(test)]
pub(crate) fn columns_of<E: sea_orm::EntityTrait>() -> Vec<(&'static str, &'static str)> {
    use sea_orm::{IdenStatic, Iterable};
    let table = E::default().table_name();
    E::Column::iter()
        .map(|column| (table, column.as_str()))
        .collect()
}

/// Where a backend's shape is kept in [`Reused::shapes`].
fn backend_index(backend: DbBackend) -> usize {
    match backend {
        DbBackend::Postgres => 0,
        DbBackend::Sqlite => 1,
        _ => 2,
    }
}

impl Shape {
    /// The shape of `statement`, built with `marks` for its parameters; `None` when a mark
    /// is not among its values or two marks are equal.
    fn of(statement: Statement, marks: &[Value]) -> Option<Self> {
        let distinct = marks
            .iter()
            .enumerate()
            .all(|(i, mark)| !marks[..i].contains(mark));
        let values: Vec<Slot> = statement
            .values
            .map(|values| values.0)
            .unwrap_or_default()
            .into_iter()
            .map(|value| match marks.iter().position(|mark| *mark == value) {
                Some(i) => Slot::Parameter(i),
                None => Slot::Fixed(value),
            })
            .collect();
        let all_found = (0..marks.len()).all(|i| {
            values
                .iter()
                .any(|slot| matches!(slot, Slot::Parameter(j) if *j == i))
        });
        (distinct && all_found).then_some(Self {
            sql: statement.sql,
            values,
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use sea_orm::{ColumnTrait, DbBackend, EntityTrait, QueryFilter, QueryTrait, StatementBuilder};

    use super::Reused;
    use crate::entities::sessions;

    fn select(key: String, expiry: String) -> sea_orm::Select<sessions::Entity> {
        sessions::Entity::find()
            .filter(sessions::Column::Id.eq(key))
            .filter(sessions::Column::Data.ne(expiry))
            .filter(sessions::Column::Data.ne("constant"))
    }

    #[test]
    fn reused_statements_are_the_ones_built_afresh() {
        for backend in [DbBackend::Sqlite, DbBackend::Postgres] {
            let reused = Reused::new();
            for (key, other) in [("a", "b"), ("c", "d"), ("constant", "a")] {
                let parameters = (key.to_string(), other.to_string());
                let stand_ins = || ("\u{1}key".to_string(), "\u{1}other".to_string());
                let statement = reused.statement(backend, parameters, stand_ins, |(k, o)| {
                    select(k, o).into_query()
                });
                let fresh = StatementBuilder::build(
                    &select(key.to_string(), other.to_string()).into_query(),
                    &backend,
                );
                assert_eq!(statement, fresh, "{backend:?}");
            }
        }
    }

    #[test]
    fn a_build_that_changes_its_parameters_is_not_reused() {
        let reused = Reused::new();
        for key in ["a", "b"] {
            let parameters = (key.to_string(), "x".to_string());
            let stand_ins = || ("\u{1}key".to_string(), "\u{1}other".to_string());
            // The key goes in changed: its stand-in is nowhere to be found.
            let statement = reused.statement(DbBackend::Sqlite, parameters, stand_ins, |(k, o)| {
                select(format!("{k}%"), o).into_query()
            });
            let fresh = StatementBuilder::build(
                &select(format!("{key}%"), "x".to_string()).into_query(),
                &DbBackend::Sqlite,
            );
            assert_eq!(statement, fresh);
        }
    }
}
