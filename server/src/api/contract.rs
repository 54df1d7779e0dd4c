//! The API's request contract: the JSON Schema each field is described with, and the checks
//! that make the server accept exactly what that schema allows.
//!
//! The web forms are forgiving (they trim what is typed, read `eur` as EUR, `1,500` as 1500);
//! a schema cannot say "at most 120 characters once the spaces around it are gone". So the
//! API holds fields to their schema as sent — lengths counted as sent, codes and dates
//! without spaces around them, currency codes in capitals — and then applies the same
//! validation as the web. A client that builds a body from the schema gets it accepted, apart
//! from the rules that need more than one field or what is stored (listed in `docs/api.md`);
//! a body the schema refuses, the server refuses too. schemathesis checks both directions.

use domain::{FormErrors, reference};
use serde::{Deserialize, Deserializer, de::Error as _};
use serde_json::value::RawValue;
use utoipa::openapi::{
    KnownFormat, ObjectBuilder, OneOfBuilder, Ref, RefOr, Schema, SchemaFormat,
    schema::{SchemaType, Type},
};

// The character classes the patterns are made of, as regex class bodies (macros, so the
// patterns can be `concat!`ed constants the OpenAPI attributes take).
/// Characters `str::trim` removes (Unicode `White_Space`).
macro_rules! space {
    () => {
        r"\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
    };
}
/// Control characters (`char::is_control`).
macro_rules! control {
    () => {
        r"\u0000-\u001f\u007f-\u009f"
    };
}

/// One line with something visible in it: no control characters, not only spaces.
pub const LINE: &str = concat!(
    "^[^",
    control!(),
    "]*[^",
    control!(),
    space!(),
    "][^",
    control!(),
    "]*$"
);
/// One line, possibly empty.
pub const OPTIONAL_LINE: &str = concat!("^[^", control!(), "]*$");
/// Text over several lines: control characters other than tab, line feed and carriage return
/// are refused.
pub const TEXT: &str = r"^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$";
/// An email address as the server reads one: `local@domain.tld`, no spaces or control
/// characters, the domain neither starting nor ending with a dot.
pub const EMAIL: &str = concat!(
    "^[^",
    control!(),
    space!(),
    "@]+",
    "@[^",
    control!(),
    space!(),
    "@.]",
    "[^",
    control!(),
    space!(),
    "@]*",
    r"\.",
    "[^",
    control!(),
    space!(),
    "@]*",
    "[^",
    control!(),
    space!(),
    "@.]$"
);

/// A calendar date `YYYY-MM-DD` between the years 1900 and 2200, leap days included.
pub const DATE: &str = concat!(
    "^(?:",
    "(?:19[0-9]{2}|2[01][0-9]{2}|2200)-",
    "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])",
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)",
    "|02-(?:0[1-9]|1[0-9]|2[0-8]))",
    "|(?:19(?:0[48]|[2468][048]|[13579][26])",
    "|20(?:[02468][048]|[13579][26])",
    "|21(?:0[48]|[2468][048]|[13579][26]))-02-29",
    ")$"
);
/// A wall-clock time, `HH:MM` or `HH:MM:SS`, or nothing.
pub const OPTIONAL_TIME: &str = "^(?:(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?)?$";
/// A decimal amount as text.
pub const DECIMAL: &str = "^[0-9]+(?:\\.[0-9]+)?$";

fn string() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(SchemaType::Type(Type::String))
}

/// A one-line text of 1 to `max` characters.
pub fn line(max: usize, description: &str) -> RefOr<Schema> {
    string()
        .min_length(Some(1))
        .max_length(Some(max))
        .pattern(Some(LINE))
        .description(Some(format!(
            "{description} 1–{max} characters, one line, not only spaces (the spaces around it are removed)."
        )))
        .into()
}

/// A one-line text of at most `max` characters, or empty.
pub fn optional_line(max: usize, description: &str) -> RefOr<Schema> {
    string()
        .max_length(Some(max))
        .pattern(Some(OPTIONAL_LINE))
        .description(Some(format!(
            "{description} At most {max} characters, one line."
        )))
        .into()
}

/// A text of several lines, at most `max` characters.
pub fn text(max: usize, description: &str) -> RefOr<Schema> {
    string()
        .max_length(Some(max))
        .pattern(Some(TEXT))
        .description(Some(format!(
            "{description} At most {max} characters; line breaks and tabs are fine."
        )))
        .into()
}

pub fn date(description: &str) -> RefOr<Schema> {
    string()
        .pattern(Some(DATE))
        .description(Some(format!(
            "{description} `YYYY-MM-DD`, a calendar date between the years 1900 and 2200."
        )))
        .examples(["2027-03-03"])
        .into()
}

/// A time, or the empty string for none.
pub fn optional_time(description: &str) -> RefOr<Schema> {
    string()
        .pattern(Some(OPTIONAL_TIME))
        .description(Some(format!(
            "{description} `HH:MM` (or `HH:MM:SS`), or empty for none."
        )))
        .examples(["09:30"])
        .into()
}

