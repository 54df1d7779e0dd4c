//! Dates, times, numbers and money as each language writes them, from ICU4X's CLDR data:
//!
//! | | English | Deutsch | Français |
//! |---|---|---|---|
//! | [`date_range`] | `3–9 Mar 2027` | `3.–9. März 2027` | `3–9 mars 2027` |
//! | [`date`] | `3 Mar 2027` | `3. März 2027` | `3 mars 2027` |
//! | [`money`] | `€1,500.50` | `1.500,50 €` | `1 500,50 €` |
//!
//! English is written the British way (day first, 24-hour clock), as the app always has.
//! Ranges are put together from ICU's pieces: ICU4X's own range formatter is not stable yet
//! (unicode-org/icu4x#8358), and its medium German dates are numeric (`03.03.2027`), so German
//! uses the long month names.

use std::{str::FromStr, sync::LazyLock};

use chrono::{Datelike, NaiveDate};
use icu_calendar::{Date, Gregorian};
use icu_datetime::{
    DateTimeFormatterPreferences, FixedCalendarDateTimeFormatter,
    fieldsets::{D, MD, YMD},
};
use icu_decimal::DecimalFormatter;
use icu_locale_core::Locale;
use writeable::Writeable;

use crate::Language;

type Formatter<F> = FixedCalendarDateTimeFormatter<Gregorian, F>;

struct Formats {
    /// `3 Mar 2027`.
    full: Formatter<YMD>,
    /// `28 Mar`, the first date of a range across months.
    day_month: Formatter<MD>,
    /// `3`, the first day of a range within a month.
    day: Formatter<D>,
    number: DecimalFormatter,
}

impl Formats {
    fn new(language: Language) -> Option<Self> {
        let locale = Locale::from_str(match language {
            Language::En => "en-GB",
            Language::De => "de",
            Language::Fr => "fr",
        })
        .ok()?;
        let prefs = DateTimeFormatterPreferences::from(&locale);
        let long = language == Language::De;
        Some(Self {
            full: Formatter::try_new(prefs, if long { YMD::long() } else { YMD::medium() }).ok()?,
            day_month: Formatter::try_new(prefs, if long { MD::long() } else { MD::medium() })
                .ok()?,
            day: Formatter::try_new(prefs, D::long()).ok()?,
            number: DecimalFormatter::try_new((&locale).into(), Default::default()).ok()?,
        })
    }
}

static FORMATS: LazyLock<[Option<Formats>; 3]> = LazyLock::new(|| {
    Language::ALL.map(|language| {
        let formats = Formats::new(language);
        if formats.is_none() {
            tracing::error!(
                ?language,
                "no date and number formats: writing them in English"
            );
        }
        formats
    })
});

fn formats(language: Language) -> Option<&'static Formats> {
    FORMATS[language.index()].as_ref()
}

fn icu_date(date: NaiveDate) -> Option<Date<Gregorian>> {
    let month = u8::try_from(date.month()).ok()?;
    let day = u8::try_from(date.day()).ok()?;
    Date::try_new_gregorian(date.year(), month, day).ok()
}

/// `3 Mar 2027`, `3. März 2027`, `3 mars 2027`.
pub fn date(language: Language, date: NaiveDate) -> String {
    if language == Language::En
        && let Some(text) = english::date(date)
    {
        return text;
    }
    icu_date_text(language, date)
}

fn icu_date_text(language: Language, date: NaiveDate) -> String {
    match (formats(language), icu_date(date)) {
        (Some(f), Some(d)) => f.full.format(&d).to_string(),
        _ => date.format("%-d %b %Y").to_string(),
    }
}

/// A trip's dates: `3–9 Mar 2027`, `28 Mar – 2 Apr 2027`, `28 Dec 2026 – 3 Jan 2027`, or one
/// date when they are the same day.
pub fn date_range(language: Language, start: NaiveDate, end: NaiveDate) -> String {
    if language == Language::En
        && let Some(text) = english::date_range(start, end)
    {
        return text;
    }
    icu_date_range(language, start, end)
}

fn icu_date_range(language: Language, start: NaiveDate, end: NaiveDate) -> String {
    let (Some(f), Some(from), Some(to)) = (formats(language), icu_date(start), icu_date(end))
    else {
        return format!("{} – {}", date(language, start), date(language, end));
    };
    let end_text = f.full.format(&to).to_string();
    if start == end {
        end_text
    } else if start.year() != end.year() {
        format!("{} – {end_text}", f.full.format(&from))
    } else if start.month() != end.month() {
        format!("{} – {end_text}", f.day_month.format(&from))
    } else {
        let mut day = f.day.format(&from).to_string();
        // German writes the day as an ordinal: `3.–9. März`.
        if language == Language::De && !day.ends_with('.') {
            day.push('.');
        }
        format!("{day}–{end_text}")
    }
}

