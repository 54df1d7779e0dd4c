//! A trip as CSV for spreadsheets: the activities, one a row, and the budget by day and kind.
//! Amounts are plain decimals in the trip's currency (`12.50`), so a spreadsheet can add them
//! up; text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is written
//! with a leading apostrophe, so an exported file never runs anything when opened.

use strum::VariantArray;

use super::TripRows;
use crate::{
    calendar::format_time,
    itinerary::model::Category,
    reference::{self, amount_for_input},
};

/// Excel reads a file as UTF-8 only when it starts with a byte-order mark.
const BOM: &str = "\u{feff}";

/// The column name of a kind of activity.
pub fn category_name(category: Category) -> &'static str {
    match category {
        Category::Sight => "Sightseeing",
        Category::Food => "Food and drink",
        Category::Transport => "Getting around",
        Category::Lodging => "Lodging",
        Category::Other => "Other",
    }
}

/// Text as a cell that cannot start a formula.
fn cell(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

/// A plain decimal a spreadsheet reads as a number (`1500.50`, `-20.00`).
fn amount(minor: i64, exponent: u8) -> String {
    amount_for_input(minor, exponent)
}

fn finish(writer: csv::Writer<Vec<u8>>) -> String {
    let bytes = writer.into_inner().unwrap_or_default();
    format!("{BOM}{}", String::from_utf8_lossy(&bytes))
}

/// One row per activity, in day and position order.
pub fn activities(rows: &TripRows) -> String {
    let exponent = reference::currency(&rows.trip.currency).map_or(2, |c| c.exponent);
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let _ = writer.write_record([
        "Day",
        "Date",
        "Start",
        "End",
        "Ends next day",
        "Title",
        "Kind",
        "Place",
        "Latitude",
        "Longitude",
        "Cost",
        "Currency",
        "Notes",
    ]);
    for day in rows.plan().days {
        for activity in &day.activities {
            let _ = writer.write_record([
                day.number.to_string(),
                day.date.to_string(),
                activity.start_time.map(format_time).unwrap_or_default(),
                activity.end_time.map(format_time).unwrap_or_default(),
                if activity.ends_next_day { "yes" } else { "no" }.to_string(),
                cell(&activity.title),
                category_name(activity.category).to_string(),
                cell(&activity.location),
                activity.latitude.map(|v| v.to_string()).unwrap_or_default(),
                activity
                    .longitude
                    .map(|v| v.to_string())
                    .unwrap_or_default(),
                amount(activity.cost_minor, exponent),
                rows.trip.currency.clone(),
                cell(&activity.description),
            ]);
        }
    }
    finish(writer)
}

/// The planned costs by day (rows) and kind (columns), with each day's total, the trip's
/// totals, and the budget against them.
pub fn budget(rows: &TripRows) -> String {
    let currency = &rows.trip.currency;
    let exponent = reference::currency(currency).map_or(2, |c| c.exponent);
    let money = |minor: i64| amount(minor, exponent);
    let plan = rows.plan();
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(Vec::new());
    let mut header = vec!["Day".to_string(), "Date".to_string()];
    header.extend(
        Category::VARIANTS
            .iter()
            .map(|c| format!("{} ({currency})", category_name(*c))),
    );
    header.push(format!("Day total ({currency})"));
    let _ = writer.write_record(&header);
    let mut totals = vec![0_i64; Category::VARIANTS.len()];
    for day in &plan.days {
        let mut record = vec![day.number.to_string(), day.date.to_string()];
        for (index, category) in Category::VARIANTS.iter().enumerate() {
            let sum: i64 = day
                .activities
                .iter()
                .filter(|a| a.category == *category)
                .map(|a| a.cost_minor)
                .sum();
            totals[index] += sum;
            record.push(money(sum));
        }
        record.push(money(day.cost_minor));
        let _ = writer.write_record(&record);
    }
    let mut total = vec!["Total".to_string(), String::new()];
    total.extend(totals.iter().map(|t| money(*t)));
    total.push(money(plan.summary.planned_minor));
    let _ = writer.write_record(&total);
    if let (Some(budget), Some(remaining)) =
        (plan.summary.budget_minor, plan.summary.remaining_minor)
    {
        let _ = writer.write_record(["Budget".to_string(), String::new(), money(budget)]);
        let _ = writer.write_record(["Remaining".to_string(), String::new(), money(remaining)]);
    }
    finish(writer)
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn formulas_are_defused() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("Tram 28"), "Tram 28");
    }
}
