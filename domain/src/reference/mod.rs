//! Currencies, time zones and money: the lists forms and the API validate against, and amounts in a
//! currency's minor units (integers, never floats).

mod data;

pub use data::{CURRENCIES, TIME_ZONES};

/// One ISO-4217 currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Currency {
    pub code: &'static str,
    /// Digits after the decimal point (2 for EUR, 0 for JPY, 3 for KWD).
    pub exponent: u8,
    pub name: &'static str,
    pub symbol: &'static str,
}

/// The currency with this (upper-case) code, if it is one we know.
pub fn currency(code: &str) -> Option<Currency> {
    CURRENCIES
        .binary_search_by(|(c, ..)| (*c).cmp(code))
        .ok()
        .map(|index| {
            let (code, exponent, name, symbol) = CURRENCIES[index];
            Currency {
                code,
                exponent,
                name,
                symbol,
            }
        })
}

/// Whether `name` is one of the IANA zones travelers can pick.
pub fn is_time_zone(name: &str) -> bool {
    TIME_ZONES.binary_search(&name).is_ok()
}

/// How a zone is shown in a list: `America/Argentina/Buenos_Aires` → `Argentina / Buenos Aires`,
/// under the group `America`.
pub fn zone_label(name: &str) -> (&str, String) {
    match name.split_once('/') {
        Some((area, place)) => (area, place.replace('_', " ").replace('/', " / ")),
        None => ("Other", name.to_string()),
    }
}

/// Why a typed amount was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountError {
    /// Not a number like `1500` or `1,500.50`.
    Malformed,
    /// More decimal places than the currency has.
    TooPrecise,
    /// Below zero.
    Negative,
    /// Beyond what we can store.
    TooLarge,
}

/// Parses what a person typed (`1500`, `1,500.5`, ` 1 500.50 `) into minor units of a currency
/// with `exponent` decimals. Thousands separators (commas, spaces) are ignored; the decimal
/// separator is a point.
pub fn parse_amount(text: &str, exponent: u8) -> Result<i64, AmountError> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '\u{a0}' | '_'))
        .collect();
    if let Some(rest) = cleaned.strip_prefix('-')
        && !rest.is_empty()
        && rest.chars().all(|c| c.is_ascii_digit() || c == '.')
    {
        return Err(AmountError::Negative);
    }
    let (whole, fraction) = match cleaned.split_once('.') {
        Some((whole, fraction)) => (whole, fraction),
        None => (cleaned.as_str(), ""),
    };
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !digits(whole) || !digits(fraction) {
        return Err(AmountError::Malformed);
    }
    let fraction = fraction.trim_end_matches('0');
    if fraction.len() > usize::from(exponent) {
        return Err(AmountError::TooPrecise);
    }
    let whole = whole.trim_start_matches('0');
    // Eighteen digits always fit an i64; anything longer is far beyond every limit we set.
    if whole.len() > 15 {
        return Err(AmountError::TooLarge);
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| AmountError::Malformed)?
    };
    let scale = 10_i64.pow(u32::from(exponent));
    let mut minor_fraction: i64 = if fraction.is_empty() {
        0
    } else {
        fraction.parse().map_err(|_| AmountError::Malformed)?
    };
    for _ in fraction.len()..usize::from(exponent) {
        minor_fraction *= 10;
    }
    whole
        .checked_mul(scale)
        .and_then(|w| w.checked_add(minor_fraction))
        .ok_or(AmountError::TooLarge)
}

/// The message for an amount with more decimals than `currency` has.
pub fn too_precise(currency: Currency) -> String {
    match currency.exponent {
        0 => format!("{} amounts have no decimal places.", currency.code),
        1 => format!("{} amounts have at most 1 decimal place.", currency.code),
        n => format!("{} amounts have at most {n} decimal places.", currency.code),
    }
}

