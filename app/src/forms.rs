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

#[component]
pub fn Field(
    label: &'static str,
    name: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] initial: Option<String>,
    #[prop(default = true)] required: bool,
    errors: Signal<FormErrors>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let message = move || errors.get().field(name);
    let described_by = {
        let error_id = error_id.clone();
        let hint_id = hint_id.clone();
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if message().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
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
    view! {
        <div class="field" class:field--invalid=move || message().is_some()>
            <label for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <p class="field__hint" id=hint_id.clone()>{hint}</p> })}
            <input
                id=id.clone()
                name=name
                type=kind
                autocomplete=autocomplete
                required=required
                prop:value=value
                value=attribute
                aria-invalid=move || message().is_some().then_some("true")
                aria-describedby=described_by
            />
            {move || message().map(|m| view! { <p class="field__error" id=error_id.clone()>{m}</p> })}
        </div>
    }
}
