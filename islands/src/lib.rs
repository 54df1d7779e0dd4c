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

/// Keeps a trip page current while it is open: follows the trip's event stream
/// (`/trips/{id}/events`) and, on each change, fetches the overview again from `page_url` (the
/// trip page's server function) and puts it in place of the page's `<article class="trip">`,
/// saying what changed in a polite live region. The browser reconnects by itself, sending
/// the last event's id, and the server sends what was missed. Without JavaScript nothing is
/// live; a reload shows the current trip.
#[island]
pub fn LiveTrip(trip_id: String, page_url: String) -> impl IntoView {
    let note = RwSignal::new(String::new());
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| follow::start(trip_id.clone(), page_url.clone(), note));
    #[cfg(not(feature = "hydrate"))]
    let _ = (trip_id, page_url);
    view! {
        <p class="live-note" class:live-note--shown=move || !note.get().is_empty()
            aria-live="polite" data-live-trip="">{move || note.get()}</p>
    }
}

/// What a change announced on the stream says to the person looking at the page.
pub fn change_note(kind: &str, who: &str, summary: &str) -> String {
    let what = match kind {
        "activity_added" => format!("added “{summary}”"),
        "activity_edited" => format!("changed “{summary}”"),
        "activity_moved" => format!("moved “{summary}”"),
        "activity_deleted" => format!("deleted “{summary}”"),
        "trip_edited" => "changed the trip’s details".to_string(),
        "member_joined" => "joined the trip".to_string(),
        "member_left" => "left the trip".to_string(),
        "member_removed" => format!("removed {summary}"),
        "role_changed" | "owner_changed" => format!("changed who does what: {summary}"),
        "share_link_created" => "made a share link".to_string(),
        "share_link_revoked" => "deleted the share link".to_string(),
        _ => "changed the trip".to_string(),
    };
    let who = if who.is_empty() { "Someone" } else { who };
    format!("{who} {what}.")
}

#[cfg(feature = "hydrate")]
mod follow {
    use std::{
        cell::{Cell, RefCell},
        rc::Rc,
    };

    use leptos::prelude::*;
    use wasm_bindgen::{JsCast, JsValue, closure::Closure};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{EventSource, MessageEvent, RequestInit};

    /// Whether a refresh is running, and whether another change came in meanwhile.
    #[derive(Default)]
    struct Refreshing {
        running: Cell<bool>,
        again: Cell<bool>,
    }

    /// The stream while it is open; none while the browser is offline or the trip is gone.
    #[derive(Default)]
    struct Stream {
        source: RefCell<Option<EventSource>>,
        gone: Cell<bool>,
    }

    /// Follows the trip while the browser is online. Offline, the stream is closed (the
    /// browser would only fail to reconnect, again and again); back online, it opens again and
    /// the overview is fetched once, for whatever changed meanwhile.
    pub fn start(trip_id: String, page_url: String, note: RwSignal<String>) {
        let stream = Rc::new(Stream::default());
        if window().navigator().on_line() {
            connect(&stream, &trip_id, &page_url, note);
        }
        let paused = Closure::<dyn FnMut()>::new({
            let stream = Rc::clone(&stream);
            move || {
                if let Some(source) = stream.source.borrow_mut().take() {
                    source.close();
                }
            }
        });
        let _ =
            window().add_event_listener_with_callback("offline", paused.as_ref().unchecked_ref());
        paused.forget();
        let resumed = Closure::<dyn FnMut()>::new(move || {
            if stream.gone.get() || stream.source.borrow().is_some() {
                return;
            }
            connect(&stream, &trip_id, &page_url, note);
            let (trip_id, page_url) = (trip_id.clone(), page_url.clone());
            leptos::task::spawn_local(async move {
                if refresh(&trip_id, &page_url).await.is_err() {
                    reload();
                }
            });
        });
        let _ =
            window().add_event_listener_with_callback("online", resumed.as_ref().unchecked_ref());
        resumed.forget();
    }

    fn connect(stream: &Rc<Stream>, trip_id: &str, page_url: &str, note: RwSignal<String>) {
        let Ok(source) = EventSource::new(&format!("/trips/{trip_id}/events")) else {
            return;
        };
        let (trip_id, page_url) = (trip_id.to_string(), page_url.to_string());
        let refreshing = Rc::new(Refreshing::default());
        let on_change = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let said = event
                .data()
                .as_string()
                .and_then(|data| js_sys::JSON::parse(&data).ok())
                .map(|data| {
                    let field = |name: &str| {
                        js_sys::Reflect::get(&data, &JsValue::from_str(name))
                            .ok()
                            .and_then(|value| value.as_string())
                            .unwrap_or_default()
                    };
                    super::change_note(&field("kind"), &field("who"), &field("summary"))
                })
                .unwrap_or_default();
            let (trip_id, page_url, refreshing) =
                (trip_id.clone(), page_url.clone(), Rc::clone(&refreshing));
            leptos::task::spawn_local(async move {
                if refreshing.running.replace(true) {
                    refreshing.again.set(true);
                    note.set(said);
                    return;
                }
                loop {
                    refreshing.again.set(false);
                    if refresh(&trip_id, &page_url).await.is_err() {
                        reload();
                        return;
                    }
                    if !refreshing.again.get() {
                        break;
                    }
                }
                refreshing.running.set(false);
                note.set(said);
            });
        });
        let _ =
            source.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        on_change.forget();
        let on_reload = Closure::<dyn FnMut(MessageEvent)>::new(|_| reload());
        let _ =
            source.add_event_listener_with_callback("reload", on_reload.as_ref().unchecked_ref());
        on_reload.forget();
        let closing = source.clone();
        let ended = Rc::clone(stream);
        let on_gone = Closure::<dyn FnMut(MessageEvent)>::new(move |_| {
            closing.close();
            ended.gone.set(true);
            ended.source.borrow_mut().take();
            note.set("This trip was deleted, or you are no longer one of its members. Reload to see where things stand.".to_string());
        });
        let _ = source.add_event_listener_with_callback("gone", on_gone.as_ref().unchecked_ref());
        on_gone.forget();
        *stream.source.borrow_mut() = Some(source);
    }

    fn reload() {
        let _ = window().location().reload();
    }

    /// Fetches the trip's overview and puts it in place.
    async fn refresh(trip_id: &str, page_url: &str) -> Result<(), JsValue> {
        let init = RequestInit::new();
        init.set_method("POST");
        let headers = web_sys::Headers::new()?;
        headers.set("Content-Type", "application/x-www-form-urlencoded")?;
        headers.set("Accept", "application/json")?;
        init.set_headers(&headers);
        init.set_body(&JsValue::from_str(&format!(
            "trip_id={}",
            js_sys::encode_uri_component(trip_id)
        )));
        let response: web_sys::Response =
            JsFuture::from(window().fetch_with_str_and_init(page_url, &init))
                .await?
                .dyn_into()?;
        if !response.ok() {
            return Err(JsValue::from_str("the trip could not be read"));
        }
        let body = JsFuture::from(response.json()?).await?;
        let html = js_sys::Reflect::get(&body, &JsValue::from_str("html"))?
            .as_string()
            .ok_or_else(|| JsValue::from_str("no overview"))?;
        if let Some(article) = document().query_selector("article.trip")? {
            article.set_inner_html(&html);
        }
        Ok(())
    }
}
