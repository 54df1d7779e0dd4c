//! What people read, in their language.
//!
//! - [`Language`]: the languages the app speaks, and how one is chosen for a request
//!   ([`Language::negotiate`]: the account's setting, else the browser's `Accept-Language`,
//!   else English).
//! - [`tr!`]: a message by its id, from the Fluent files in `i18n/locales/<language>/`, with
//!   variables (`tr!(lang, "trip-length", days = 3)`); plurals and word order are the
//!   translator's, written in the file.
//! - [`format`]: dates, date ranges, times, numbers and money as each language writes them.
//!
//! Every language has every message: `tests::every_language_has_every_message` fails
//! otherwise, and `tests::every_id_in_the_code_exists` fails on an id the code asks for that no
//! file has. The JSON API stays in one language (English) and locale-free formats.

pub mod format;

use std::{borrow::Cow, sync::LazyLock};

pub use fluent_bundle::FluentArgs;
use fluent_bundle::{FluentResource, FluentValue, concurrent::FluentBundle};
use serde::{Deserialize, Serialize};
use unic_langid::LanguageIdentifier;

/// A language the app speaks. Stored (an account's setting, the visitor's cookie) and
/// submitted as its code: `en`, `de`, `fr`.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::EnumIter,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Language {
    #[default]
    En,
    De,
    Fr,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::En, Language::De, Language::Fr];

    /// The code for `<html lang>`, cookies and forms.
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// The language's name in itself, as a switcher lists it.
    pub fn autonym(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::De => "Deutsch",
            Language::Fr => "Français",
        }
    }

    fn index(self) -> usize {
        match self {
            Language::En => 0,
            Language::De => 1,
            Language::Fr => 2,
        }
    }

    /// The best of ours for an `Accept-Language` header (`de-CH, fr;q=0.8, en;q=0.5`): the
    /// highest-weighted range whose primary language we speak; `None` when none is.
    pub fn from_accept_language(header: &str) -> Option<Language> {
        let mut best: Option<(u16, Language)> = None;
        for range in header.split(',').take(32) {
            let mut parts = range.split(';');
            let tag = parts.next().unwrap_or_default().trim();
            let weight = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1000), parse_weight);
            let Some(weight) = weight.filter(|w| *w > 0) else {
                continue;
            };
            let primary = tag.split(['-', '_']).next().unwrap_or_default();
            let Some(language) = Language::ALL
                .into_iter()
                .find(|l| l.code().eq_ignore_ascii_case(primary))
            else {
                continue;
            };
            // The first of equal weights wins, as the header lists them by preference.
            if best.is_none_or(|(w, _)| weight > w) {
                best = Some((weight, language));
            }
        }
        best.map(|(_, language)| language)
    }

    /// The language for a request: the traveler's own choice (their account's, or the one a
    /// visitor picked), else their browser's, else English.
    pub fn negotiate(chosen: Option<Language>, accept_language: Option<&str>) -> Language {
        chosen
            .or_else(|| accept_language.and_then(Language::from_accept_language))
            .unwrap_or_default()
    }
}

/// `q=0.8` as thousandths; `None` when unreadable.
fn parse_weight(text: &str) -> Option<u16> {
    let text = text.trim();
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let fraction: u16 = format!("{fraction:0<3}").parse().ok()?;
    match whole {
        "0" => Some(fraction),
        "1" if fraction == 0 => Some(1000),
        _ => None,
    }
}

/// Lists the Fluent files once: each must exist in every language (or the build fails).
macro_rules! sources {
    ($($file:literal),* $(,)?) => {
        &[$([
            ($file, include_str!(concat!("../locales/en/", $file))),
            ($file, include_str!(concat!("../locales/de/", $file))),
            ($file, include_str!(concat!("../locales/fr/", $file))),
        ]),*]
    };
}

/// Every file, per language (in [`Language::ALL`]'s order).
static SOURCES: &[[(&str, &str); 3]] =
    sources!(
    "common.ftl",
    "trips.ftl",
    "account.ftl",
    "auth.ftl",
    "forms.ftl",
    "trip.ftl",
    "members.ftl",
    "takeaway.ftl",
    "legal.ftl",
    "errors.ftl",
    "validation.ftl",
    "islands.ftl",
    "mail.ftl",
);

