//! The browser's entry point. The pages are server HTML; only the islands in them (the
//! `islands` crate, the only code compiled to WASM besides Leptos) are hydrated, each by its own
//! exported function, after this runs.

// Links the islands' exported functions into the WASM.
pub use islands;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
