//! Inline SVG icons: no icon fonts, no extra requests. Decorative, so hidden from screen readers.

use leptos::prelude::*;

#[component]
pub fn LogoIcon() -> impl IntoView {
    view! {
        <svg class="icon icon--logo" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M2.5 19h19" />
            <path d="M3.5 13.5l4 1.5 4.5-6.5 2 .5-2.5 7 5 1.8c1 .4 2.2-.1 2.6-1.1.3-.8-.1-1.7-.9-2L5.6 8.8 4 9.5l3.3 3.9z" />
        </svg>
    }
}

#[component]
pub fn CalendarIcon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <rect x="3" y="4.5" width="18" height="16" rx="2" />
            <path d="M3 9.5h18M8 2.5v4M16 2.5v4" />
        </svg>
    }
}

#[component]
pub fn RouteIcon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <circle cx="6" cy="18" r="2.5" />
            <circle cx="18" cy="6" r="2.5" />
            <path d="M8.5 18H15a3 3 0 000-6H9a3 3 0 010-6h6.5" />
        </svg>
    }
}

#[component]
pub fn WalletIcon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M4 7.5h15a2 2 0 012 2v9a2 2 0 01-2 2H5a2 2 0 01-2-2v-12a2 2 0 012-2h11" />
            <path d="M21 12.5h-4a1.5 1.5 0 000 3h4" />
        </svg>
    }
}

#[component]
pub fn PinIcon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M12 21s-7-6.2-7-11.5a7 7 0 0114 0C19 14.8 12 21 12 21z" />
            <circle cx="12" cy="9.5" r="2.5" />
        </svg>
    }
}

#[component]
pub fn MoonIcon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M20.5 14.5A8.5 8.5 0 1 1 9.5 3.5a7 7 0 0 0 11 11z" />
        </svg>
    }
}

#[component]
pub fn SunIcon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <circle cx="12" cy="12" r="4.5" />
            <path d="M12 1.5v2.5M12 20v2.5M1.5 12H4M20 12h2.5M4.6 4.6l1.8 1.8M17.6 17.6l1.8 1.8M4.6 19.4l1.8-1.8M17.6 6.4l1.8-1.8" />
        </svg>
    }
}