static BUNDLES: LazyLock<[FluentBundle<FluentResource>; 3]> =
    LazyLock::new(|| Language::ALL.map(bundle));

fn bundle(language: Language) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = language
        .code()
        .parse()
        .unwrap_or_else(|_| LanguageIdentifier::default());
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Pages are HTML and the languages left-to-right: no invisible isolation marks around
    // variables (a right-to-left language would mark its variables with `<bdi>` instead).
    bundle.set_use_isolating(false);
    for files in SOURCES {
        let (file, source) = files[language.index()];
        let resource = match FluentResource::try_new(source.to_string()) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                tracing::error!(file, ?language, ?errors, "a translation file has errors");
                resource
            }
        };
        if let Err(errors) = bundle.add_resource(resource) {
            tracing::error!(file, ?language, ?errors, "a translation file repeats an id");
        }
    }
    bundle
}

/// A variable of a message: text or a number (numbers choose plural forms).
pub type Arg<'a> = FluentValue<'a>;

/// The message `id` in `language`, with `args` filled in. A message missing from a language
/// (the tests prevent it) falls back to English, then to its id.
pub fn message(language: Language, id: &str, args: Option<&FluentArgs<'_>>) -> String {
    let bundles = &*BUNDLES;
    let found = bundles[language.index()]
        .get_message(id)
        .map(|m| (&bundles[language.index()], m))
        .or_else(|| {
            tracing::error!(id, ?language, "a message is missing");
            bundles[0].get_message(id).map(|m| (&bundles[0], m))
        });
    let Some((bundle, pattern)) = found.and_then(|(b, m)| Some((b, m.value()?))) else {
        return id.to_string();
    };
    let mut errors = Vec::new();
    let text: Cow<'_, str> = bundle.format_pattern(pattern, args, &mut errors);
    if !errors.is_empty() {
        tracing::error!(id, ?language, ?errors, "a message could not be filled in");
    }
    text.into_owned()
}

