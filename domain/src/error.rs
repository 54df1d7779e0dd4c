//! Problems with what someone typed, field by field.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Field-level problems with a submitted form, plus the (non-secret) values that were typed, so
/// a form that comes back after a no-JavaScript post can show them again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormErrors {
    /// A problem with the form as a whole ("Your email or password is incorrect.").
    pub form: Option<String>,
    /// Field name → message.
    pub fields: BTreeMap<String, String>,
    /// Field name → what was submitted. Never includes passwords.
    pub values: BTreeMap<String, String>,
    /// The first field found wrong (checks run in the form's order): it gets the focus when the
    /// form comes back, so the person lands on the first thing to fix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    /// When someone else saved a newer version first: each field that differs, theirs and
    /// what this person typed, so they can choose.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub differences: Vec<Difference>,
}

/// One field of a form that someone else changed meanwhile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Difference {
    /// The field's label, as the form shows it.
    pub label: String,
    pub theirs: String,
    pub yours: String,
}

impl FormErrors {
    pub fn field(&self, name: &str) -> Option<String> {
        self.fields.get(name).cloned()
    }

    pub fn value(&self, name: &str) -> Option<String> {
        self.values.get(name).cloned()
    }

    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        if self.first.is_none() {
            self.first = Some(field.to_string());
        }
        self.fields
            .entry(field.to_string())
            .or_insert_with(|| message.into());
    }

    pub fn is_empty(&self) -> bool {
        self.form.is_none() && self.fields.is_empty()
    }

    pub fn with_form(message: impl Into<String>) -> Self {
        Self {
            form: Some(message.into()),
            ..Self::default()
        }
    }

    /// Keeps what was typed in `fields` so the form can show it again.
    #[must_use]
    pub fn keeping(mut self, values: &[(&str, &str)]) -> Self {
        for (name, value) in values {
            self.values
                .insert((*name).to_string(), (*value).to_string());
        }
        self
    }
}

/// Why a change to a trip or its plan did not happen. Trips, their activities and their members
/// share it: they are one capability.
#[derive(Debug, thiserror::Error)]
pub enum TripError {
    /// What was asked breaks a rule; a message per field. Nothing was changed.
    #[error("the trip or activity has problems")]
    Invalid(FormErrors),
    /// No such trip or activity, or not one the actor is a member of.
    #[error("no such trip or activity for this traveler")]
    NotFound,
    /// The actor is a member of the trip, but their role does not allow this.
    #[error("the traveler's role in this trip does not allow this")]
    Forbidden,
    /// The change was made from a version that is no longer the current one: someone changed
    /// the trip or activity meanwhile. Nothing was changed.
    #[error("the trip or activity changed since it was read")]
    Stale,
    #[error(transparent)]
    Db(#[from] sea_orm::DbErr),
}
