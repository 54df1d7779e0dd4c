//! Accounts: sign-up through an emailed link, log-in, profile and password, reset and
//! confirmation links, the JSON API's tokens, and the limits on attempts.

pub mod api_tokens;
pub mod limits;
pub mod model;
pub mod password;
pub mod refresh;
pub mod reset;
pub mod service;
pub mod signup;
pub mod tokens;
pub mod verify;
