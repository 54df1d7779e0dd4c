//! The server functions: what the pages' forms post to and what the pages read through. Thin
//! adapters over the core: who is signed in → parse the form into a command → call a service →
//! redirect (or return what a page shows). Each answers a plain HTML form post with a redirect,
//! and a script with JSON and a status.

pub mod accounts;
pub mod feeds;
pub mod imports;
pub mod itinerary;
pub mod members;
pub mod places;
pub mod privacy;
pub mod trips;

pub mod mail;

/// The form errors for a save refused because someone saved a newer version first: who and
/// when ("Changed by Ana at 14:02 since you opened it"), each field that differs (`labels`
/// names the fields compared, in the form's order), and what was typed, with the current
/// `version` so that saving again replaces theirs by choice.
fn conflict(
    last: Option<domain::history::Change>,
    zone: &str,
    labels: &[(&str, String)],
    theirs: &[(&str, &str)],
    yours: &[(&str, &str)],
    version: i64,
) -> crate::error::AppError {
    let value = |pairs: &[(&str, &str)], name: &str| {
        pairs
            .iter()
            .find(|(field, _)| *field == name)
            .map(|(_, value)| value.trim().to_string())
            .unwrap_or_default()
    };
    let l = crate::context::lang();
    let who = match &last {
        Some(change) if !change.who.is_empty() => i18n::tr!(
            l,
            "form-conflict-by",
            who = change.who.as_str(),
            time = domain::calendar::time_in(change.at, zone)
        ),
        _ => i18n::tr!(l, "form-conflict-someone"),
    };
    let mut errors = domain::FormErrors::with_form(who).keeping(yours);
    errors
        .values
        .insert("version".to_string(), version.to_string());
    errors.differences = labels
        .iter()
        .filter_map(|(name, label)| {
            let (theirs, yours) = (value(theirs, name), value(yours, name));
            (theirs != yours).then(|| domain::Difference {
                label: label.clone(),
                theirs,
                yours,
            })
        })
        .collect();
    crate::error::AppError::Conflict(errors).respond()
}
