//! Guards for the patched renderer (`vendor/tachys`, `vendor/README.md`): that it is the copy
//! built (and the patched reactive graph too), and that elements come out as the published
//! renderer writes them.

#![allow(clippy::unwrap_used)]

use leptos::prelude::*;

/// The Leptos crates patched in `vendor/` and the versions they were copied from: the
/// renderer, and the reactive graph (`tests/patched_reactive_graph.rs` checks what its patch
/// does).
const PATCHED: [(&str, &str); 2] = [("tachys", "0.2.19"), ("reactive_graph", "0.2.16")];

/// `Cargo.lock` takes each from `vendor/` (a path has no `source` line), at the version the
/// patch was made for: a Leptos upgrade, or a patch Cargo stopped using (it only warns), fails
/// here.
#[test]
fn the_renderer_and_the_reactive_graph_are_the_patched_copies() {
    let lock =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.lock")).unwrap();
    for (name, version) in PATCHED {
        let entries: Vec<&str> = lock
            .split("[[package]]")
            .filter(|entry| entry.contains(&format!("name = \"{name}\"\n")))
            .collect();
        assert_eq!(entries.len(), 1, "one {name} in Cargo.lock");
        assert!(
            entries[0].contains(&format!("version = \"{version}\"")),
            "{name} is no longer {version}: re-apply vendor/README.md's patch"
        );
        assert!(
            !entries[0].contains("source ="),
            "{name} comes from the registry, not vendor/"
        );
    }
}

/// Classes and styles, whole and one by one, after the other attributes, trimmed and escaped,
/// byte for byte as the published renderer writes them (checked against it, empty values
/// included); the buffers kept between elements carry nothing from one to the next.
#[test]
fn classes_and_styles_are_written_as_published() {
    let shown = true;
    let hidden = false;
    let html = view! {
        <section class="card" id="a" class:card--shown=shown class:card--hidden=hidden>
            <p class=" note \"quoted\" " style="color: red" style:width="2px">"x"</p>
            <p title=move || "plain">"y"</p>
            <p class=move || "" style=move || "">"z"</p>
            <span class=move || "last"></span>
        </section>
    }
    .to_html();
    assert_eq!(
        html,
        "<section id=\"a\" class=\"card card--shown\">\
         <p class=\"note &quot;quoted&quot;\" style=\"color: red;width:2px;\">x</p>\
         <p title=\"plain\">y</p>\
         <p class=\"\" style=\";\">z</p>\
         <span class=\"last\"></span></section>"
    );
}

/// An attribute that writes an element of its own while its element's attributes are being
/// written (the buffers are taken then) gets buffers of its own: neither class leaks into the
/// other.
#[test]
fn an_element_written_inside_an_attribute_keeps_its_own_class() {
    let inner = move || view! { <b class="inner">"i"</b> }.to_html();
    let html = view! { <div class="outer" title=inner></div> }.to_html();
    assert_eq!(
        html,
        "<div title=\"&lt;b class=&quot;inner&quot;&gt;i&lt;/b&gt;\" class=\"outer\"></div>"
    );
}

/// Text and attribute values are escaped as `html_escape` escapes them, wherever the byte to
/// escape falls: in the first 16 bytes, in a later block of 16, at a block's edge, in the tail
/// shorter than 16, or beside characters of several bytes (the patch tests 16 bytes at a time
/// and hands anything to escape to `html_escape`).
#[test]
fn text_and_attributes_are_escaped_wherever_the_byte_falls() {
    fn attribute(text: &str) -> String {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    }
    fn text_node(text: &str) -> String {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    }
    for base in [
        "a".repeat(40),
        "é".repeat(20),
        format!("{}€", "b".repeat(36)),
    ] {
        for special in ['&', '<', '>', '"'] {
            for at in 0..=base.len() {
                if !base.is_char_boundary(at) {
                    continue;
                }
                let mut value = base.clone();
                value.insert(at, special);
                let html = view! { <p title=value.clone()>{value.clone()}</p> }.to_html();
                assert_eq!(
                    html,
                    format!(
                        "<p title=\"{}\">{}</p>",
                        attribute(&value),
                        text_node(&value)
                    ),
                    "{special:?} at {at} of {value:?}"
                );
            }
        }
        // Nothing to escape: written as it is.
        let html = view! { <p title=base.clone()>{base.clone()}</p> }.to_html();
        assert_eq!(html, format!("<p title=\"{base}\">{base}</p>"));
    }
}
