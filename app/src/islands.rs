//! The interactive parts of the pages — Leptos "islands", the only components compiled to
//! WASM and hydrated in the browser. Everything else is HTML from the server: links are links,
//! forms post and redirect, and each page works the same before (or without) JavaScript. An
//! island only adds to a page that already works: a live hint, a dialog in place of a page.
//!
//! Why islands: hydrating every page shipped the whole app (routes, forms, server-function
//! clients, the reference data) to the browser — 487 KB brotli against a 180 KB budget.
//!
//! Props cross from server to browser as JSON in the page, so they stay small; `children` are
//! rendered on the server and never compiled to WASM.

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
            <p class="strength" aria-live="polite">{move || crate::auth::pages::strength_label(length.get())}</p>
        </div>
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
    /// Said to screen readers after `label` (which thing the link is for).
    #[prop(optional)]
    hidden: Option<String>,
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
        <a class=class href=href on:click=open>
            {label}
            {hidden.map(|text| view! { <span class="visually-hidden">{text}</span> })}
        </a>
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
