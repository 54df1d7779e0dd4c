//! The interactive parts of the pages — Leptos "islands", the only components compiled to
//! WASM and hydrated in the browser. Everything else is HTML from the server: links are links,
//! forms post and redirect, and each page works the same before (or without) JavaScript. An
//! island only adds to a page that already works: a live hint, a dialog in place of a page.
//!
//! Props cross from server to browser as JSON in the page, so they stay small; `children` are
//! rendered on the server and never compiled to WASM. This crate is all the WASM holds (with
//! Leptos' runtime): the pages, the server functions and the rules stay on the server.

use leptos::prelude::*;

/// Marks the moment the islands before it in the page are interactive (browser tests wait for
/// `body[data-hydrated]`). Islands hydrate in document order, so this one goes last.
#[island]
pub fn HydrationMark() -> impl IntoView {
    Effect::new(|_| {
        request_animation_frame(|| {
            if let Some(body) = document().body() {
                let _ = body.set_attribute("data-hydrated", "true");
            }
        });
    });
}

/// A live description of the password typed in the field inside (the server has the last word,
/// including the common-password check).
#[island]
pub fn PasswordStrength(children: Children) -> impl IntoView {
    let length = RwSignal::new(0usize);
    view! {
        <div on:input=move |event| length.set(event_target_value(&event).chars().count())>
            {children()}
            <p class="strength" aria-live="polite">{move || strength_label(length.get())}</p>
        </div>
    }
}

/// Passwords shorter than this are refused (the server's rule, `domain::accounts::model`; a
/// test in `app` keeps the two equal).
pub const PASSWORD_MIN: usize = 8;
/// Passwords this long or longer are called strong.
pub const PASSWORD_STRONG: usize = 15;

/// How a password of `length` characters is described while it is typed.
pub fn strength_label(length: usize) -> &'static str {
    match length {
        0 => "",
        1..PASSWORD_MIN => "Too short",
        PASSWORD_MIN..PASSWORD_STRONG => "Long enough — longer is stronger",
        _ => "Strong",
    }
}

/// A link to a confirmation page that, with JavaScript, asks in a dialog on the same page
/// instead. `children` is the dialog's content: a heading with id `heading`, and a form whose
/// cancel button has `formmethod="dialog"` (which closes the dialog without sending anything).
#[island]
pub fn ConfirmLink(
    href: String,
    class: String,
    label: String,
    heading: String,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let open = move |event: leptos::ev::MouseEvent| {
        if let Some(dialog) = dialog.get() {
            event.prevent_default();
            let _ = dialog.show_modal();
        }
    };
    view! {
        <a class=class href=href on:click=open>{label}</a>
        <dialog node_ref=dialog class="dialog" aria-labelledby=heading>{children()}</dialog>
    }
}

/// Sets the time-zone select inside (`#field-time_zone`) to the zone this device is set to,
/// when the select offers it — for a traveler who has not chosen a home zone (`apply`).
#[island]
pub fn ZoneFromDevice(apply: bool, children: Children) -> impl IntoView {
    Effect::new(move |_| {
        if apply {
            use_device_zone();
        }
    });
    children()
}

#[cfg(feature = "hydrate")]
fn use_device_zone() {
    let options = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
        .resolved_options();
    let Some(zone) = js_sys::Reflect::get(&options, &"timeZone".into())
        .ok()
        .and_then(|zone| zone.as_string())
    else {
        return;
    };
    // Zone names are letters, digits and `/_+-`; anything else is not one of ours (and would
    // break the selector).
    let plain = |c: char| c.is_ascii_alphanumeric() || "/_+-".contains(c);
    if zone.is_empty() || !zone.chars().all(plain) {
        return;
    }
    let offered = document()
        .query_selector(&format!("#field-time_zone option[value=\"{zone}\"]"))
        .ok()
        .flatten()
        .is_some();
    if offered && let Some(select) = document().get_element_by_id("field-time_zone") {
        let _ = js_sys::Reflect::set(&select, &"value".into(), &zone.into());
    }
}

#[cfg(not(feature = "hydrate"))]
fn use_device_zone() {}

