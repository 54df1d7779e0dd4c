//! One module per page. A page reads what it shows through a server function (`actions`) and
//! renders it with the shared pieces (`views`); every form is a real form.

pub mod account;
pub mod day;
pub mod delete_account;
pub mod delete_activity;
pub mod delete_trip;
pub mod edit_activity;
pub mod edit_trip;
pub mod forgot_password;
pub mod history;
pub mod import;
pub mod invitation;
pub mod landing;
pub mod legal;
pub mod login;
pub mod members;
pub mod new_activity;
pub mod new_trip;
pub mod place_search;
pub mod reset_password;
pub mod shared;
pub mod signup;
pub mod trip;
pub mod trips;
pub mod verify_email;
