//! How the pages say things: dates and ranges, how far off a trip is, an activity's times and
//! kind, a day's warnings. Plain text from the core's values; the core itself stays free of
//! wording for people (but for its rules' messages).

use chrono::{Datelike, NaiveDate};
use domain::{
    calendar::push_time,
    itinerary::model::{Activity, Category, Warning, format_time},
    trips::model::{Timing, days_between},
};
use i18n::{Language, tr};

pub use domain::trips::model::format_date;

/// A trip's dates in the page's language: `3–9 Mar 2026`, `3.–9. März 2026`, `3–9 mars 2026`.
pub fn format_range(l: Language, start: NaiveDate, end: NaiveDate) -> String {
    i18n::format::date_range(l, start, end)
}

/// `1 day`, `7 days`, `7 Tage`.
pub fn format_length(l: Language, start: NaiveDate, end: NaiveDate) -> String {
    tr!(l, "trip-length", days = days_between(start, end) + 1)
}

/// A trip's dates and length, as the trip card, the trip page and the trip pack show them:
/// `3–9 Mar 2026 · 7 days`, `3.–9. März 2026 · 7 Tage`.
pub fn dates_and_length(l: Language, start: NaiveDate, end: NaiveDate) -> String {
    let mut text = format_range(l, start, end);
    text.push_str(" · ");
    text.push_str(&format_length(l, start, end));
    text
}

/// `in 12 days`, `tomorrow`, `now`, `ended`.
pub fn timing_label(l: Language, timing: Timing) -> String {
    match timing {
        Timing::Upcoming(1) => tr!(l, "timing-tomorrow"),
        Timing::Upcoming(days) => tr!(l, "timing-in-days", days = days),
        Timing::Now => tr!(l, "timing-now"),
        Timing::Ended => tr!(l, "timing-ended"),
    }
}

/// The badge's classes for a trip's timing.
pub fn timing_class(timing: Timing) -> &'static str {
    match timing {
        Timing::Upcoming(_) => "badge badge--upcoming",
        Timing::Now => "badge badge--now",
        Timing::Ended => "badge badge--ended",
    }
}

/// `09:00–11:30`, `22:10–06:45 (next day)`, `09:00`, or nothing.
pub fn time_range(l: Language, activity: &Activity) -> Option<String> {
    let start = activity.start_time?;
    Some(match activity.end_time {
        Some(end) if activity.ends_next_day => tr!(
            l,
            "time-range-next-day",
            start = format_time(start),
            end = format_time(end)
        ),
        Some(end) => {
            let mut text = String::with_capacity(13);
            push_time(&mut text, start);
            text.push('–');
            push_time(&mut text, end);
            text
        }
        None => format_time(start),
    })
}

/// A day with its weekday: `Wed 4 Mar 2027`, `Mi., 4. März 2027`, `mer. 4 mars 2027`. English
/// is written as the pages always wrote it (CLDR's British English abbreviates September
/// `Sept`).
pub fn day_date(l: Language, date: NaiveDate) -> String {
    match l {
        Language::En => format_date(date),
        Language::De | Language::Fr => tr!(
            l,
            "plan-weekday-date",
            weekday = date.weekday().number_from_monday(),
            date = i18n::format::date(l, date)
        ),
    }
}

/// Words a page script shows, as one JSON object for a `data-words` attribute (the scripts
/// keep English ones for a page that has none).
pub fn script_words(words: &[(&str, String)]) -> String {
    let map: serde_json::Map<String, serde_json::Value> = words
        .iter()
        .map(|(key, text)| ((*key).to_string(), serde_json::Value::String(text.clone())))
        .collect();
    serde_json::Value::Object(map).to_string()
}

/// The words of the place search's script (`public/places.js`), written once per language.
pub fn place_search_words(l: Language) -> &'static str {
    static WORDS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        Language::ALL
            .iter()
            .map(|&l| {
                script_words(&[
                    ("notAnswering", tr!(l, "js-places-not-answering")),
                    ("tooShort", tr!(l, "js-places-too-short")),
                    ("onForm", tr!(l, "js-places-on-form", name = "{name}")),
                    ("foundOne", tr!(l, "js-places-found", count = 1)),
                    ("foundMany", tr!(l, "js-places-found", count = "{count}")),
                ])
            })
            .collect()
    });
    let index = Language::ALL
        .iter()
        .position(|&other| other == l)
        .unwrap_or(0);
    &WORDS[index]
}

/// What a kind of activity is called on the pages.
pub fn category_label(l: Language, category: Category) -> String {
    match category {
        Category::Sight => tr!(l, "category-sight"),
        Category::Food => tr!(l, "category-food"),
        Category::Transport => tr!(l, "category-transport"),
        Category::Lodging => tr!(l, "category-lodging"),
        Category::Other => tr!(l, "category-other"),
    }
}