/// `minor` units with `exponent` decimals, grouped as the language groups digits:
/// `1,500.50`, `1.500,50`, `1 500,50` (French groups with a narrow no-break space).
pub fn decimal(language: Language, minor: i64, exponent: u8) -> String {
    let mut number = fixed_decimal::Decimal::from(minor);
    number.multiply_pow10(-i16::from(exponent));
    number.pad_end(-i16::from(exponent));
    match formats(language) {
        Some(f) => f.number.format(&number).write_to_string().into_owned(),
        None => number.to_string(),
    }
}

/// An amount of money: `€1,500.50` / `1.500,50 €` / `1 500,50 €`; a currency without a symbol of
/// its own by its code (`AED 12.00` / `12,00 AED`). `symbol` is the currency's symbol, or its
/// code when it has none.
pub fn money(language: Language, minor: i64, exponent: u8, symbol: &str, code: &str) -> String {
    let amount = decimal(language, minor.saturating_abs(), exponent);
    let sign = if minor < 0 { "-" } else { "" };
    // Put together piece by piece: `format!` cost as much as the number (a list writes one per
    // card).
    let mut text = String::with_capacity(sign.len() + amount.len() + code.len() + 6);
    text.push_str(sign);
    match language {
        Language::En if symbol == code => {
            text.push_str(code);
            text.push('\u{a0}');
            text.push_str(&amount);
        }
        Language::En => {
            text.push_str(symbol);
            text.push_str(&amount);
        }
        Language::De | Language::Fr => {
            text.push_str(&amount);
            text.push('\u{a0}');
            text.push_str(symbol);
        }
    }
    text
}

/// An amount as a person typed it in `language` (`1.500,50`, `1 500,50`, `1,500.50`) in the
/// form the core reads: a point before the decimals, no grouping (`1500.50`). English is passed
/// on as typed (the core reads its commas as grouping). Text that is no amount is returned as
/// typed, for the core's check to explain.
pub fn amount_input(language: Language, text: &str) -> String {
    if language == Language::En {
        return text.to_string();
    }
    // Spaces, no-break spaces and apostrophes (Swiss) group digits.
    let compact: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'' | '’'))
        .collect();
    if compact.contains(',') {
        // `1.500,50`: points group, the comma marks the decimals.
        compact.replace('.', "").replacen(',', ".", 1)
    } else if grouped_by_points(&compact) {
        // `1.500` or `12.000.000`: points group thousands.
        compact.replace('.', "")
    } else {
        compact
    }
}

