//! Form building blocks: labelled fields with their error messages linked for screen readers.

use leptos::prelude::*;

use i18n::{rule_message, tr};

use crate::{
    context::lang,
    error::{AppError, FormErrors},
    format::escape_html,
};

/// The form errors in an action's latest result, or none.
///
/// Worked out once and stored, not a memo: pages render once, on the server (only the islands
/// run in the browser), where an action's value is the result of a form sent without
/// JavaScript, known when the action is made. A form reads its errors a few times for each
/// field (its value, label, hint and state); a stored value is a borrow each time, where a
/// memo's read also subscribed the reader and checked the memo's sources.
pub fn errors_of<T: Clone + Send + Sync + 'static>(
    value: impl GetUntracked<Value = Option<Result<T, AppError>>>,
) -> Signal<FormErrors> {
    let errors = match value.get_untracked() {
        Some(Err(AppError::Invalid(errors) | AppError::Conflict(errors))) => errors,
        Some(Err(other)) => FormErrors::with_form(other.message(lang())),
        _ => FormErrors::default(),
    };
    Signal::stored(errors)
}

/// `errors` with the amount a form got back in `field` written the way the page's language
/// writes it (`1500,50` on a German page: the form's server function reads amounts into the
/// core's `1500.50`).
pub fn amount_typed_back(
    errors: Signal<FormErrors>,
    field: &'static str,
    l: i18n::Language,
) -> Signal<FormErrors> {
    // Stored, as `errors_of` is: read once while the page renders.
    let mut errors = errors.get_untracked();
    if let Some(value) = errors.values.get_mut(field) {
        *value = i18n::format::amount_for_editing(l, value);
    }
    Signal::stored(errors)
}