/// The class of a kind's tag on the page: `tag tag--sight`.
pub fn category_class(category: Category) -> &'static str {
    match category {
        Category::Sight => "tag tag--sight",
        Category::Food => "tag tag--food",
        Category::Transport => "tag tag--transport",
        Category::Lodging => "tag tag--lodging",
        Category::Other => "tag tag--other",
    }
}

/// A day's warning in words; `daily_budget` is the trip's average daily budget, formatted.
pub fn warning_message(l: Language, warning: &Warning, daily_budget: Option<&str>) -> String {
    match warning {
        Warning::Overlap(a, b) => tr!(
            l,
            "warning-overlap",
            first = a.as_str(),
            second = b.as_str()
        ),
        Warning::OverDailyBudget => match daily_budget {
            Some(budget) => tr!(l, "warning-over-budget-of", budget = budget),
            None => tr!(l, "warning-over-budget"),
        },
        Warning::OutOfOrder(a, b) => {
            tr!(
                l,
                "warning-out-of-order",
                first = a.as_str(),
                second = b.as_str()
            )
        }
    }
}

/// `minor` units of `code` as the page's language writes money: `€1,500.50`, `1.500,50 €`.
pub fn money(l: Language, minor: i64, code: &str) -> String {
    match domain::reference::currency(code) {
        Some(currency) => {
            i18n::format::money(l, minor, currency.exponent, currency.symbol, currency.code)
        }
        None => i18n::format::money(l, minor, 2, code, code),
    }
}

/// `<`, `>`, `&` and quotes as entities: for the few strings written outside a view (the
/// pack's title, the server's plain error pages, a select's options).
pub fn escape_html(text: &str) -> String {
    // Most text (option labels, names) has nothing to escape: copied whole.
    if !text
        .bytes()
        .any(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\''))
    {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use domain::trips::model::parse_date;
    use strum::VariantArray;

    #[test]
    fn markup_and_quotes_are_escaped() {
        assert_eq!(super::escape_html("<b>&\"'"), "&lt;b&gt;&amp;&quot;&#39;");
        assert_eq!(super::escape_html("Lisbon · Alfama"), "Lisbon · Alfama");
        assert_eq!(super::escape_html("Fish & chips"), "Fish &amp; chips");
    }

    use super::*;

    fn date(text: &str) -> NaiveDate {
        parse_date(text).unwrap()
    }

    #[test]
    fn dates_are_written_for_people() {
        assert_eq!(format_date(date("2026-03-03")), "Tue 3 Mar 2026");
        assert_eq!(
            format_range(Language::En, date("2026-03-03"), date("2026-03-09")),
            "3–9 Mar 2026"
        );
        assert_eq!(
            format_range(Language::En, date("2026-03-28"), date("2026-04-02")),
            "28 Mar – 2 Apr 2026"
        );
        assert_eq!(
            format_range(Language::En, date("2026-12-28"), date("2027-01-03")),
            "28 Dec 2026 – 3 Jan 2027"
        );
        assert_eq!(
            format_range(Language::En, date("2026-03-03"), date("2026-03-03")),
            "3 Mar 2026"
        );
        assert_eq!(
            format_length(Language::En, date("2026-03-03"), date("2026-03-09")),
            "7 days"
        );
        assert_eq!(
            format_length(Language::En, date("2026-03-03"), date("2026-03-03")),
            "1 day"
        );
        assert_eq!(
            dates_and_length(Language::De, date("2026-03-03"), date("2026-03-09")),
            "3.–9. März 2026 · 7 Tage"
        );
    }

    #[test]
    fn money_is_written_as_the_page_s_language_writes_it() {
        assert_eq!(money(Language::En, 150_050, "EUR"), "€1,500.50");
        assert_eq!(money(Language::De, 150_050, "EUR"), "1.500,50\u{a0}€");
        assert_eq!(money(Language::En, 15_000_000, "JPY"), "¥15,000,000");
        assert_eq!(money(Language::Fr, 1_250, "XYZ"), "12,50\u{a0}XYZ");
    }

    #[test]
    fn timing_reads_as_words() {
        assert_eq!(
            timing_label(Language::En, Timing::Upcoming(12)),
            "in 12 days"
        );
        assert_eq!(timing_label(Language::En, Timing::Upcoming(1)), "tomorrow");
        assert_eq!(timing_label(Language::En, Timing::Now), "now");
        assert_eq!(timing_label(Language::En, Timing::Ended), "ended");
        assert_eq!(
            timing_label(Language::De, Timing::Upcoming(12)),
            "in 12 Tagen"
        );
        assert_eq!(timing_label(Language::Fr, Timing::Upcoming(1)), "demain");
    }

    #[test]
    fn each_kind_tags_its_activities_with_its_own_name() {
        for category in Category::VARIANTS {
            let name: &str = (*category).into();
            assert_eq!(category_class(*category), format!("tag tag--{name}"));
        }
    }
}
