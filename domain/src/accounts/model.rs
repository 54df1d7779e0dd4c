//! Wire types and the validation rules shared by the browser (instant feedback) and the server
//! (the authoritative check).

use serde::{Deserialize, Serialize};

use crate::{error::FormErrors, ids::UserId};

pub const PASSWORD_MIN: usize = 8;
pub const PASSWORD_MAX: usize = 128;
/// Passwords at least this long are shown as "strong".
pub const PASSWORD_STRONG: usize = 15;
pub const DISPLAY_NAME_MAX: usize = 80;
pub const EMAIL_MAX: usize = 254;

pub const INVALID_SIGNUP_LINK: &str =
    "This sign-up link has expired or was already used. Sign up again to get a new one.";
pub const INVALID_RESET_LINK: &str =
    "This reset link has expired or was already used. Ask for a new one below.";

/// The logged-in traveler as pages see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub id: UserId,
    pub email: String,
    pub display_name: String,
    /// The address was never confirmed (an account from before sign-up links).
    pub email_unconfirmed: bool,
    /// Home IANA time zone, when chosen.
    pub time_zone: Option<String>,
    pub theme: Theme,
    /// The language they chose, if they did (else their browser's decides).
    pub language: Option<i18n::Language>,
    /// Whether an open invitation to their address may be waiting, when it was read with the
    /// profile (`Some(false)`: none is, so the trip list need not look); `None`: not known.
    #[serde(default)]
    pub invitations_waiting: Option<bool>,
}

/// The colour theme a traveler chose: their device's (the default), or always light or dark.
/// Stored and submitted as `system`, `light`, `dark`.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "lowercase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// Trimmed and lower-cased: the form in which emails are stored and compared.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// A deliberately simple check (something@domain.tld); the confirmation email is the real test.
pub fn email_problem(email: &str) -> Option<&'static str> {
    if !crate::text::is_one_line(email) {
        return Some("Enter an email address like name@example.com.");
    }
    let email = email.trim();
    if email.is_empty() {
        return Some("Enter your email address.");
    }
    if email.chars().count() > EMAIL_MAX {
        return Some("That email address is too long.");
    }
    let valid = email.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && !domain.contains('@')
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !email.chars().any(|c| c.is_whitespace() || c.is_control())
    });
    (!valid).then_some("Enter an email address like name@example.com.")
}

pub fn display_name_problem(name: &str) -> Option<&'static str> {
    let typed = name;
    let name = name.trim();
    if name.is_empty() {
        Some("Enter the name other travelers will see.")
    } else if name.chars().count() > DISPLAY_NAME_MAX {
        Some("Use at most 80 characters for your name.")
    } else if !crate::text::is_one_line(typed) {
        Some(crate::text::ONE_LINE)
    } else {
        None
    }
}

/// Length rules only; the server also rejects common and guessable passwords. Passwords are
/// never trimmed or truncated.
pub fn password_length_problem(password: &str) -> Option<&'static str> {
    let length = password.chars().count();
    if length < PASSWORD_MIN {
        Some("Use at least 8 characters.")
    } else if length > PASSWORD_MAX {
        Some("Use at most 128 characters.")
    } else {
        None
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignupInput {
    pub email: String,
    pub display_name: String,
    pub password: String,
    pub password_confirmation: String,
}

impl SignupInput {
    /// Every problem at once, each under its field name.
    pub fn validate(&self) -> FormErrors {
        let mut errors = FormErrors::default();
        if let Some(problem) = email_problem(&self.email) {
            errors.add("email", problem);
        }
        if let Some(problem) = display_name_problem(&self.display_name) {
            errors.add("display_name", problem);
        }
        if let Some(problem) = password_length_problem(&self.password) {
            errors.add("password", problem);
        }
        if self.password != self.password_confirmation {
            errors.add("password_confirmation", "The two passwords don’t match.");
        }
        errors.keeping(&[
            ("email", self.email.trim()),
            ("display_name", self.display_name.trim()),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_rules_are_length_only_and_never_trim() {
        assert!(password_length_problem("1234567").is_some());
        assert!(password_length_problem("12345678").is_none());
        assert!(password_length_problem(&"x".repeat(128)).is_none());
        assert!(password_length_problem(&"x".repeat(129)).is_some());
        // Eight characters including spaces count as eight.
        assert!(password_length_problem("  abcd  ").is_none());
        // Characters, not bytes: eight accented letters are enough.
        assert!(password_length_problem("éééééééé").is_none());
    }

    #[test]
    fn email_checks() {
        for good in ["a@b.co", "Traveler@Example.org", " x.y+z@mail.example.com "] {
            assert_eq!(email_problem(good), None, "{good}");
        }
        for bad in [
            "",
            "   ",
            "no-at-sign",
            "@example.com",
            "a@b",
            "a@@b.com",
            "a b@c.com",
            "a@.com",
        ] {
            assert!(email_problem(bad).is_some(), "{bad}");
        }
        assert_eq!(normalise_email("  Ana@Example.ORG "), "ana@example.org");
    }

    #[test]
    fn signup_reports_every_field_and_keeps_safe_values() {
        let errors = SignupInput {
            email: "nope".into(),
            display_name: " ".into(),
            password: "short".into(),
            password_confirmation: "different".into(),
        }
        .validate();
        for field in ["email", "display_name", "password", "password_confirmation"] {
            assert!(errors.field(field).is_some(), "{field}");
        }
        assert_eq!(errors.value("email").as_deref(), Some("nope"));
        assert_eq!(errors.value("password"), None);
    }
}