/// `1.500`, `12.000.000`: digits in groups of three after the first, joined by points.
fn grouped_by_points(text: &str) -> bool {
    let mut groups = text.trim_start_matches('-').split('.');
    let first = groups.next().unwrap_or_default();
    let mut rest = groups.peekable();
    (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && rest.peek().is_some()
        && rest.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// A stored amount (`1500.50`) as a form shows it for editing in `language` (`1500,50`):
/// no grouping, the language's decimal mark.
pub fn amount_for_editing(language: Language, stored: &str) -> String {
    match language {
        Language::En => stored.to_string(),
        Language::De | Language::Fr => stored.replace('.', ","),
    }
}

/// English dates written out by hand, the same text as ICU's British English (held to it for
/// every day of several years by `tests::english_dates_read_as_icu_writes_them`): a list page
/// writes a date range per card, and ICU's formatter takes ~10,000 instructions a range against
/// a few hundred here. Years outside 1000–9999 go to ICU.
mod english {
    use chrono::{Datelike, NaiveDate};

    /// CLDR's British abbreviations (`Sept`).
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec",
    ];

    fn parts(date: NaiveDate) -> Option<(u32, &'static str, i32)> {
        (1000..=9999)
            .contains(&date.year())
            .then(|| (date.day(), MONTHS[date.month0() as usize], date.year()))
    }

    /// `3 Mar 2027`.
    pub(super) fn date(date: NaiveDate) -> Option<String> {
        let (day, month, year) = parts(date)?;
        let mut text = String::with_capacity(12);
        push_date(&mut text, day, month, year);
        Some(text)
    }

    /// As [`super::date_range`] puts ICU's pieces together. Written piece by piece: `format!`
    /// cost more than the rest of a range (a list writes one per card).
    pub(super) fn date_range(start: NaiveDate, end: NaiveDate) -> Option<String> {
        let (from_day, from_month, from_year) = parts(start)?;
        let (day, month, year) = parts(end)?;
        let mut text = String::with_capacity(28);
        if start == end {
            // One day: the date alone.
        } else if from_year != year {
            push_date(&mut text, from_day, from_month, from_year);
            text.push_str(" – ");
        } else if start.month() != end.month() {
            push_number(&mut text, from_day);
            text.push(' ');
            text.push_str(from_month);
            text.push_str(" – ");
        } else {
            push_number(&mut text, from_day);
            text.push('–');
        }
        push_date(&mut text, day, month, year);
        Some(text)
    }

    /// `3 Mar 2027` at the end of `text`.
    fn push_date(text: &mut String, day: u32, month: &str, year: i32) {
        push_number(text, day);
        text.push(' ');
        text.push_str(month);
        text.push(' ');
        push_number(text, year.unsigned_abs());
    }

    /// `number` in decimal digits at the end of `text`.
    fn push_number(text: &mut String, number: u32) {
        let mut digits = [0u8; 10];
        let mut at = digits.len();
        let mut rest = number;
        loop {
            at -= 1;
            digits[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        for &digit in &digits[at..] {
            text.push(char::from(digit));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_dates_read_as_icu_writes_them() {
        let mut start = day("2023-12-20");
        // Every day of six years, alone and as the start of ranges of every shape.
        for _ in 0..6 * 366 {
            assert_eq!(
                date(Language::En, start),
                icu_date_text(Language::En, start)
            );
            for length in [0, 1, 6, 13, 30, 45, 400] {
                let end = start + chrono::Days::new(length);
                assert_eq!(
                    date_range(Language::En, start, end),
                    icu_date_range(Language::En, start, end),
                    "{start} to {end}"
                );
            }
            start = start.succ_opt().unwrap_or(start);
        }
        assert_eq!(date(Language::En, day("2027-09-03")), "3 Sept 2027");
        assert_eq!(
            date_range(Language::En, day("2026-12-28"), day("2027-01-03")),
            "28 Dec 2026 – 3 Jan 2027"
        );
        // Outside the years written by hand, ICU writes them.
        let early = NaiveDate::from_ymd_opt(999, 3, 1).unwrap_or_default();
        assert_eq!(
            date(Language::En, early),
            icu_date_text(Language::En, early)
        );
    }

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn ranges_are_written_as_each_language_writes_them() {
        let cases = [
            (
                ("2027-03-03", "2027-03-09"),
                ["3–9 Mar 2027", "3.–9. März 2027", "3–9 mars 2027"],
            ),
            (
                ("2027-03-28", "2027-04-02"),
                [
                    "28 Mar – 2 Apr 2027",
                    "28. März – 2. April 2027",
                    "28 mars – 2 avr. 2027",
                ],
            ),
            (
                ("2026-12-28", "2027-01-03"),
                [
                    "28 Dec 2026 – 3 Jan 2027",
                    "28. Dezember 2026 – 3. Januar 2027",
                    "28 déc. 2026 – 3 janv. 2027",
                ],
            ),
            (
                ("2027-03-03", "2027-03-03"),
                ["3 Mar 2027", "3. März 2027", "3 mars 2027"],
            ),
        ];
        for ((start, end), expected) in cases {
            for (language, expected) in Language::ALL.into_iter().zip(expected) {
                assert_eq!(
                    date_range(language, day(start), day(end)),
                    expected,
                    "{language:?}"
                );
            }
        }
    }

    #[test]
    fn money_follows_the_language() {
        assert_eq!(money(Language::En, 150_050, 2, "€", "EUR"), "€1,500.50");
        assert_eq!(
            money(Language::De, 150_050, 2, "€", "EUR"),
            "1.500,50\u{a0}€"
        );
        assert_eq!(
            money(Language::Fr, 150_050, 2, "€", "EUR"),
            "1\u{202f}500,50\u{a0}€"
        );
        assert_eq!(money(Language::En, 1_500, 0, "¥", "JPY"), "¥1,500");
        assert_eq!(
            money(Language::En, 1_200, 2, "AED", "AED"),
            "AED\u{a0}12.00"
        );
        assert_eq!(money(Language::De, -1_200, 2, "€", "EUR"), "-12,00\u{a0}€");
        assert_eq!(money(Language::En, 5, 3, "BD", "BHD"), "BD0.005");
        assert_eq!(decimal(Language::En, 123_456_789, 2), "1,234,567.89");
    }

    #[test]
    fn amounts_are_read_as_each_language_types_them() {
        let cases = [
            (Language::De, "1.500,50", "1500.50"),
            (Language::De, "25,5", "25.5"),
            (Language::De, "1.500", "1500"),
            (Language::De, "12.000.000", "12000000"),
            (Language::De, "25.50", "25.50"),
            (Language::De, "1’500,50", "1500.50"),
            (Language::De, "1'500,50", "1500.50"),
            (Language::Fr, "1 500,50", "1500.50"),
            (Language::Fr, "1\u{202f}500,50", "1500.50"),
            (Language::Fr, "abc", "abc"),
            (Language::En, "1,500.50", "1,500.50"),
        ];
        for (language, typed, read) in cases {
            assert_eq!(amount_input(language, typed), read, "{language:?} {typed}");
        }
        assert_eq!(amount_for_editing(Language::De, "1500.50"), "1500,50");
        assert_eq!(amount_for_editing(Language::Fr, "25"), "25");
        assert_eq!(amount_for_editing(Language::En, "1500.50"), "1500.50");
    }
}
