//! Calendar dates and wall-clock times as forms send them and the rules' messages name them.
//! A trip's dates are `NaiveDate`s and an activity's times `NaiveTime`s: in the trip's own
//! zone, never instants, so nothing is ever converted.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

/// Exactly `width` ASCII digits as a number (`"03"` → 3; `"3"`, `"+3"`, `"٣٣"` → `None`).
fn digits(text: &str, width: usize) -> Option<u32> {
    (text.len() == width && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// A strict `YYYY-MM-DD` date (what `<input type="date">` sends).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let mut parts = text.trim().splitn(3, '-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    let year = i32::try_from(digits(year, 4)?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(month, 2)?, digits(day, 2)?)
}

/// A strict `HH:MM` (or `HH:MM:SS`, as some browsers send) time.
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let mut parts = text.trim().split(':');
    let (hour, minute) = (parts.next()?, parts.next()?);
    let second = parts.next().unwrap_or("00");
    if parts.next().is_some() {
        return None;
    }
    NaiveTime::from_hms_opt(digits(hour, 2)?, digits(minute, 2)?, digits(second, 2)?)
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    i64::from(to.num_days_from_ce()) - i64::from(from.num_days_from_ce())
}

/// `Tue 3 Mar 2026`: how the rules' messages name a day.
///
/// Written out by hand: chrono's `format("%a %-d %b %Y")` parses its pattern on every call, and
/// pages write a date per day and per card (~3,400 instructions a date against ~300).
/// `tests::dates_read_as_chrono_writes_them` holds the two to the same text.
pub fn format_date(date: NaiveDate) -> String {
    const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let year = date.year();
    if !(0..=9999).contains(&year) {
        // Signs and widths as chrono writes them; no trip reaches here (dates are validated).
        return date.format("%a %-d %b %Y").to_string();
    }
    let mut text = String::with_capacity(15);
    text.push_str(WEEKDAYS[date.weekday().num_days_from_monday() as usize]);
    text.push(' ');
    let day = date.day();
    push_digits(&mut text, day, if day >= 10 { 2 } else { 1 });
    text.push(' ');
    text.push_str(MONTHS[date.month0() as usize]);
    text.push(' ');
    push_digits(&mut text, year.unsigned_abs(), 4);
    text
}

/// `2027-03-04`, the date as URLs and forms carry it: chrono's `Display`, written without the
/// formatting machinery (the pages write one into every day's and activity's links).
/// `tests::dates_read_as_chrono_writes_them` holds the two to the same text.
pub fn iso_date(date: NaiveDate) -> String {
    let year = date.year();
    if !(0..=9999).contains(&year) {
        // Signs and widths as chrono writes them; no trip reaches here (dates are validated).
        return date.to_string();
    }
    let mut text = String::with_capacity(10);
    push_digits(&mut text, year.unsigned_abs(), 4);
    text.push('-');
    push_digits(&mut text, date.month(), 2);
    text.push('-');
    push_digits(&mut text, date.day(), 2);
    text
}

/// `09:30`.
pub fn format_time(time: NaiveTime) -> String {
    let mut text = String::with_capacity(5);
    push_time(&mut text, time);
    text
}

/// `09:30` at the end of `text`.
pub fn push_time(text: &mut String, time: NaiveTime) {
    push_digits(text, time.hour(), 2);
    text.push(':');
    push_digits(text, time.minute(), 2);
}

/// The last `width` decimal digits of `number`, zero-padded (`push_digits(t, 7, 2)` → `07`).
fn push_digits(text: &mut String, number: u32, width: u32) {
    for place in (0..width).rev() {
        let digit = number / 10u32.pow(place) % 10;
        text.push(char::from(b'0' + digit as u8));
    }
}

/// `at` as "5 Dec 2026, 14:02" in the IANA zone `zone` (UTC when the name is unknown).
pub fn date_time_in(at: chrono::DateTime<chrono::Utc>, zone: &str) -> String {
    local_in(at, zone).format("%-d %b %Y, %H:%M").to_string()
}

/// `at` on the wall clock of the IANA zone `zone` (UTC when the name is unknown).
pub fn local_in(at: chrono::DateTime<chrono::Utc>, zone: &str) -> chrono::NaiveDateTime {
    let zone: chrono_tz::Tz = zone.parse().unwrap_or(chrono_tz::UTC);
    at.with_timezone(&zone).naive_local()
}

/// `at` as "14:02" in the IANA zone `zone` (UTC when the name is unknown).
pub fn time_in(at: chrono::DateTime<chrono::Utc>, zone: &str) -> String {
    local_in(at, zone).format("%H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_chrono_writes_them() {
        for minutes in 0..24 * 60 {
            let time = NaiveTime::from_hms_opt(minutes / 60, minutes % 60, 59).expect("a time");
            assert_eq!(format_time(time), time.format("%H:%M").to_string());
        }
    }

    #[test]
    fn dates_read_as_chrono_writes_them() {
        // As a page names a day, and as `Display` writes it (`iso_date`).
        let check = |date: NaiveDate| {
            assert_eq!(format_date(date), date.format("%a %-d %b %Y").to_string());
            assert_eq!(iso_date(date), date.to_string());
        };
        let mut date = NaiveDate::from_ymd_opt(2023, 12, 25).expect("a date");
        // Every day of three years (each weekday with each month, a leap day), then the edges.
        for _ in 0..3 * 366 {
            check(date);
            date = date.succ_opt().expect("a next day");
        }
        for (y, m, d) in [
            (0, 1, 1),
            (1, 1, 1),
            (9, 2, 3),
            (999, 7, 4),
            (9999, 12, 31),
            (10000, 1, 1),
            (-1, 6, 15),
            (-44, 3, 15),
        ] {
            check(NaiveDate::from_ymd_opt(y, m, d).expect("a date"));
        }
        assert_eq!(
            format_date(NaiveDate::from_ymd_opt(2027, 3, 4).expect("a date")),
            "Thu 4 Mar 2027"
        );
    }

    #[test]
    fn times_are_strict() {
        assert_eq!(parse_time("09:30"), NaiveTime::from_hms_opt(9, 30, 0));
        assert_eq!(parse_time("09:30:15"), NaiveTime::from_hms_opt(9, 30, 15));
        for bad in ["9:30", "09:3", "24:00", "09:30:00:00", "ab:cd", "", "+9:30"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
        assert_eq!(
            format_time(NaiveTime::from_hms_opt(7, 5, 59).unwrap()),
            "07:05"
        );
    }
}
