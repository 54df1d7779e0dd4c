//! The server functions: what the pages' forms post to and what the pages read through. Thin
//! adapters over the core: who is signed in → parse the form into a command → call a service →
//! redirect (or return what a page shows). Each answers a plain HTML form post with a redirect,
//! and a script with JSON and a status.

pub mod accounts;
pub mod itinerary;
pub mod privacy;
pub mod trips;

pub mod mail;
