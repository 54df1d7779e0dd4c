//! leptos' island loader, as leptos 0.8's `HydrationScripts` writes it into the page, with two
//! changes: the hashed file names are worked out once per process (leptos looks up the binary's
//! path and reads the hash file on every page), and each island hydrates in a task of its own.
//!
//! Why the second: leptos' loader hydrates every island in one task, and on a slow phone that
//! task (the WASM's first calls compiling in, then every island) blocked input for 100–200 ms.
//! Without the preload links leptos adds for the JS and the WASM, too: the islands hydrate only
//! once the page is idle, and preloaded, their download shared a slow connection with the HTML
//! and the stylesheet the first paint waits for.
//!
//! The markup is leptos' own (`island_script.js`, MIT); `tests` fails when a leptos update
//! changes it or moves the line the yield goes before, so the copy never drifts unnoticed.

use leptos::prelude::*;

use super::file_hash;

/// leptos' loader script.
const ISLAND_SCRIPT: &str = include_str!("island_script.js");

/// Where leptos' loader hydrates one island; ours gives the main thread back before each.
const ISLAND_CALL: &str = "const res = islandFn(el);";
const ISLAND_CALL_YIELDING: &str =
    "await new Promise((resume) => setTimeout(resume)); const res = islandFn(el);";

/// The markup of leptos' `<HydrationScripts islands=true/>`, with the changes above.
/// The names (without extension) of the islands' JavaScript and WebAssembly in the site's
/// package folder, as leptos' loader names them.
pub(super) fn script_names(options: &LeptosOptions) -> (String, String) {
    let mut js = options.output_name.to_string();
    let mut wasm = js.clone();
    if options.hash_files {
        if let Some(hash) = file_hash(options, "js") {
            js = format!("{js}.{hash}");
        }
        if let Some(hash) = file_hash(options, "wasm") {
            wasm = format!("{wasm}.{hash}");
        }
    } else if option_env!("LEPTOS_OUTPUT_NAME").is_none() {
        wasm.push_str("_bg");
    }
    (js, wasm)
}

pub(super) fn hydration_scripts(options: &LeptosOptions) -> impl IntoView + use<> {
    use leptos::nonce::use_nonce;

    static SCRIPT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let script = SCRIPT.get_or_init(|| {
        let (js, wasm) = script_names(options);
        let pkg = &options.site_pkg_dir;
        format!(
            "{}({:?}, {pkg:?}, {js:?}, {wasm:?}, false);",
            ISLAND_SCRIPT.replace(ISLAND_CALL, ISLAND_CALL_YIELDING),
            ""
        )
    });
    // As leptos does: the islands are hydrated by the loader, not by the page's own markers.
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    view! { <script type="module" nonce=use_nonce()>{script.as_str()}</script> }
}

#[cfg(test)]
mod tests {
    use leptos::{nonce::Nonce, prelude::*};

    use super::{ISLAND_CALL, ISLAND_CALL_YIELDING, hydration_scripts};

    /// The copy of leptos' island loader and its markup must stay what leptos renders (but for
    /// the preload links and the yield before each island): a leptos update that changes
    /// either, or moves the line the yield goes before, fails here.
    #[test]
    fn hydration_scripts_render_what_leptos_renders() {
        let options = LeptosOptions::builder()
            .output_name("travel-planner")
            .build();
        Owner::new().with(|| {
            provide_context(Nonce::from_value("n0nce"));
            let ours = hydration_scripts(&options).to_html();
            let theirs =
                view! { <HydrationScripts options=options.clone() islands=true/> }.to_html();
            assert!(
                ours.contains("hydrateIslands(document.body, mod)"),
                "{ours}"
            );
            assert!(
                ours.contains(r#"<script type="module" nonce="n0nce">"#),
                "{ours}"
            );
            assert!(!ours.contains("<link"), "{ours}");
            assert_eq!(ours.matches(ISLAND_CALL_YIELDING).count(), 1, "{ours}");
            // leptos writes the two preload links, then the same script.
            let (links, script) = theirs.split_at(theirs.find("<script").unwrap());
            assert_eq!(links.matches("<link rel=\"").count(), 2, "{links}");
            assert!(links.contains("modulepreload") && links.contains("application/wasm"));
            assert_eq!(ours.replace(ISLAND_CALL_YIELDING, ISLAND_CALL), script);
        });
    }
}
