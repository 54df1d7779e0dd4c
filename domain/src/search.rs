//! Search that understands how people type names: `über` finds "ÜBERLINGEN", `sao paulo` finds
//! "São Paulo", `strasse` finds "Straße", the same on SQLite and PostgreSQL. Neither database
//! folds text this way, so the folded text is computed here and stored with the row (`trips` and
//! `activities` keep a `search_text`); a query is folded the same way and compared with `LIKE`,
//! its `%` and `_` taken literally.

use std::sync::LazyLock;

use icu_casemap::{CaseMapper, CaseMapperBorrowed};
use icu_normalizer::{DecomposingNormalizer, DecomposingNormalizerBorrowed};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect, sea_query::Expr,
};

use crate::entities::{activities, trips};

/// Between a row's fields in its search text: no query holds it (control characters never
/// reach a query), so a match never spans two fields.
const SEPARATOR: char = '\u{1f}';

static DECOMPOSE: LazyLock<DecomposingNormalizerBorrowed<'static>> =
    LazyLock::new(DecomposingNormalizer::new_nfkd);
static CASES: LazyLock<CaseMapperBorrowed<'static>> = LazyLock::new(CaseMapper::new);

/// `text` as searching compares it: compatibility-decomposed (`ﬁ` → `fi`, full-width letters
/// → ASCII), without the accents of Latin, Greek and Cyrillic letters (the combining marks
/// U+0300–U+036F, so Japanese voicing marks stay), case-folded in full (`ß` → `ss`, final `ς` →
/// `σ`, Turkish `İ` → `i`), and with the letters that carry their stroke in themselves spelled
/// plainly (`æ` → `ae`, `ø` → `o`, `ł` → `l`, dotless `ı` → `i`). Other scripts stay as typed.
pub fn folded(text: &str) -> String {
    let bare: String = DECOMPOSE
        .normalize(text)
        .chars()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .collect();
    let mut out = String::with_capacity(bare.len());
    for c in CASES.fold_string(&bare).chars() {
        match c {
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'ø' => out.push('o'),
            'ł' => out.push('l'),
            'đ' | 'ð' => out.push('d'),
            'þ' => out.push_str("th"),
            'ı' => out.push('i'),
            c => out.push(c),
        }
    }
    out
}

fn joined(fields: &[&str]) -> String {
    let mut text = String::new();
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            text.push(SEPARATOR);
        }
        text.push_str(&folded(field));
    }
    text
}

/// A trip's search text: its name first (the list sorts by it), destination, picked place.
pub fn trip_text(name: &str, destination: &str, place_name: &str) -> String {
    joined(&[name, destination, place_name])
}

/// An activity's search text: its title, where, and the picked place.
pub fn activity_text(title: &str, location: &str, place_name: &str) -> String {
    joined(&[title, location, place_name])
}

/// `%query%` for `LIKE … ESCAPE '\'` over search texts: the query folded, its wildcards literal.
pub fn contains_pattern(query: &str) -> String {
    let folded = folded(query);
    let mut pattern = String::with_capacity(folded.len() + 2);
    pattern.push('%');
    for c in folded.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// Rows at a time when filling.
const BATCH: u64 = 500;

/// Fills the search text of rows that have none (written before the column existed, or by a
/// previous release during a rolling deploy). Run at start-up; returns how many rows it filled.
/// Every trip has a name and every activity a title, so an empty text always means unfilled.
pub async fn fill_missing(db: &impl ConnectionTrait) -> Result<u64, DbErr> {
    use activities::Column as A;
    use trips::Column as T;
    let trips = fill::<trips::Entity>(
        db,
        [T::Id, T::Name, T::Destination, T::PlaceName],
        T::SearchText,
        trip_text,
    )
    .await?;
    let activities = fill::<activities::Entity>(
        db,
        [A::Id, A::Title, A::Location, A::PlaceName],
        A::SearchText,
        activity_text,
    )
    .await?;
    let filled = trips + activities;
    if filled > 0 {
        tracing::info!(rows = filled, "search texts filled");
    }
    Ok(filled)
}

/// Fills `text` in the rows of `E` where it is empty, from the three `columns` after the id.
async fn fill<E: EntityTrait>(
    db: &impl ConnectionTrait,
    columns: [E::Column; 4],
    text: E::Column,
    compose: fn(&str, &str, &str) -> String,
) -> Result<u64, DbErr> {
    let mut filled = 0;
    loop {
        let rows: Vec<(uuid::Uuid, String, String, String)> = E::find()
            .select_only()
            .columns(columns)
            .filter(text.eq(""))
            .limit(BATCH)
            .into_tuple()
            .all(db)
            .await?;
        if rows.is_empty() {
            return Ok(filled);
        }
        for (id, first, second, third) in rows {
            E::update_many()
                .col_expr(text, Expr::value(compose(&first, &second, &third)))
                .filter(columns[0].eq(id))
                .exec(db)
                .await?;
            filled += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finds(stored: &str, query: &str) -> bool {
        folded(stored).contains(&folded(query))
    }

    #[test]
    fn names_that_break_naive_folding_are_found() {
        for (stored, queries) in [
            ("ÜBERLINGEN", &["über", "ÜBER", "uber", "überlingen"][..]),
            ("São Paulo", &["sao paulo", "SÃO", "são paulo"]),
            ("Kraków", &["krakow", "KRAKÓW", "kraków"]),
            ("Zürich", &["zurich", "ZÜRICH"]),
            (
                "İstanbul",
                &["istanbul", "ISTANBUL", "İstanbul", "ıstanbul"],
            ),
            ("istanbul", &["İstanbul", "ISTANBUL"]),
            ("Ærøskøbing", &["ærøskøbing", "ÆRØSKØBING", "aeroskobing"]),
            ("Straße", &["strasse", "STRASSE", "straße", "STRAẞE"]),
            ("Αθήνα", &["αθηνα", "ΑΘΗΝΑ", "Αθήνα"]),
            ("東京", &["東京"]),
            ("ｔｏｋｙｏ", &["tokyo"]),
        ] {
            for query in queries {
                assert!(finds(stored, query), "{query:?} should find {stored:?}");
            }
        }
    }

    #[test]
    fn folding_keeps_what_tells_names_apart() {
        assert!(!finds("東京", "京都"));
        assert!(!finds("Köln", "koeln"), "no German transliteration: ö is o");
        assert!(!finds("Lisbon", "lisbon_"));
        // Japanese voicing marks are part of the letter.
        assert!(!finds("ガイド", "カイド"));
    }

    #[test]
    fn wildcards_are_literal_in_patterns() {
        assert_eq!(contains_pattern("50%_Off\\"), "%50\\%\\_off\\\\%");
        assert_eq!(contains_pattern("Über"), "%uber%");
    }

    #[test]
    fn fields_never_run_into_each_other() {
        let text = trip_text("Lisbon", "Portugal", "");
        assert!(!text.contains(&folded("lisbonportugal")));
        assert!(text.starts_with("lisbon"));
    }
}
