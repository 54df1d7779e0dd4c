//! Pages without Leptos: the error pages for failures outside the app (a panic, a timeout, the
//! rate limit, the database gone) and the frame the API reference is shown in — the site's
//! look, no scripts, nothing read from the database.

use std::sync::Arc;

use app::escape_html;
use axum::{
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use i18n::{Language, tr};
use leptos::prelude::LeptosOptions;

/// Renders the error pages; knows the stylesheet's (hashed) address.
#[derive(Clone)]
pub struct ErrorPages {
    stylesheet: Arc<str>,
}

struct Copy {
    title: String,
    heading: String,
    text: String,
}

/// The page's words for `status`, in `l` (the JSON answer uses English).
fn copy(status: StatusCode, l: Language) -> Copy {
    let (title, heading, text) = match status.as_u16() {
        404 => (
            tr!(l, "error-not-found-title"),
            tr!(l, "error-not-found-heading"),
            tr!(l, "error-not-found-text"),
        ),
        408 => (
            tr!(l, "error-timeout-title"),
            tr!(l, "error-timeout-heading"),
            tr!(l, "error-timeout-text"),
        ),
        413 => (
            tr!(l, "error-too-large-title"),
            tr!(l, "error-too-large-heading"),
            tr!(l, "error-too-large-text"),
        ),
        429 => (
            tr!(l, "error-rate-title"),
            tr!(l, "error-rate-heading"),
            tr!(l, "error-rate-text"),
        ),
        503 => (
            tr!(l, "error-unavailable-title"),
            tr!(l, "error-unavailable-heading"),
            tr!(l, "error-unavailable-text"),
        ),
        _ => (
            tr!(l, "error-server-title"),
            tr!(l, "error-server-heading"),
            tr!(l, "error-server-text"),
        ),
    };
    Copy {
        title,
        heading,
        text,
    }
}

impl ErrorPages {
    /// Finds the stylesheet the way the app's shell does (`hash.txt` beside the binary).
    pub fn new(options: &LeptosOptions) -> Self {
        let mut name = options.output_name.to_string();
        if options.hash_files
            && let Some(hash) = std::env::current_exe()
                .ok()
                .and_then(|exe| exe.parent().map(|dir| dir.join(options.hash_file.as_ref())))
                .and_then(|path| std::fs::read_to_string(path).ok())
                .and_then(|hashes| {
                    hashes.lines().find_map(|line| {
                        line.trim()
                            .split_once(':')
                            .filter(|(file, _)| *file == "css")
                            .map(|(_, hash)| hash.trim().to_string())
                    })
                })
        {
            name = format!("{name}.{hash}");
        }
        Self::with_stylesheet(&format!("/{}/{name}.css", options.site_pkg_dir))
    }

    pub fn with_stylesheet(href: &str) -> Self {
        Self {
            stylesheet: href.into(),
        }
    }

    /// The HTML document for `status`, in `l`.
    pub fn html(&self, status: StatusCode, l: Language) -> String {
        let Copy {
            title,
            heading,
            text,
        } = copy(status, l);
        let (heading, text, home) = (
            escape_html(&heading),
            escape_html(&text),
            escape_html(&tr!(l, "error-home")),
        );
        let code = status.as_u16();
        self.document_in(
            l,
            &title,
            &format!(
                r#"<section class="notice" aria-labelledby="error-heading"><p class="notice__code" aria-hidden="true">{code}</p><h1 id="error-heading">{heading}</h1><p>{text}</p><p><a class="button" href="/">{home}</a></p></section>"#
            ),
        )
    }

    /// A whole page in English in the site's layout (header, footer, stylesheet, no scripts)
    /// around `main`, which must be escaped HTML. Used by the API reference (`/api/docs`).
    pub fn document(&self, title: &str, main: &str) -> String {
        self.document_in(Language::En, title, main)
    }

    /// [`Self::document`] in `l`: its `<html lang>` and the frame's words.
    pub fn document_in(&self, l: Language, title: &str, main: &str) -> String {
        let stylesheet = &self.stylesheet;
        let lang = l.code();
        let title = escape_html(title);
        let skip = escape_html(&tr!(l, "landing-skip-link"));
        let tagline = escape_html(&tr!(l, "site-tagline"));
        let legal = escape_html(&tr!(l, "nav-legal"));
        let privacy = escape_html(&tr!(l, "nav-privacy"));
        let terms = escape_html(&tr!(l, "nav-terms"));
        format!(
            r##"<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><title>{title} · Travel Planner</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="{stylesheet}"></head>
<body><a class="skip-link" href="#main">{skip}</a><header class="site-header"><div class="site-header__inner"><a class="brand" href="/"><svg class="icon icon--logo" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M2.5 19h19"/><path d="M3.5 13.5l4 1.5 4.5-6.5 2 .5-2.5 7 5 1.8c1 .4 2.2-.1 2.6-1.1.3-.8-.1-1.7-.9-2L5.6 8.8 4 9.5l3.3 3.9z"/></svg><span>Travel Planner</span></a></div></header>
<main id="main" class="page" tabindex="-1">{main}</main>
<footer class="site-footer"><div class="site-footer__inner"><p>Travel Planner — {tagline}</p><nav aria-label="{legal}"><ul class="nav-list"><li><a href="/privacy">{privacy}</a></li><li><a href="/terms">{terms}</a></li></ul></nav></div></footer></body></html>"##
        )
    }

    /// A complete response: the page with `status` in `l`, never cached.
    pub fn page(&self, status: StatusCode, l: Language) -> Response {
        (
            status,
            [
                (header::CONTENT_TYPE, "text/html; charset=utf-8"),
                (header::CACHE_CONTROL, "no-store"),
            ],
            self.html(status, l),
        )
            .into_response()
    }
}

/// What a client that does not read HTML gets instead of an error page.
pub fn json(status: StatusCode) -> Response {
    let Copy { text, .. } = copy(status, Language::En);
    let code = status
        .canonical_reason()
        .unwrap_or("error")
        .to_ascii_lowercase()
        .replace(' ', "_");
    (
        status,
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        serde_json::json!({ "error": code, "message": text }).to_string(),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_names_its_status_and_links_home() {
        let pages = ErrorPages::with_stylesheet("/pkg/travel-planner.abc.css");
        for status in [404, 408, 413, 429, 500, 503] {
            let status = StatusCode::from_u16(status).unwrap();
            let html = pages.html(status, Language::En);
            assert!(html.contains(&format!(">{}<", status.as_u16())), "{html}");
            assert!(html.contains(r#"href="/pkg/travel-planner.abc.css""#));
            assert!(html.contains(r#"<a class="button" href="/">"#));
            assert!(!html.contains("<script"), "error pages run no script");
        }
        assert!(
            pages
                .html(StatusCode::TOO_MANY_REQUESTS, Language::En)
                .contains("Slow down")
        );
        assert!(
            pages
                .html(StatusCode::SERVICE_UNAVAILABLE, Language::En)
                .contains("right back")
        );
    }

    #[test]
    fn pages_speak_the_language_asked_for() {
        let pages = ErrorPages::with_stylesheet("/pkg/x.css");
        let english = pages.html(StatusCode::NOT_FOUND, Language::En);
        assert!(english.contains(r#"<html lang="en">"#));
        assert!(english.contains("<title>Page not found · Travel Planner</title>"));
        let german = pages.html(StatusCode::NOT_FOUND, Language::De);
        assert!(german.contains(r#"<html lang="de">"#));
        assert!(german.contains("Seite nicht gefunden"));
        let french = pages.html(StatusCode::TOO_MANY_REQUESTS, Language::Fr);
        assert!(french.contains(r#"<html lang="fr">"#));
        assert!(french.contains("Un peu moins vite"));
    }
}
