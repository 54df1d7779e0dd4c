//! Form building blocks: labelled fields with their error messages linked for screen readers.

use leptos::prelude::*;

use crate::error::{AppError, FormErrors};

/// The form errors in an action's latest result, or none.
pub fn errors_of<T: Clone + Send + Sync + 'static>(
    value: impl Get<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
) -> Signal<FormErrors> {
    Signal::derive(move || match value.get() {
        Some(Err(AppError::Invalid(errors))) => errors,
        Some(Err(other)) => FormErrors::with_form(other.to_string()),
        _ => FormErrors::default(),
    })
}

/// A message about the form as a whole, announced when it appears.
#[component]
pub fn FormAlert(errors: Signal<FormErrors>) -> impl IntoView {
    view! {
        <div role="alert" class="form-alert-slot">
            {move || errors.get().form.map(|message| view! { <p class="form-alert">{message}</p> })}
        </div>
    }
}

/// A value to set as a live DOM property (`prop:value`), withheld until `trigger` first differs
/// from what it was when the page was hydrated. Server-rendered HTML carries the starting value
/// as an attribute; setting the property during hydration would wipe whatever the person typed
/// while the WASM was still loading. (Once set, it is set on every change of `trigger` or of
/// what `value` reads: returning `None` later would write "undefined" into the field.)
pub fn once_changed<T, V>(
    trigger: impl Fn() -> T + Send + Sync + 'static,
    value: impl Fn() -> V + Send + Sync + 'static,
) -> impl Fn() -> Option<V> + Send + Sync + 'static
where
    T: PartialEq + Clone + Send + Sync + 'static,
{
    let trigger = Memo::new(move |_| trigger());
    let first = StoredValue::new(None::<T>);
    let changed = StoredValue::new(false);
    move || {
        let now = trigger.get();
        if !changed.get_value() {
            match first.get_value() {
                None => {
                    first.set_value(Some(now));
                    return None;
                }
                Some(first) if first == now => return None,
                Some(_) => changed.set_value(true),
            }
        }
        Some(value())
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
        if errors.get().fields.contains_key(name) {
            ids.push(format!("field-{name}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// The label, hint and error around one form control.
#[component]
fn FieldFrame(
    label: &'static str,
    name: &'static str,
    hint: Option<&'static str>,
    errors: Signal<FormErrors>,
    children: Children,
) -> impl IntoView {
    let message = move || errors.get().field(name);
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
    label: &'static str,
    name: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] maxlength: Option<usize>,
    #[prop(optional)] initial: Option<String>,
    #[prop(default = true)] required: bool,
    errors: Signal<FormErrors>,
) -> impl IntoView {
    // Passwords are never sent back, and are cleared after each attempt; other fields show
    // what was typed.
    let value = move || {
        let errors = errors.get();
        if kind == "password" {
            Some(String::new())
        } else {
            errors.value(name).or_else(|| initial.clone())
        }
    };
    let attribute = {
        let value = value.clone();
        move || value().filter(|v| !v.is_empty())
    };
    // Typed text stays in the field by itself; only a password is cleared by script, after
    // each answer from the server.
    // (Other fields get a closure with nothing to track: it runs once, at hydration, and sets
    // nothing.)
    let property: Box<dyn Fn() -> Option<String> + Send + Sync> = if kind == "password" {
        Box::new(once_changed(move || errors.get(), String::new))
    } else {
        Box::new(|| None)
    };
    let property = move || property();
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
                prop:value=property
                value=attribute
                aria-invalid=move || errors.get().fields.contains_key(name).then_some("true")
                aria-describedby=described_by(name, hint.is_some(), errors)
            />
        </FieldFrame>
    }
}

/// A multi-line text field.
#[component]
pub fn TextArea(
    label: &'static str,
    name: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
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
    view! {
        <FieldFrame label name hint errors>
            <textarea
                id=format!("field-{name}")
                name=name
                rows="5"
                maxlength=maxlength
                aria-invalid=move || errors.get().fields.contains_key(name).then_some("true")
                aria-describedby=described_by(name, hint.is_some(), errors)
            >{text}</textarea>
        </FieldFrame>
    }
}

/// Options for a select, in groups: `(group label, [(value, label)])`. A group with an empty
/// label is rendered without an `<optgroup>`.
pub type OptionGroups = Vec<(String, Vec<(String, String)>)>;

/// A drop-down list. `initial` is the value chosen before anything was typed.
#[component]
pub fn SelectField(
    label: &'static str,
    name: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    options: OptionGroups,
    #[prop(into)] initial: Signal<String>,
    errors: Signal<FormErrors>,
) -> impl IntoView {
    let value = move || errors.get().value(name).unwrap_or_else(|| initial.get());
    // Read once, untracked: a parent that is re-rendered on every signal its body reads (a
    // `Suspend`) must not rebuild the form whenever the errors change.
    let chosen = untrack(value);
    // Follows `initial` when it changes after hydration (e.g. the browser's time zone).
    let property = once_changed(move || initial.get(), move || initial.get());
    let option = move |(value, text): (String, String)| {
        let selected = value == chosen;
        view! { <option value=value selected=selected>{text}</option> }
    };
    let groups = options
        .into_iter()
        .map(|(group, items)| {
            let items = items.into_iter().map(option.clone()).collect_view();
            if group.is_empty() {
                items.into_any()
            } else {
                view! { <optgroup label=group>{items}</optgroup> }.into_any()
            }
        })
        .collect_view();
    view! {
        <FieldFrame label name hint errors>
            <select
                id=format!("field-{name}")
                name=name
                prop:value=property
                aria-invalid=move || errors.get().fields.contains_key(name).then_some("true")
                aria-describedby=described_by(name, hint.is_some(), errors)
            >
                {groups}
            </select>
        </FieldFrame>
    }
}
