//! The browser entry point. The pages are server HTML; only the islands in them
//! (`app::islands`) are hydrated, each by its own exported function, after this runs.

// Links the islands' exported functions into the WASM.
pub use app::islands;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
