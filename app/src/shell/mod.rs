//! The HTML document around every page: head, stylesheet and the island loader.

mod island_loader;

use leptos::prelude::*;
use leptos_meta::MetaTags;

use crate::{App, context::lang, scaffold::at_once};

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: &LeptosOptions) -> impl IntoView + use<> {
    let l = lang();
    view! {
        <!DOCTYPE html>
        <html lang=l.code()>
            <head>
                {at_once(view! {
                    <meta charset="utf-8"/>
                    <meta name="viewport" content="width=device-width, initial-scale=1"/>
                    <meta name="color-scheme" content="light dark"/>
                    <meta name="description" content=i18n::tr!(l, "meta-description")/>
                    <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                    <link rel="manifest" href="/manifest.webmanifest"/>
                    <meta name="theme-color" content="#0f766e"/>
                    // Not an island: the service worker's registration, the offline guard on
                    // forms, the copy buttons (public/app.js). An extra; pages work without it.
                    <script src="/app.js" defer nonce=leptos::nonce::use_nonce()></script>
                    <link rel="stylesheet" id="leptos" href=stylesheet_href(options)/>
                    {island_loader::hydration_scripts(options)}
                })}
                <MetaTags/>
            </head>
            <body data-offline-note=i18n::tr!(l, "js-offline-note")>
                <App/>
            </body>
        </html>
    }
}

/// Every file of the site folder a page can link, as the address the page writes (without a
/// query string): the stylesheet and the islands' script and WebAssembly under their hashed
/// names when `hash.txt` is beside the binary, the site's own scripts, icons and the vendored
/// map library. The server refuses to start when one is missing, so a copied release that lost
/// a file (or `hash.txt`) fails loudly instead of serving unstyled pages.
pub fn linked_files(options: &LeptosOptions) -> Vec<String> {
    let (js, wasm) = island_loader::script_names(options);
    let pkg = &options.site_pkg_dir;
    let strip_query = |href: &str| href.split('?').next().unwrap_or(href).to_string();
    let mut files = vec![
        stylesheet_href(options).to_string(),
        format!("/{pkg}/{js}.js"),
        format!("/{pkg}/{wasm}.wasm"),
        "/app.js".to_string(),
        "/sw.js".to_string(),
        "/favicon.svg".to_string(),
        "/manifest.webmanifest".to_string(),
        strip_query(crate::assets::map_js()),
        strip_query(crate::assets::places_js()),
    ];
    files.extend(
        ["icon-192.png", "icon-512.png", "maskable-512.png"].map(|icon| format!("/icons/{icon}")),
    );
    files.extend(
        ["leaflet.js", "leaflet.css"].map(|file| format!("{}/{file}", crate::views::map::LEAFLET)),
    );
    files
}

/// The content hashes cargo-leptos wrote next to the binary (`css: …`, `js: …`, `wasm: …`),
/// read once per process. Empty when the build does not hash its files.
pub(crate) fn file_hash(options: &LeptosOptions, file: &str) -> Option<&'static str> {
    static HASHES: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    HASHES
        .get_or_init(|| {
            let read = || {
                let folder = std::env::current_exe().ok()?.parent()?.to_path_buf();
                std::fs::read_to_string(folder.join(options.hash_file.as_ref())).ok()
            };
            let hashes = if options.hash_files { read() } else { None };
            if options.hash_files && hashes.is_none() {
                tracing::error!("file hashing is on but the hash file cannot be read");
            }
            hashes
                .unwrap_or_default()
                .lines()
                .filter_map(|line| {
                    let (file, hash) = line.trim().split_once(':')?;
                    Some((file.to_string(), hash.trim().to_string()))
                })
                .collect()
        })
        .iter()
        .find_map(|(name, hash)| (name == file).then_some(hash.as_str()))
}

/// The stylesheet's address, with its content hash when the build hashed the files. Worked out
/// once per process: leptos_meta's `HashedStylesheet` reads the hash file on every page.
fn stylesheet_href(options: &LeptosOptions) -> &'static str {
    static HREF: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HREF.get_or_init(|| {
        let hash = file_hash(options, "css").map(|hash| format!(".{hash}"));
        format!(
            "/{}/{}{}.css",
            options.site_pkg_dir,
            options.output_name,
            hash.unwrap_or_default()
        )
    })
}

/// A page title as HTML. leptos_meta 0.8 writes the title into the server's HTML without
/// escaping it (the browser sets `document.title` as plain text and needs nothing), so user text
/// in a title (a trip's name) is escaped here. The integration test
/// `trips::user_text_is_shown_literally` checks the exact title: it fails if leptos starts
/// escaping titles itself (then this double-escapes, and can go).
pub fn title_text(title: String) -> String {
    title
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
