//! The interactive parts of the pages — Leptos "islands", the only components compiled to
//! WASM and hydrated in the browser. Everything else is HTML from the server: links are links,
//! forms post and redirect, and each page works the same before (or without) JavaScript. An
//! island only adds to a page that already works: a live hint, a dialog in place of a page.
//!
//! Props cross from server to browser as JSON in the page, so they stay small; `children` are
//! rendered on the server and never compiled to WASM. The words an island shows are props too,
//! in the page's language (the server fills them in from its translations): the WASM holds no
//! translations. They come as one string prop, a line each ([`words`], [`line`]): a struct of
//! strings would cost the WASM a deserializer of its own. Where an island puts words together,
//! it gets templates with `{who}`-style placeholders ([`fill`]). This crate is all the WASM holds (with
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

/// An island's words as its prop: one line each (a line break inside one becomes a space).
pub fn words<S: AsRef<str>>(lines: &[S]) -> String {
    lines
        .iter()
        .map(|line| line.as_ref().replace(['\n', '\r'], " "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Line `index` of an island's words (empty when there is none).
pub fn line(words: &str, index: usize) -> &str {
    words.split('\n').nth(index).unwrap_or_default()
}

/// `template` with each `{name}` of `values` filled in, in one pass (a value that holds a
/// placeholder stays as it is); other braces are kept.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        rest = &rest[at + 1..];
        let found = values.iter().find_map(|(name, value)| {
            let after = rest.strip_prefix(name)?.strip_prefix('}')?;
            Some((value, after))
        });
        match found {
            Some((value, after)) => {
                out.push_str(value);
                rest = after;
            }
            None => out.push('{'),
        }
    }
    out.push_str(rest);
    out
}

/// A live description of the password typed in the field inside (the server has the last word,
/// including the common-password check). `words`: "too short", "long enough" and "strong"
/// ([`Strength`]) in the page's language, as [`words`] makes them.
#[island]
pub fn PasswordStrength(words: String, children: Children) -> impl IntoView {
    let length = RwSignal::new(0usize);
    let label = move || {
        match strength(length.get()) {
            Strength::None => "",
            Strength::TooShort => line(&words, 0),
            Strength::LongEnough => line(&words, 1),
            Strength::Strong => line(&words, 2),
        }
        .to_string()
    };
    view! {
        <div on:input=move |event| length.set(event_target_value(&event).chars().count())>
            {children()}
            <p class="strength" aria-live="polite">{label}</p>
        </div>
    }
}

/// Passwords shorter than this are refused (the server's rule, `domain::accounts::model`; a
/// test in `app` keeps the two equal).
pub const PASSWORD_MIN: usize = 8;
/// Passwords this long or longer are called strong.
pub const PASSWORD_STRONG: usize = 15;

/// How a password is described while it is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    /// Nothing typed: nothing said.
    None,
    /// "Too short".
    TooShort,
    /// "Long enough — longer is stronger".
    LongEnough,
    /// "Strong".
    Strong,
}

