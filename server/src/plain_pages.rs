//! Pages without Leptos: the error pages for failures outside the app (a panic, a timeout, the
//! rate limit, the database gone) and the frame the API reference is shown in — the site's
//! look, no scripts, nothing read from the database.

use std::sync::Arc;

use axum::{
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use leptos::prelude::LeptosOptions;

/// Renders the error pages; knows the stylesheet's (hashed) address.
#[derive(Clone)]
pub struct ErrorPages {
    stylesheet: Arc<str>,
}

struct Copy {
    title: &'static str,
    heading: &'static str,
    text: &'static str,
}

fn copy(status: StatusCode) -> Copy {
    match status.as_u16() {
        404 => Copy {
            title: "Page not found",
            heading: "We couldn’t find that page",
            text: "The link may be old, or the address may have a typo. Your trips are safe — this page just doesn’t exist.",
        },
        408 => Copy {
            title: "That took too long",
            heading: "That took too long",
            text: "We stopped waiting for this request. Please check your connection and try again.",
        },
        413 => Copy {
            title: "Too much to send",
            heading: "That was more than we can take",
            text: "What you sent is larger than this site accepts. Please shorten it and try again.",
        },
        429 => Copy {
            title: "Slow down a little",
            heading: "Slow down a little",
            text: "You’ve made a lot of requests in the last minute. Please wait a moment, then try again — nothing you saved is lost.",
        },
        503 => Copy {
            title: "Back in a moment",
            heading: "We’ll be right back",
            text: "The service is briefly unavailable. Please try again in a minute — nothing you saved is lost.",
        },
        _ => Copy {
            title: "Something went wrong",
            heading: "Something went wrong on our side",
            text: "We’ve logged the problem. Please try again in a moment — nothing you saved is lost.",
        },
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

    /// The HTML document for `status`.
    pub fn html(&self, status: StatusCode) -> String {
        let Copy {
            title,
            heading,
            text,
        } = copy(status);
        let code = status.as_u16();
        self.document(
            title,
            &format!(
                r#"<section class="notice" aria-labelledby="error-heading"><p class="notice__code" aria-hidden="true">{code}</p><h1 id="error-heading">{heading}</h1><p>{text}</p><p><a class="button" href="/">Go to the home page</a></p></section>"#
            ),
        )
    }

    /// A whole page in the site's layout (header, footer, stylesheet, no scripts) around
    /// `main`, which must be escaped HTML. Also used by the API reference (`/api/docs`).
    pub fn document(&self, title: &str, main: &str) -> String {
        let stylesheet = &self.stylesheet;
        format!(
            r##"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><title>{title} · Travel Planner</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="{stylesheet}"></head>
<body><a class="skip-link" href="#main">Skip to content</a><header class="site-header"><div class="site-header__inner"><a class="brand" href="/"><svg class="icon icon--logo" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M2.5 19h19"/><path d="M3.5 13.5l4 1.5 4.5-6.5 2 .5-2.5 7 5 1.8c1 .4 2.2-.1 2.6-1.1.3-.8-.1-1.7-.9-2L5.6 8.8 4 9.5l3.3 3.9z"/></svg><span>Travel Planner</span></a></div></header>
<main id="main" class="page" tabindex="-1">{main}</main>
<footer class="site-footer"><div class="site-footer__inner"><p>Travel Planner — plan the trip, not the spreadsheet.</p><nav aria-label="Legal"><ul class="nav-list"><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li></ul></nav></div></footer></body></html>"##
        )
    }

    /// A complete response: the page with `status`, never cached.
    pub fn page(&self, status: StatusCode) -> Response {
        (
            status,
            [
                (header::CONTENT_TYPE, "text/html; charset=utf-8"),
                (header::CACHE_CONTROL, "no-store"),
            ],
            self.html(status),
        )
            .into_response()
    }
}

/// What a client that does not read HTML gets instead of an error page.
pub fn json(status: StatusCode) -> Response {
    let Copy { text, .. } = copy(status);
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
            let html = pages.html(status);
            assert!(html.contains(&format!(">{}<", status.as_u16())), "{html}");
            assert!(html.contains(r#"href="/pkg/travel-planner.abc.css""#));
            assert!(html.contains(r#"<a class="button" href="/">"#));
            assert!(!html.contains("<script"), "error pages run no script");
        }
        assert!(
            pages
                .html(StatusCode::TOO_MANY_REQUESTS)
                .contains("Slow down")
        );
        assert!(
            pages
                .html(StatusCode::SERVICE_UNAVAILABLE)
                .contains("right back")
        );
    }
}