pub fn email(description: &str) -> RefOr<Schema> {
    string()
        .max_length(Some(domain::accounts::model::EMAIL_MAX))
        .pattern(Some(EMAIL))
        .description(Some(description.to_string()))
        .examples(["maria@example.com"])
        .into()
}

pub fn password(description: &str) -> RefOr<Schema> {
    string()
        .min_length(Some(8))
        .max_length(Some(128))
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Password)))
        .description(Some(description.to_string()))
        .into()
}

/// An amount: a JSON number or a decimal string, at least 0 and at most `max` whole units;
/// null for none.
pub fn amount(max: i64, description: &str) -> RefOr<Schema> {
    OneOfBuilder::new()
        .item(
            string()
                .pattern(Some(DECIMAL))
                .description(Some("A decimal string: `\"1500\"`, `\"1500.50\"`.")),
        )
        .item(
            ObjectBuilder::new()
                .schema_type(SchemaType::Type(Type::Number))
                .minimum(Some(0))
                .maximum(Some(max))
                .description(Some("A JSON number: `1500`, `1500.5`.")),
        )
        .item(ObjectBuilder::new().schema_type(SchemaType::Type(Type::Null)))
        .description(Some(format!(
            "{description} From 0 to {max}, with no more decimals than the currency has (2 for EUR, 0 for JPY); null or absent for none. Read exactly, never through a binary float."
        )))
        .into()
}

/// A reference to one of the named schemas [`components`] adds.
pub fn named(name: &str) -> RefOr<Schema> {
    Ref::from_schema_name(name).into()
}

/// The enumerations too long to repeat in every operation: every currency and time zone the
/// server knows.
pub fn components() -> Vec<(&'static str, RefOr<Schema>)> {
    vec![
        (
            "Currency",
            string()
                .enum_values(Some(reference::CURRENCIES.iter().map(|(code, ..)| *code)))
                .description(Some("An ISO 4217 currency code, in capitals."))
                .examples(["EUR"])
                .into(),
        ),
        (
            "TimeZone",
            string()
                .enum_values(Some(reference::TIME_ZONES.iter().copied()))
                .description(Some("An IANA time zone name, like `Europe/Lisbon`."))
                .examples(["Europe/Lisbon"])
                .into(),
        ),
    ]
}

/// Checks made on fields as sent, before the web's validation (which trims them).
#[derive(Debug, Default)]
pub struct AsSent {
    /// Problems the schema states: they win over the validation's for the same field.
    found: FormErrors,
    /// Problems to report only when the validation finds nothing wrong with the field (its
    /// message is the more precise: "can't be negative" rather than "not a decimal").
    otherwise: FormErrors,
}

impl AsSent {
    /// `value` has at most `max` characters, counting the spaces around it.
    pub fn at_most(&mut self, field: &str, value: &str, max: usize) -> &mut Self {
        if value.chars().count() > max {
            self.found
                .add(field, format!("Use at most {max} characters."));
        }
        self
    }

    /// `value` has no spaces around it (codes, dates, times, addresses).
    pub fn untrimmed(&mut self, field: &str, value: &str) -> &mut Self {
        if value.trim() != value {
            self.found
                .add(field, "Remove the spaces before and after the value.");
        }
        self
    }

    pub fn require(&mut self, field: &str, valid: bool, message: &str) -> &mut Self {
        if !valid {
            self.found.add(field, message);
        }
        self
    }

    /// An amount as sent: if it is not a decimal, and the validation finds nothing else wrong
    /// with it, that is the problem.
    pub fn amount(&mut self, field: &str, amount: Option<&Amount>) -> &mut Self {
        if amount.is_some_and(|amount| !amount.decimal) {
            self.otherwise.add(field, AMOUNT_MESSAGE);
        }
        self
    }

    /// The problems found here, with the validation's.
    pub fn merge<T>(self, validated: Result<T, FormErrors>) -> Result<T, FormErrors> {
        let AsSent {
            mut found,
            otherwise,
        } = self;
        let validation = match validated {
            Ok(value) if found.is_empty() && otherwise.is_empty() => return Ok(value),
            Ok(_) => FormErrors::default(),
            Err(errors) => errors,
        };
        for (field, message) in validation.fields.into_iter().chain(otherwise.fields) {
            found.fields.entry(field).or_insert(message);
        }
        found.form = found.form.or(validation.form);
        Err(found)
    }

    pub fn into_result(self) -> Result<(), FormErrors> {
        self.merge(Ok(()))
    }
}

const AMOUNT_MESSAGE: &str =
    "Enter an amount like 1500 or 1500.50, as a number or a string of digits.";

/// A date as the schema's [`DATE`] pattern reads it.
pub fn is_date(text: &str) -> bool {
    text.len() == 10
        && domain::calendar::parse_date(text)
            .is_some_and(|date| (1900..=2200).contains(&chrono::Datelike::year(&date)))
}