/// What someone else saved while this form was open, beside what was typed: shown after a
/// save was refused because the form was made from an older version. Saving again keeps
/// "yours" (the form now carries the current version); "Keep theirs" reloads the form.
#[component]
pub fn ConflictView(errors: Signal<FormErrors>, reload: String) -> impl IntoView {
    let l = lang();
    move || {
        let errors = errors.get();
        (!errors.differences.is_empty()).then(|| {
            let rows = errors
                .differences
                .iter()
                .map(|difference| {
                    let shown = |text: &str| {
                        if text.is_empty() {
                            tr!(l, "form-alert-empty")
                        } else {
                            text.to_string()
                        }
                    };
                    view! {
                        <tr>
                            <th scope="row">{difference.label.clone()}</th>
                            <td>{shown(&difference.theirs)}</td>
                            <td>{shown(&difference.yours)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="conflict" role="alert" aria-labelledby="conflict-heading">
                    <p id="conflict-heading" class="conflict__title">
                        {errors.form.as_deref().map(|m| rule_message(l, m)).unwrap_or_default()}
                    </p>
                    <table class="conflict__table">
                        <thead>
                            <tr>
                                <th scope="col">{tr!(l, "form-alert-field")}</th>
                                <th scope="col">{tr!(l, "form-alert-theirs")}</th>
                                <th scope="col">{tr!(l, "form-alert-yours")}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                    <p class="conflict__choice">
                        {tr!(l, "form-alert-nothing-saved")}
                        <a href=reload.clone()>{tr!(l, "form-alert-keep-theirs")}</a>
                        {tr!(l, "form-alert-nothing-saved-end")}
                    </p>
                </div>
            }
            // Erased: the pages around it are deep types already (the compiler's limit).
            .into_any()
        })
    }
}

/// A message about the form as a whole, announced when it appears.
#[component]
pub fn FormAlert(errors: Signal<FormErrors>) -> impl IntoView {
    let l = lang();
    view! {
        <div role="alert" class="form-alert-slot">
            {move || {
                let errors = errors.get();
                // A conflict says it in its own box (`ConflictView`).
                errors
                    .differences
                    .is_empty()
                    .then_some(errors.form)
                    .flatten()
                    .map(|message| view! { <p class="form-alert">{rule_message(l, &message)}</p> })
            }}
        </div>
    }
}

/// The `aria-describedby` of a field: its hint, then its error while there is one.
fn described_by(
    name: &'static str,
    has_hint: bool,
    errors: Signal<FormErrors>,
) -> impl Fn() -> Option<String> + Clone + Send + Sync + 'static {
    move || {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(format!("field-{name}-hint"));
        }
        if errors.with(|errors| errors.fields.contains_key(name)) {
            ids.push(format!("field-{name}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// Whether `name` is the first field to fix: it takes the focus when the page loads.
fn first_problem(
    name: &'static str,
    errors: Signal<FormErrors>,
) -> impl Fn() -> bool + Send + Sync + 'static {
    move || errors.with(|errors| errors.first.as_deref() == Some(name))
}

/// The label, hint and error around one form control.
#[component]
fn FieldFrame(
    label: String,
    name: &'static str,
    hint: Option<String>,
    errors: Signal<FormErrors>,
    children: Children,
) -> impl IntoView {
    // The core's rules write in English: shown in the page's language.
    let l = lang();
    let message = move || errors.with(|errors| errors.field(name).map(|m| rule_message(l, &m)));
    view! {
        <div class="field" class:field--invalid=move || message().is_some()>
            <label for=format!("field-{name}")>{label}</label>
            {hint.map(|hint| view! { <p class="field__hint" id=format!("field-{name}-hint")>{hint}</p> })}
            {children()}
            {move || message().map(|m| view! { <p class="field__error" id=format!("field-{name}-error")>{m}</p> })}
        </div>
    }
}

#[component]
pub fn Field(
    #[prop(into)] label: String,
    name: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] maxlength: Option<usize>,
    #[prop(optional)] initial: Option<String>,
    #[prop(default = true)] required: bool,
    errors: Signal<FormErrors>,
) -> impl IntoView {
    // Passwords are never sent back; other fields show what was typed.
    let value = move || {
        (kind != "password")
            .then(|| {
                errors
                    .with(|errors| errors.value(name))
                    .or_else(|| initial.clone())
            })
            .flatten()
            .filter(|value| !value.is_empty())
    };
    let has_hint = hint.is_some();
    view! {
        <FieldFrame label name hint errors>
            <input
                id=format!("field-{name}")
                name=name
                type=kind
                autocomplete=autocomplete
                inputmode=inputmode
                maxlength=maxlength
                required=required
                value=value
                aria-invalid=move || errors.with(|errors| errors.fields.contains_key(name)).then_some("true")
                aria-describedby=described_by(name, has_hint, errors)
                autofocus=first_problem(name, errors)
            />
        </FieldFrame>
    }
}

/// A multi-line text field.
#[component]
pub fn TextArea(
    #[prop(into)] label: String,
    name: &'static str,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] initial: Option<String>,
    #[prop(optional)] maxlength: Option<usize>,
    errors: Signal<FormErrors>,
) -> impl IntoView {
    let value = move || {
        errors
            .get()
            .value(name)
            .or_else(|| initial.clone())
            .unwrap_or_default()
    };
    let text = untrack(value);
    let has_hint = hint.is_some();
    view! {
        <FieldFrame label name hint errors>
            <textarea
                id=format!("field-{name}")
                name=name
                rows="5"
                maxlength=maxlength
                aria-invalid=move || errors.with(|errors| errors.fields.contains_key(name)).then_some("true")
                aria-describedby=described_by(name, has_hint, errors)
                autofocus=first_problem(name, errors)
            >{text}</textarea>
        </FieldFrame>
    }
}

/// Options for a select, in groups: `(group label, [(value, label)])`. A group with an empty
/// label is rendered without an `<optgroup>`.
pub type OptionGroups = Vec<(String, Vec<(String, String)>)>;

/// A drop-down's options, shared: a long fixed list (every time zone, every currency) is built
/// and written as HTML once per process, and each page only marks its chosen option. Written
/// as one string rather than one view per option: the ~400 zones as views were a third of the
/// trip form's render.
#[derive(Clone)]
pub struct Options {
    /// An option before the list (value, label): "not set" on the account page.
    first: Option<(String, String)>,
    list: std::sync::Arc<OptionList>,
}

struct OptionList {
    groups: OptionGroups,
    html: std::sync::OnceLock<ListHtml>,
}

/// A list written out once: its HTML, and where in it each value's option could be marked
/// (the `>` closing its opening tag; the first option of a value, should one repeat).
struct ListHtml {
    html: String,
    marks: std::collections::HashMap<String, usize>,
}

impl Options {
    pub fn new(groups: OptionGroups) -> Self {
        Self {
            first: None,
            list: std::sync::Arc::new(OptionList {
                groups,
                html: std::sync::OnceLock::new(),
            }),
        }
    }

    /// The same list after an option of its own (`value`, `label`).
    #[must_use]
    pub fn after(&self, value: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            first: Some((value.into(), label.into())),
            list: std::sync::Arc::clone(&self.list),
        }
    }

    /// The options as HTML, `chosen` selected (no option is when none has that value). The
    /// list's HTML is copied around its mark, found by value: no search through ~25 KB of
    /// options on every page.
    fn html(&self, chosen: &str) -> String {
        let list = self.list.html.get_or_init(|| {
            let mut html = String::new();
            let mut marks = std::collections::HashMap::new();
            for (group, items) in &self.list.groups {
                if !group.is_empty() {
                    html.push_str("<optgroup label=\"");
                    html.push_str(&escape_html(group));
                    html.push_str("\">");
                }
                for (value, text) in items {
                    push_option(&mut html, value, text, |html| {
                        marks.entry(value.clone()).or_insert(html.len());
                    });
                }
                if !group.is_empty() {
                    html.push_str("</optgroup>");
                }
            }
            ListHtml { html, marks }
        });
        let mut html = String::with_capacity(list.html.len() + 96);
        let mut marked = false;
        if let Some((value, text)) = &self.first {
            marked = value == chosen;
            push_option(&mut html, value, text, |html| {
                if marked {
                    html.push_str(SELECTED);
                }
            });
        }
        match list.marks.get(chosen).filter(|_| !marked) {
            Some(&at) => {
                html.push_str(&list.html[..at]);
                html.push_str(SELECTED);
                html.push_str(&list.html[at..]);
            }
            None => html.push_str(&list.html),
        }
        html
    }
}

/// What marks the chosen option, written just before its opening tag's `>`.
const SELECTED: &str = " selected";

impl From<OptionGroups> for Options {
    fn from(groups: OptionGroups) -> Self {
        Self::new(groups)
    }
}

/// Writes one option; `at_mark` runs where a [`SELECTED`] mark would go.
fn push_option(html: &mut String, value: &str, text: &str, at_mark: impl FnOnce(&mut String)) {
    html.push_str("<option value=\"");
    html.push_str(&escape_html(value));
    html.push('"');
    at_mark(html);
    html.push('>');
    html.push_str(&escape_html(text));
    html.push_str("</option>");
}

/// A drop-down list. `initial` is the value chosen before anything was typed.
#[component]
pub fn SelectField(
    #[prop(into)] label: String,
    name: &'static str,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(into)] options: Options,
    #[prop(into)] initial: Signal<String>,
    errors: Signal<FormErrors>,
) -> impl IntoView {
    let value = move || {
        errors
            .with(|errors| errors.value(name))
            .unwrap_or_else(|| initial.get())
    };
    // Read once, untracked: a parent that is re-rendered on every signal its body reads (a
    // `Suspend`) must not rebuild the form whenever the errors change.
    let options = options.html(&untrack(value));
    let has_hint = hint.is_some();
    view! {
        <FieldFrame label name hint errors>
            <select
                id=format!("field-{name}")
                name=name
                aria-invalid=move || errors.with(|errors| errors.fields.contains_key(name)).then_some("true")
                aria-describedby=described_by(name, has_hint, errors)
                autofocus=first_problem(name, errors)
                inner_html=options
            ></select>
        </FieldFrame>
    }
}

#[cfg(test)]
mod option_tests {
    use super::Options;

    fn zones() -> Options {
        Options::new(vec![
            (String::new(), vec![("UTC".into(), "UTC".into())]),
            (
                "Europe".into(),
                vec![
                    ("Europe/Lisbon".into(), "Lisbon".into()),
                    ("Europe/Paris".into(), "Paris & \"Île\"".into()),
                ],
            ),
        ])
    }

    #[test]
    fn the_chosen_option_alone_is_selected_and_text_is_escaped() {
        let zones = zones();
        let html = zones.html("Europe/Lisbon");
        assert_eq!(
            html,
            "<option value=\"UTC\">UTC</option><optgroup label=\"Europe\">\
             <option value=\"Europe/Lisbon\" selected>Lisbon</option>\
             <option value=\"Europe/Paris\">Paris &amp; &quot;Île&quot;</option></optgroup>"
        );
        assert_eq!(html.matches("selected").count(), 1);
        // Built once: a second page choosing another option does not inherit the first mark.
        let other = zones.html("UTC");
        assert!(other.starts_with("<option value=\"UTC\" selected>"));
        assert_eq!(other.matches("selected").count(), 1);
    }

    #[test]
    fn an_option_of_its_own_comes_first_and_unknown_values_select_nothing() {
        let shared = zones();
        let html = shared.after("", "Not set").html("");
        assert!(
            html.starts_with("<option value=\"\" selected>Not set</option><option value=\"UTC\">")
        );
        assert!(!shared.html("Mars/Olympus").contains("selected"));
        // A value that is a prefix of another does not select it.
        assert!(!shared.html("Europe").contains("selected"));
    }

    #[test]
    fn a_value_is_marked_once_where_it_first_comes_and_may_need_escaping() {
        let list = Options::new(vec![(
            String::new(),
            vec![
                ("a&b".into(), "A and B".into()),
                ("UTC".into(), "UTC".into()),
                ("UTC".into(), "UTC again".into()),
            ],
        )]);
        let html = list.html("a&b");
        assert!(html.starts_with("<option value=\"a&amp;b\" selected>A and B</option>"));
        assert_eq!(html.matches("selected").count(), 1);
        let html = list.html("UTC");
        assert!(html.contains(
            "<option value=\"UTC\" selected>UTC</option><option value=\"UTC\">UTC again"
        ));
        assert_eq!(html.matches("selected").count(), 1);
        // An option of its own with a value the list has too: it alone is marked.
        let html = list.after("UTC", "Default").html("UTC");
        assert!(html.starts_with("<option value=\"UTC\" selected>Default</option>"));
        assert_eq!(html.matches("selected").count(), 1);
        // Every page copies the same list: a mark never stays behind.
        assert!(!list.html("nothing").contains("selected"));
    }
}