/// The message `id` in `lang`: `tr!(lang, "nav-trips")`, or with variables
/// `tr!(lang, "trip-length", days = 3, name = trip.name.as_str())`.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:literal $(,)?) => {
        $crate::message($lang, $id, None)
    };
    ($lang:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::FluentArgs::new();
        $(args.set(stringify!($name), $crate::Arg::from($value));)+
        $crate::message($lang, $id, Some(&args))
    }};
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use fluent_bundle::FluentResource;
    use fluent_syntax::ast;

    use super::*;

    fn ids_and_variables(source: &str) -> BTreeSet<(String, BTreeSet<String>)> {
        let resource = match FluentResource::try_new(source.to_string()) {
            Ok(resource) => resource,
            Err((_, errors)) => panic!("a file does not parse: {errors:?}"),
        };
        resource
            .entries()
            .filter_map(|entry| match entry {
                ast::Entry::Message(message) => {
                    let mut variables = BTreeSet::new();
                    if let Some(pattern) = &message.value {
                        variables_of(pattern, &mut variables);
                    }
                    Some((message.id.name.to_string(), variables))
                }
                _ => None,
            })
            .collect()
    }

    fn variables_of(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_variables(expression, out);
            }
        }
    }

    fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                inline_variables(selector, out);
                for variant in variants {
                    variables_of(&variant.value, out);
                }
            }
            ast::Expression::Inline(inline) => inline_variables(inline, out),
        }
    }

    fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_string());
            }
            ast::InlineExpression::Placeable { expression } => {
                expression_variables(expression, out);
            }
            _ => {}
        }
    }

    /// Each file has the same messages, with the same variables, in every language.
    #[test]
    fn every_language_has_every_message() {
        for files in SOURCES {
            let (file, english) = files[0];
            let english = ids_and_variables(english);
            assert!(!english.is_empty(), "{file} is empty");
            for (language, (_, source)) in Language::ALL.iter().zip(files).skip(1) {
                let other = ids_and_variables(source);
                let missing: Vec<_> = english.difference(&other).collect();
                let extra: Vec<_> = other.difference(&english).collect();
                assert!(
                    missing.is_empty() && extra.is_empty(),
                    "{language:?} {file}: missing or different {missing:?}; not in English {extra:?}"
                );
            }
        }
    }

    /// An id is in one file only: the bundle would keep the first and drop the other.
    #[test]
    fn no_id_is_in_two_files() {
        let mut seen = std::collections::BTreeMap::new();
        for files in SOURCES {
            let (file, english) = files[0];
            for (id, _) in ids_and_variables(english) {
                if let Some(other) = seen.insert(id.clone(), file) {
                    panic!("{id:?} is in both {other} and {file}");
                }
            }
        }
    }

    /// Every id the code asks for (`tr!(…, "id"`) is in the English files (and so, by the test
    /// above, in every language).
    #[test]
    fn every_id_in_the_code_exists() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut known = BTreeSet::new();
        for files in SOURCES {
            known.extend(ids_and_variables(files[0].1).into_iter().map(|(id, _)| id));
        }
        let mut asked = 0;
        for crate_dir in ["app/src", "domain/src", "server/src", "i18n/src"] {
            for file in rust_files(&root.join(crate_dir)) {
                let text = std::fs::read_to_string(&file).unwrap_or_default();
                for id in asked_ids(&text) {
                    asked += 1;
                    assert!(known.contains(&id), "{}: no message {id:?}", file.display());
                }
            }
        }
        assert!(
            asked > 10,
            "the scan found only {asked} uses: is it still reading the code?"
        );
    }

    fn rust_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut out = Vec::new();
        let Ok(entries) = std::fs::read_dir(dir) else {
            return out;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                out.extend(rust_files(&path));
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
        out
    }

    /// The literal id after each `tr!(<language>, ` in `text`, outside comments.
    fn asked_ids(text: &str) -> Vec<String> {
        let code: Vec<&str> = text
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .collect();
        ids_in(&code.join("\n"))
            .into_iter()
            .map(str::to_string)
            .collect()
    }

    fn ids_in(text: &str) -> Vec<&str> {
        let mut ids = Vec::new();
        for (at, _) in text.match_indices("tr!(") {
            let rest = &text[at + 4..];
            let Some(open) = rest.find('"') else { continue };
            let Some(close) = rest[open + 1..].find('"') else {
                continue;
            };
            let id = &rest[open + 1..open + 1 + close];
            if id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && !id.is_empty()
            {
                ids.push(id);
            }
        }
        ids
    }

    #[test]
    fn plurals_and_variables_follow_each_language() {
        assert_eq!(tr!(Language::En, "trip-length", days = 1), "1 day");
        assert_eq!(tr!(Language::En, "trip-length", days = 3), "3 days");
        assert_eq!(tr!(Language::De, "trip-length", days = 1), "1 Tag");
        assert_eq!(tr!(Language::De, "trip-length", days = 3), "3 Tage");
        assert_eq!(tr!(Language::Fr, "trip-length", days = 1), "1 jour");
        assert_eq!(tr!(Language::Fr, "trip-length", days = 3), "3 jours");
    }

    #[test]
    fn the_browser_language_is_the_best_weighted_one_we_speak() {
        let pick = Language::from_accept_language;
        assert_eq!(pick("de-CH, fr;q=0.8, en;q=0.5"), Some(Language::De));
        assert_eq!(pick("es, fr;q=0.7, de;q=0.9"), Some(Language::De));
        assert_eq!(pick("en-GB;q=0.2, FR-ca"), Some(Language::Fr));
        assert_eq!(pick("de;q=0, en;q=0.1"), Some(Language::En));
        assert_eq!(pick("es, it;q=0.9"), None);
        assert_eq!(pick("*"), None);
        assert_eq!(pick("fr;q=2, de;q=nonsense, en;q=0.3"), Some(Language::En));
        assert_eq!(pick(""), None);
        assert_eq!(
            Language::negotiate(Some(Language::Fr), Some("de")),
            Language::Fr
        );
        assert_eq!(Language::negotiate(None, Some("de")), Language::De);
        assert_eq!(Language::negotiate(None, None), Language::En);
    }
}
