//! A traveler's data: all of it as one document, and all of it gone.

pub mod deletion;
pub mod export;