/// How a password of `length` characters is described while it is typed.
pub fn strength(length: usize) -> Strength {
    match length {
        0 => Strength::None,
        1..PASSWORD_MIN => Strength::TooShort,
        PASSWORD_MIN..PASSWORD_STRONG => Strength::LongEnough,
        _ => Strength::Strong,
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
/// the trip page small. `words`, in the page's language, as [`words`] makes them: the heading
/// (with `{title}` for the activity's), the text, and the buttons Cancel and Delete.
#[island]
pub fn DeleteActivityDialog(words: String) -> impl IntoView {
    let text = line(&words, 1).to_string();
    let cancel = line(&words, 2).to_string();
    let delete = line(&words, 3).to_string();
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
            <h2 id="delete-activity-heading">{move || fill(line(&words, 0), &[("title", &chosen.get().1)])}</h2>
            <p>{text}</p>
            <form method="post" action=DELETE_ACTIVITY_URL class="dialog__actions">
                <input type="hidden" name="id" prop:value=move || chosen.get().0/>
                <button type="submit" formmethod="dialog" formnovalidate=true class="button button--secondary">
                    {cancel}
                </button>
                <button type="submit" class="button button--danger">{delete}</button>
            </form>
        </dialog>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fifteen_characters_and_up_are_strong() {
        assert_eq!(strength(0), Strength::None);
        assert_eq!(strength(1), Strength::TooShort);
        assert_eq!(strength(7), Strength::TooShort);
        assert_eq!(strength(8), Strength::LongEnough);
        assert_eq!(strength(14), Strength::LongEnough);
        assert_eq!(strength(15), Strength::Strong);
    }

    #[test]
    fn templates_are_filled_in_once() {
        assert_eq!(
            fill("Delete “{title}”?", &[("title", "Museum")]),
            "Delete “Museum”?"
        );
        // A value holding a placeholder is not filled in again; unknown braces stay.
        assert_eq!(
            fill(
                "{who} added “{summary}” {x}",
                &[("who", "{summary}"), ("summary", "Tea")]
            ),
            "{summary} added “Tea” {x}"
        );
        assert_eq!(fill("{who", &[("who", "Ana")]), "{who");
    }

    fn english() -> LiveWords {
        let note = |what: &str| format!("{{who}} {what}.");
        LiveWords {
            someone: "Someone".into(),
            activity_added: note("added “{summary}”"),
            activity_edited: note("changed “{summary}”"),
            activity_moved: note("moved “{summary}”"),
            activity_deleted: note("deleted “{summary}”"),
            trip_edited: note("changed the trip’s details"),
            member_joined: note("joined the trip"),
            member_left: note("left the trip"),
            member_removed: note("removed {summary}"),
            roles_changed: note("changed who does what: {summary}"),
            share_link_created: note("made a share link"),
            share_link_revoked: note("deleted the share link"),
            other: note("changed the trip"),
            gone: "The trip is gone.".into(),
            roles: vec![(
                " is now an editor".into(),
                "{name} ist jetzt Bearbeiter".into(),
            )],
        }
    }

    #[test]
    fn words_cross_as_one_string() {
        let prop = words(&["Too short", "Long\nenough", "Strong"]);
        assert_eq!(line(&prop, 1), "Long enough");
        assert_eq!(line(&prop, 2), "Strong");
        assert_eq!(line(&prop, 3), "");
        let live = english().to_prop();
        assert_eq!(line(&live, 0), "Someone");
        assert_eq!(line(&live, GONE_LINE), "The trip is gone.");
    }

    #[test]
    fn a_change_is_told_with_its_kind_s_template() {
        let words = english().to_prop();
        assert_eq!(
            change_note(&words, "activity_added", "Ana", "Museum"),
            "Ana added “Museum”."
        );
        assert_eq!(
            change_note(&words, "member_joined", "", ""),
            "Someone joined the trip."
        );
        assert_eq!(
            change_note(&words, "trip_created", "Ana", "Lisbon"),
            "Ana changed the trip."
        );
        // A role change's summary (the server's, in English) in the page's language.
        assert_eq!(
            change_note(&words, "role_changed", "Ana", "Ben is now an editor"),
            "Ana changed who does what: Ben ist jetzt Bearbeiter."
        );
        assert_eq!(
            change_note(&words, "owner_changed", "Ana", "Ben is now the owner"),
            "Ana changed who does what: Ben is now the owner."
        );
    }
}

/// Keeps a trip page current while it is open: follows the trip's event stream
/// (`/trips/{id}/events`) and, on each change, fetches the overview again from `page_url` (the
/// trip page's server function) and puts it in place of the page's `<article class="trip">`,
/// saying what changed in a polite live region (in `words`, the page's language:
/// [`LiveWords::to_prop`]). The browser
/// reconnects by itself, sending the last event's id, and the server sends what was missed.
/// Without JavaScript nothing is live; a reload shows the current trip.
#[island]
pub fn LiveTrip(trip_id: String, page_url: String, words: String) -> impl IntoView {
    let note = RwSignal::new(String::new());
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        follow::start(
            trip_id.clone(),
            page_url.clone(),
            std::rc::Rc::from(words.as_str()),
            note,
        );
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (trip_id, page_url, words);
    view! {
        <p class="live-note" class:live-note--shown=move || !note.get().is_empty()
            aria-live="polite" data-live-trip="">{move || note.get()}</p>
    }
}

/// What [`LiveTrip`] says, in the page's language: per kind of change a note with `{who}` and
/// `{summary}` to fill in (`"{who} added “{summary}”."`). Sent as one string
/// ([`LiveWords::to_prop`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LiveWords {
    /// Who, when the change has no name.
    pub someone: String,
    pub activity_added: String,
    pub activity_edited: String,
    pub activity_moved: String,
    pub activity_deleted: String,
    pub trip_edited: String,
    pub member_joined: String,
    pub member_left: String,
    pub member_removed: String,
    /// A role or the owner changed; `{summary}` says who has which role now.
    pub roles_changed: String,
    pub share_link_created: String,
    pub share_link_revoked: String,
    /// Any other change.
    pub other: String,
    /// The trip is gone, or the traveler is no longer a member.
    pub gone: String,
    /// A role change's summary comes in English (`Ben is now an editor`): per English ending,
    /// the summary in the page's language, with `{name}` for what comes before the ending.
    pub roles: Vec<(String, String)>,
}

impl LiveWords {
    /// The words as [`LiveTrip`]'s prop: a line each, in the fields' order, then a line per
    /// role ending (`ending`, a tab, the summary).
    pub fn to_prop(&self) -> String {
        let mut lines = vec![
            self.someone.clone(),
            self.activity_added.clone(),
            self.activity_edited.clone(),
            self.activity_moved.clone(),
            self.activity_deleted.clone(),
            self.trip_edited.clone(),
            self.member_joined.clone(),
            self.member_left.clone(),
            self.member_removed.clone(),
            self.roles_changed.clone(),
            self.share_link_created.clone(),
            self.share_link_revoked.clone(),
            self.other.clone(),
            self.gone.clone(),
        ];
        lines.extend(self.roles.iter().map(|(ending, said)| {
            format!("{}\t{}", ending.replace('\t', " "), said.replace('\t', " "))
        }));
        words(&lines)
    }
}

/// The line of [`LiveWords::to_prop`] saying the trip is gone.
const GONE_LINE: usize = 13;

/// What a change announced on the stream says to the person looking at the page, in `words`
/// ([`LiveWords::to_prop`]).
pub fn change_note(words: &str, kind: &str, who: &str, summary: &str) -> String {
    let template = match kind {
        "activity_added" => 1,
        "activity_edited" => 2,
        "activity_moved" => 3,
        "activity_deleted" => 4,
        "trip_edited" => 5,
        "member_joined" => 6,
        "member_left" => 7,
        "member_removed" => 8,
        "role_changed" | "owner_changed" => 9,
        "share_link_created" => 10,
        "share_link_revoked" => 11,
        _ => 12,
    };
    let summary = words
        .split('\n')
        .skip(GONE_LINE + 1)
        .find_map(|role| {
            let (ending, said) = role.split_once('\t')?;
            Some(fill(said, &[("name", summary.strip_suffix(ending)?)]))
        })
        .unwrap_or_else(|| summary.to_string());
    let who = if who.is_empty() { line(words, 0) } else { who };
    fill(
        line(words, template),
        &[("who", who), ("summary", &summary)],
    )
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
    pub fn start(trip_id: String, page_url: String, words: Rc<str>, note: RwSignal<String>) {
        let stream = Rc::new(Stream::default());
        if window().navigator().on_line() {
            connect(&stream, &trip_id, &page_url, &words, note);
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
            connect(&stream, &trip_id, &page_url, &words, note);
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

    fn connect(
        stream: &Rc<Stream>,
        trip_id: &str,
        page_url: &str,
        words: &Rc<str>,
        note: RwSignal<String>,
    ) {
        let Ok(source) = EventSource::new(&format!("/trips/{trip_id}/events")) else {
            return;
        };
        let (trip_id, page_url) = (trip_id.to_string(), page_url.to_string());
        let told = Rc::clone(words);
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
                    super::change_note(&told, &field("kind"), &field("who"), &field("summary"))
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
        let gone = super::line(words, super::GONE_LINE).to_string();
        let on_gone = Closure::<dyn FnMut(MessageEvent)>::new(move |_| {
            closing.close();
            ended.gone.set(true);
            ended.source.borrow_mut().take();
            note.set(gone.clone());
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
