//! Which invitations are still open: one definition for the members service (the list a
//! traveler answers from) and the session's read (whether there may be one to show).

use chrono::{DateTime, Utc};
use sea_orm::{
    Condition,
    sea_query::{Expr, ExprTrait, SimpleExpr},
};

use crate::entities::trip_invitations as invitations;

/// Invitations to the address `email` (a value, or a column of an outer query) still open
/// at `now`.
pub fn open_to(email: SimpleExpr, now: DateTime<Utc>) -> Condition {
    let column = |column| Expr::col((invitations::Entity, column));
    Condition::all()
        .add(column(invitations::Column::Email).eq(email))
        .add(column(invitations::Column::Outcome).is_null())
        .add(column(invitations::Column::ExpiresAt).gt(now))
}

/// Whether an invitation to the address in `email` (a column of the query that carries this)
/// is open at `now`: what `members::for_address` would find, or more (that also leaves out
/// trips the traveler already joined), so `false` means it finds nothing. The session's read
/// carries it, so the trip list asks for invitations only when there may be some.
pub fn waiting_for(email: SimpleExpr, now: DateTime<Utc>) -> SimpleExpr {
    Expr::exists(
        sea_orm::sea_query::Query::select()
            .expr(Expr::val(1))
            .from(invitations::Entity)
            .cond_where(open_to(email, now))
            .to_owned(),
    )
}