/// An amount as sent: a JSON number or a string. A number is read as exact decimal text (its
/// own digits, never a binary float); negative ones come through as `-…` so the validation can
/// say what is wrong with them. A string is kept as sent, with whether it is the decimal the
/// schema asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount {
    pub text: String,
    /// A number, or a string of digits with at most one decimal point inside.
    pub decimal: bool,
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = <&RawValue>::deserialize(deserializer)?;
        let text = raw.get();
        if text.starts_with('"') {
            let text: String = serde_json::from_str(text).map_err(D::Error::custom)?;
            let (whole, fraction) = text.split_once('.').unwrap_or((&text, "0"));
            let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
            let decimal = digits(whole) && digits(fraction);
            Ok(Self { text, decimal })
        } else if text.starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
            Ok(Self {
                text: decimal_text(text),
                decimal: true,
            })
        } else {
            Err(D::Error::custom(AMOUNT_MESSAGE))
        }
    }
}

/// A JSON number's text (`-1.5e3`) as plain decimal text (`-1500`). Exponents beyond any
/// amount we accept give an amount that is too large or too precise, never a wrong one.
fn decimal_text(number: &str) -> String {
    let (negative, unsigned) = match number.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, number),
    };
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, exponent.parse::<i64>().unwrap_or(i64::MAX)),
        None => (unsigned, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{whole}{fraction}");
    if digits.bytes().all(|b| b == b'0') {
        return "0".to_string();
    }
    // The decimal point sits after `point` digits of `digits`.
    let point = i64::try_from(whole.len())
        .unwrap_or(i64::MAX)
        .saturating_add(exponent.clamp(-40, 40));
    let text = if point <= 0 {
        let zeros = usize::try_from(-point).unwrap_or(0);
        format!("0.{}{digits}", "0".repeat(zeros))
    } else {
        let point = usize::try_from(point).unwrap_or(usize::MAX);
        if point >= digits.len() {
            format!("{digits}{}", "0".repeat(point - digits.len()))
        } else {
            format!("{}.{}", &digits[..point], &digits[point..])
        }
    };
    if negative { format!("-{text}") } else { text }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(json: &str) -> Result<Amount, String> {
        serde_json::from_str::<Amount>(json).map_err(|error| error.to_string())
    }

    #[test]
    fn amounts_are_read_from_the_numbers_text_never_through_a_float() {
        for (json, text) in [
            ("2000", "2000"),
            ("\"2000\"", "2000"),
            ("12.5", "12.5"),
            ("\"12.50\"", "12.50"),
            ("0.1", "0.1"),
            ("1.5e3", "1500"),
            ("15E-1", "1.5"),
            ("1e-2", "0.01"),
            ("0.0", "0"),
            ("-0", "0"),
            ("-5", "-5"),
            // A float would make this 0.30000000000000004.
            ("0.30000000000000000001", "0.30000000000000000001"),
            ("12345678901234567890", "12345678901234567890"),
        ] {
            let read = amount(json).unwrap();
            assert_eq!((read.text.as_str(), read.decimal), (text, true), "{json}");
        }
        for json in [
            "\"1,500\"",
            "\" 15\"",
            "\"-5\"",
            "\".5\"",
            "\"5.\"",
            "\"\"",
            "\"1e3\"",
            "\"1.2.3\"",
        ] {
            assert!(!amount(json).unwrap().decimal, "{json}");
        }
        for json in ["true", "{}", "[]"] {
            assert!(amount(json).is_err(), "{json}");
        }
    }

    #[test]
    fn the_date_pattern_agrees_with_the_server() {
        let pattern = regex_lite(DATE);
        for day in chrono::NaiveDate::from_ymd_opt(1899, 12, 25)
            .into_iter()
            .flat_map(|start| start.iter_days().take(120_000))
        {
            let text = day.to_string();
            assert_eq!(pattern(&text), is_date(&text), "{text}");
        }
        for text in [
            "2026-02-30",
            "2026-2-03",
            " 2026-02-03",
            "٢٠٢٦-02-03",
            "2026-02-03\n",
        ] {
            assert!(!pattern(text) && !is_date(text), "{text}");
        }
    }

    /// A whole-string match with the schema's own regex (through `regex`, which reads these
    /// patterns as ECMAScript does).
    fn regex_lite(pattern: &str) -> impl Fn(&str) -> bool {
        let regex = regex::Regex::new(pattern).unwrap();
        move |text| regex.is_match(text)
    }

    #[test]
    fn the_text_patterns_agree_with_the_validation() {
        let line = regex_lite(LINE);
        let text = regex_lite(TEXT);
        for sample in [
            "Lisbon",
            " Lisbon ",
            "\u{a0}x",
            "a\nb",
            "\u{85}",
            "\u{0}",
            "",
            " ",
            "\u{3000}",
            "tab\there",
            "\u{feff}",
            "x\u{7f}",
        ] {
            let server_line = !sample.trim().is_empty() && domain::text::is_one_line(sample);
            assert_eq!(line(sample), server_line, "{sample:?}");
            assert_eq!(
                text(sample),
                domain::text::is_multi_line(sample),
                "{sample:?}"
            );
        }
    }
}
