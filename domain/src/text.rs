//! Rules every typed text shares. Control characters never reach the database: they are
//! invisible where they are shown, and PostgreSQL cannot store the NUL character at all.

use crate::error::FormErrors;

/// A one-line text (a name, a title, a place): no control characters at all.
pub fn is_one_line(text: &str) -> bool {
    !text.chars().any(char::is_control)
}

/// A multi-line text (notes, a description): line breaks and tabs, but no other control
/// characters.
pub fn is_multi_line(text: &str) -> bool {
    !text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

pub const ONE_LINE: &str = "Keep this to one line, without invisible control characters.";
pub const MULTI_LINE: &str =
    "Remove the invisible control characters (line breaks and tabs are fine).";

/// Adds [`ONE_LINE`] for `field` unless it already has a problem.
pub fn check_one_line(errors: &mut FormErrors, field: &str, text: &str) {
    if errors.field(field).is_none() && !is_one_line(text) {
        errors.add(field, ONE_LINE);
    }
}

/// Adds [`MULTI_LINE`] for `field` unless it already has a problem.
pub fn check_multi_line(errors: &mut FormErrors, field: &str, text: &str) {
    if errors.field(field).is_none() && !is_multi_line(text) {
        errors.add(field, MULTI_LINE);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_belong_in_multi_line_texts_only() {
        assert!(is_one_line("Lisbon – Belém ✈"));
        assert!(!is_one_line("Lisbon\nBelém"));
        assert!(!is_one_line("a\u{0}b"));
        assert!(is_multi_line("first\r\n\tsecond"));
        assert!(!is_multi_line("a\u{0}b"));
        assert!(!is_multi_line("a\u{85}b"));
    }
}
