//! Your data: download everything the account holds, or delete the account and all of it.

pub mod api;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod export;
#[cfg(feature = "ssr")]
pub mod service;