/// `minor` units as a plain decimal with thousands separators: `123456` with exponent 2 →
/// `1,234.56`.
pub fn format_decimal(minor: i64, exponent: u8) -> String {
    let scale = 10_i64.pow(u32::from(exponent));
    let sign = if minor < 0 { "-" } else { "" };
    let minor = minor.unsigned_abs();
    let scale = scale.unsigned_abs();
    let whole = (minor / scale).to_string();
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if exponent == 0 {
        format!("{sign}{grouped}")
    } else {
        let fraction = minor % scale;
        format!(
            "{sign}{grouped}.{fraction:0width$}",
            width = usize::from(exponent)
        )
    }
}

/// `minor` units of `code` for people: `€1,234.50`, `¥1,500`, `AED 12.00`.
pub fn format_money(minor: i64, code: &str) -> String {
    match currency(code) {
        Some(currency) => {
            let amount = format_decimal(minor, currency.exponent);
            if currency.symbol == currency.code {
                format!("{} {amount}", currency.code)
            } else if let Some(amount) = amount.strip_prefix('-') {
                format!("-{}{amount}", currency.symbol)
            } else {
                format!("{}{amount}", currency.symbol)
            }
        }
        None => format!("{code} {}", format_decimal(minor, 2)),
    }
}

/// The plain decimal a form shows for an amount, without separators (`1234.5` → `1234.50`).
pub fn amount_for_input(minor: i64, exponent: u8) -> String {
    format_decimal(minor, exponent).replace(',', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        assert!(CURRENCIES.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(TIME_ZONES.windows(2).all(|w| w[0] < w[1]));
        assert!(is_time_zone("Asia/Kolkata"));
        assert!(is_time_zone("UTC"));
        assert!(!is_time_zone("Mars/Olympus_Mons"));
        assert_eq!(currency("JPY").map(|c| c.exponent), Some(0));
        assert_eq!(currency("KWD").map(|c| c.exponent), Some(3));
        assert_eq!(currency("EUR").map(|c| c.symbol), Some("€"));
        assert!(currency("XXX").is_none());
    }

    #[test]
    fn amounts_parse_to_minor_units() {
        let cases: &[(&str, u8, Result<i64, AmountError>)] = &[
            ("1500", 2, Ok(150_000)),
            ("1,500.5", 2, Ok(150_050)),
            (" 1 500.50 ", 2, Ok(150_050)),
            (".5", 2, Ok(50)),
            ("0", 2, Ok(0)),
            ("12.300", 2, Ok(1230)),
            ("1500", 0, Ok(1500)),
            ("1.5", 0, Err(AmountError::TooPrecise)),
            ("1.2345", 3, Err(AmountError::TooPrecise)),
            ("1.234", 3, Ok(1234)),
            ("-5", 2, Err(AmountError::Negative)),
            ("abc", 2, Err(AmountError::Malformed)),
            ("1.2.3", 2, Err(AmountError::Malformed)),
            ("", 2, Err(AmountError::Malformed)),
            (".", 2, Err(AmountError::Malformed)),
            ("1e5", 2, Err(AmountError::Malformed)),
            ("9999999999999999999", 2, Err(AmountError::TooLarge)),
        ];
        for (text, exponent, expected) in cases {
            assert_eq!(parse_amount(text, *exponent), *expected, "{text:?}");
        }
    }

    #[test]
    fn money_is_formatted_with_symbol_and_decimals() {
        assert_eq!(format_money(123_450, "EUR"), "€1,234.50");
        assert_eq!(format_money(1500, "JPY"), "¥1,500");
        assert_eq!(format_money(1200, "AED"), "AED 12.00");
        assert_eq!(format_money(1_234_567, "KWD"), "KWD 1,234.567");
        assert_eq!(format_money(5, "USD"), "$0.05");
        assert_eq!(format_money(-250, "GBP"), "-£2.50");
        assert_eq!(format_decimal(100_000_000_000, 2), "1,000,000,000.00");
        assert_eq!(amount_for_input(150_050, 2), "1500.50");
    }

    #[test]
    fn zones_are_labelled_by_area_and_place() {
        assert_eq!(
            zone_label("America/Argentina/Buenos_Aires"),
            ("America", "Argentina / Buenos Aires".to_string())
        );
        assert_eq!(zone_label("UTC"), ("Other", "UTC".to_string()));
    }
}