/// With JavaScript, a form being sent shows it (`aria-busy` on the form, `is-pending` on the
/// button pressed) and is not sent twice by a second press. The button is not `disabled`: a
/// disabled button's own name and value would drop out of the form data. A dialog's Cancel
/// (`formmethod="dialog"`) sends nothing and is left alone.
#[island]
pub fn PendingForms() -> impl IntoView {
    Effect::new(|_| {
        let on_submit = window_event_listener(leptos::ev::submit, |event| {
            use leptos::wasm_bindgen::JsCast;
            let Some(form) = event
                .target()
                .and_then(|target| target.dyn_into::<leptos::web_sys::Element>().ok())
            else {
                return;
            };
            let submitter = event.submitter();
            if submitter
                .as_ref()
                .and_then(|button| button.get_attribute("formmethod"))
                .is_some_and(|method| method == "dialog")
            {
                return;
            }
            if form.get_attribute("aria-busy").as_deref() == Some("true") {
                event.prevent_default();
                return;
            }
            let _ = form.set_attribute("aria-busy", "true");
            if let Some(button) = submitter {
                let _ = button.class_list().add_1("is-pending");
            }
        });
        // A page restored from the back/forward cache must not stay busy.
        let on_show = window_event_listener(leptos::ev::pageshow, |_| {
            while let Ok(Some(form)) = document().query_selector("[aria-busy=\"true\"]") {
                if form.remove_attribute("aria-busy").is_err() {
                    break;
                }
            }
            while let Ok(Some(button)) = document().query_selector(".is-pending") {
                if button.class_list().remove_1("is-pending").is_err() {
                    break;
                }
            }
        });
        // The listeners live as long as the page.
        std::mem::forget((on_submit, on_show));
    });
}

/// Where the activity dialog's form posts (the server function `DeleteActivity` in `app`; a
/// test there checks they agree).
pub const DELETE_ACTIVITY_URL: &str = "/api/itinerary/delete";

/// One dialog for all the "Delete" links of a plan's activities (links carrying
/// `data-delete-activity` = the activity's id and `data-title`): with JavaScript, a press asks
/// here instead of opening the confirmation page. One dialog rather than one per activity keeps
/// the trip page small.
#[island]
pub fn DeleteActivityDialog() -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let chosen = RwSignal::new((String::new(), String::new()));
    Effect::new(move |_| {
        let on_click = window_event_listener(leptos::ev::click, move |event| {
            use leptos::wasm_bindgen::JsCast;
            let plain = event.button() == 0
                && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key());
            if event.default_prevented() || !plain {
                return;
            }
            let Some(link) = event
                .target()
                .and_then(|target| target.dyn_into::<leptos::web_sys::Element>().ok())
                .and_then(|element| element.closest("a[data-delete-activity]").ok().flatten())
            else {
                return;
            };
            let id = link
                .get_attribute("data-delete-activity")
                .unwrap_or_default();
            let title = link.get_attribute("data-title").unwrap_or_default();
            if let Some(dialog) = dialog.get_untracked() {
                event.prevent_default();
                chosen.set((id, title));
                let _ = dialog.show_modal();
            }
        });
        // The listener lives as long as the page.
        std::mem::forget(on_click);
    });
    view! {
        <dialog node_ref=dialog class="dialog" aria-labelledby="delete-activity-heading">
            <h2 id="delete-activity-heading">{move || format!("Delete “{}”?", chosen.get().1)}</h2>
            <p>"It will be removed from the plan. This can’t be undone."</p>
            <form method="post" action=DELETE_ACTIVITY_URL class="dialog__actions">
                <input type="hidden" name="id" prop:value=move || chosen.get().0/>
                <button type="submit" formmethod="dialog" formnovalidate=true class="button button--secondary">
                    "Cancel"
                </button>
                <button type="submit" class="button button--danger">"Delete activity"</button>
            </form>
        </dialog>
    }
}

#[cfg(test)]
mod tests {
    use super::strength_label;

    #[test]
    fn fifteen_characters_and_up_are_strong() {
        assert_eq!(strength_label(0), "");
        assert_eq!(strength_label(7), "Too short");
        assert_eq!(strength_label(8), "Long enough — longer is stronger");
        assert_eq!(strength_label(14), "Long enough — longer is stronger");
        assert_eq!(strength_label(15), "Strong");
    }
}
