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
static SOURCES: &[[(&str, &str); 3]] = sources!(
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
    match args.and_then(counted::key) {
        Some(numbers) => counted::written(language, id, &numbers, || formatted(language, id, args)),
        None => formatted(language, id, args),
    }
}

/// The message `id` in `language` with `args` as [`tr!`] passes them: `(name, value)` pairs in
/// the call's order. A message kept as written (every variable a plain number, see
/// `counted`) comes back without Fluent's arguments being built at all; they are built only
/// for a message written afresh or one with a text variable.
pub fn message_with<const N: usize>(
    language: Language,
    id: &str,
    args: [(&'static str, Arg<'_>); N],
) -> String {
    let gathered = |args: [(&'static str, Arg<'_>); N]| {
        formatted(language, id, Some(&FluentArgs::from_iter(args)))
    };
    if args.iter().all(|(_, value)| counted::bits(value).is_some()) {
        // On the stack: (name, bits) for each variable, all numbers as just checked.
        let numbers: [(&str, u64); N] =
            std::array::from_fn(|at| (args[at].0, counted::bits(&args[at].1).unwrap_or(0)));
        counted::written(language, id, &numbers, || gathered(args))
    } else {
        gathered(args)
    }
}

/// The message `id` in `language` as Fluent writes it with `args`.
fn formatted(language: Language, id: &str, args: Option<&FluentArgs<'_>>) -> String {
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

/// Messages whose variables are all plain numbers (`trip-length`, `timing-in-days`, counts),
/// kept as written, a few hundred per thread. Filling one in is mostly choosing its plural
/// form, which Fluent does by writing the number out and reading it back (~7,000 instructions
/// a message; a list page of twenty cards fills in forty). The text depends on nothing but the
/// language, the id and the numbers, and the numbers repeat (trips last days, not thousands of
/// them). A message with any text variable is filled in every time.
mod counted {
    use std::{
        cell::RefCell,
        collections::HashMap,
        hash::{BuildHasherDefault, Hash, Hasher},
    };

    use fluent_bundle::{FluentArgs, FluentValue, types::FluentNumberOptions};

    use crate::Language;

    /// Past this many, a thread's messages start over.
    const KEPT_MAX: usize = 512;

    struct Kept {
        language: Language,
        id: Box<str>,
        numbers: Vec<(Box<str>, u64)>,
        text: String,
    }

    /// FNV-1a: the keys are a message id and a few numbers, hashed ~40 times a page, where
    /// the standard hasher (SipHash, built to resist chosen collisions) cost ~1,400
    /// instructions a message. A collision here only costs a message its place: `same` checks
    /// what is kept, and a thread keeps at most `KEPT_MAX`.
    struct Fnv(u64);

    impl Default for Fnv {
        fn default() -> Self {
            Fnv(0xcbf2_9ce4_8422_2325)
        }
    }

    impl Hasher for Fnv {
        fn finish(&self) -> u64 {
            self.0
        }

        fn write(&mut self, bytes: &[u8]) {
            let mut hash = self.0;
            for byte in bytes {
                hash ^= u64::from(*byte);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
            self.0 = hash;
        }
    }

    thread_local! {
        static KEPT: RefCell<HashMap<u64, Kept, BuildHasherDefault<Fnv>>> =
            RefCell::new(HashMap::default());
    }

    /// The number's bits, when `value` is a plain number (no formatting options of its own).
    pub(super) fn bits(value: &FluentValue<'_>) -> Option<u64> {
        match value {
            FluentValue::Number(number) if number.options == FluentNumberOptions::default() => {
                Some(number.value.to_bits())
            }
            _ => None,
        }
    }

    /// The variables as (name, the number's bits), when every one is a plain number: then
    /// the text depends on the numbers only.
    pub(super) fn key<'a>(args: &'a FluentArgs<'_>) -> Option<Vec<(&'a str, u64)>> {
        args.iter()
            .map(|(name, value)| Some((name, bits(value)?)))
            .collect()
    }

    /// How many messages this thread keeps.
    #[cfg(test)]
    pub(super) fn kept() -> usize {
        KEPT.with_borrow(HashMap::len)
    }

    /// The message as kept, or as `format` writes it (then kept).
    pub(super) fn written(
        language: Language,
        id: &str,
        numbers: &[(&str, u64)],
        format: impl FnOnce() -> String,
    ) -> String {
        let mut hasher = Fnv::default();
        (language, id, numbers).hash(&mut hasher);
        let fingerprint = hasher.finish();
        let same =
            |kept: &Kept| {
                kept.language == language
                    && *kept.id == *id
                    && kept.numbers.len() == numbers.len()
                    && kept.numbers.iter().zip(numbers).all(
                        |((name, bits), (other, other_bits))| {
                            **name == **other && bits == other_bits
                        },
                    )
            };
        let found = KEPT.with_borrow(|kept| {
            kept.get(&fingerprint)
                .filter(|kept| same(kept))
                .map(|kept| kept.text.clone())
        });
        if let Some(text) = found {
            return text;
        }
        let text = format();
        KEPT.with_borrow_mut(|kept| {
            if kept.len() >= KEPT_MAX {
                kept.clear();
            }
            kept.insert(
                fingerprint,
                Kept {
                    language,
                    id: id.into(),
                    numbers: numbers
                        .iter()
                        .map(|(name, bits)| ((*name).into(), *bits))
                        .collect(),
                    text: text.clone(),
                },
            );
        });
        text
    }
}

/// A message of the core's rules (`domain`'s form problems, written in English) in
/// `language`, gettext-style: the English text is the key. The `rule-` messages of
/// `validation.ftl` are looked up by their English value (`"Give the trip a name."` →
/// `rule-trip-name-missing`) and that message is returned in `language`. Text it does not know
/// comes back unchanged (so, English).
///
/// A few rules put a value into their sentence (a currency's code, a count, a list of
/// activities). Their messages hold variables, and their English value is a pattern: the text
/// around each `{ $variable }` must match exactly, and what stands in its place becomes the
/// variable (a number when it reads as one, so translations can choose plural forms). Sentences
/// that only ever have a few forms are fixed sentences in the domain instead (one per case).
pub fn rule_message(language: Language, english: &str) -> String {
    let rules = &*RULES;
    if let Some(id) = rules.exact.get(english) {
        return message(language, id, None);
    }
    for (id, template) in &rules.patterns {
        if let Some(values) = template.matches(english) {
            let mut args = FluentArgs::new();
            for (name, value) in values {
                match value.parse::<i64>() {
                    Ok(number) => args.set(name, Arg::from(number)),
                    Err(_) => args.set(name, Arg::from(value)),
                }
            }
            return message(language, id, Some(&args));
        }
    }
    tracing::debug!(
        chars = english.chars().count(),
        ?language,
        "a rule message has no translation"
    );
    english.to_string()
}

/// The `rule-` messages by their English text: fixed ones, and patterns with variables.
struct Rules {
    exact: std::collections::HashMap<String, String>,
    patterns: Vec<(String, RuleTemplate)>,
}

/// An English pattern: literal text, then (variable, literal text) pairs.
struct RuleTemplate {
    head: String,
    parts: Vec<(String, String)>,
}

impl RuleTemplate {
    /// Reads `{$name}` placeholders, as Fluent writes variables it was not given.
    fn parse(text: &str) -> Option<Self> {
        let mut pieces = text.split("{$");
        let head = pieces.next()?.to_string();
        let mut parts = Vec::new();
        for piece in pieces {
            let (name, literal) = piece.split_once('}')?;
            parts.push((name.to_string(), literal.to_string()));
        }
        (!parts.is_empty()).then_some(Self { head, parts })
    }

    /// The variables' values when `text` fits the pattern (each value the shortest that lets
    /// the next literal follow; the last one runs up to the final literal).
    fn matches<'t>(&self, text: &'t str) -> Option<Vec<(&str, &'t str)>> {
        let mut rest = text.strip_prefix(self.head.as_str())?;
        let mut values = Vec::new();
        for (index, (name, literal)) in self.parts.iter().enumerate() {
            let end = if index + 1 == self.parts.len() {
                rest.strip_suffix(literal.as_str())?.len()
            } else if literal.is_empty() {
                return None;
            } else {
                rest.find(literal.as_str())?
            };
            let value = &rest[..end];
            if value.is_empty() {
                return None;
            }
            values.push((name.as_str(), value));
            rest = &rest[end + literal.len()..];
        }
        Some(values)
    }
}

static RULES: LazyLock<Rules> = LazyLock::new(|| {
    let english = &BUNDLES[Language::En.index()];
    let source = SOURCES
        .iter()
        .find(|files| files[0].0 == "validation.ftl")
        .map_or("", |files| files[0].1);
    let mut rules = Rules {
        exact: std::collections::HashMap::new(),
        patterns: Vec::new(),
    };
    // A message starts a line with its id; only the rules' ids (`rule-…`) are keys.
    let ids = source
        .lines()
        .filter_map(|line| line.split_once(" ="))
        .map(|(id, _)| id.trim_end())
        .filter(|id| id.starts_with("rule-"));
    for id in ids {
        let Some(pattern) = english.get_message(id).and_then(|m| m.value()) else {
            continue;
        };
        let mut errors = Vec::new();
        let text = english.format_pattern(pattern, None, &mut errors);
        if errors.is_empty() {
            rules.exact.insert(text.into_owned(), id.to_string());
        } else if let Some(template) = RuleTemplate::parse(&text) {
            rules.patterns.push((id.to_string(), template));
        } else {
            tracing::error!(id, "a rule message is neither fixed nor a pattern");
        }
    }
    rules
});

/// The message `id` in `lang`: `tr!(lang, "nav-trips")`, or with variables
/// `tr!(lang, "trip-length", days = 3, name = trip.name.as_str())`.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:literal $(,)?) => {
        $crate::message($lang, $id, None)
    };
    ($lang:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::message_with($lang, $id, [$((stringify!($name), $crate::Arg::from($value))),+])
    };
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

    /// A message kept as written reads as one written afresh, in every language and plural
    /// form, whatever order the numbers come in; a text variable is never kept.
    #[test]
    fn numbered_messages_read_the_same_when_kept() {
        let fresh = |language: Language, days: i64| {
            let mut args = FluentArgs::new();
            args.set("days", Arg::from(days));
            let bundle = &BUNDLES[language.index()];
            let pattern = bundle
                .get_message("trip-length")
                .and_then(|m| m.value())
                .expect("trip-length has a value");
            bundle
                .format_pattern(pattern, Some(&args), &mut Vec::new())
                .into_owned()
        };
        for round in 0..3 {
            for language in Language::ALL {
                for days in [1, 2, 1, 21, 0, 2, 101, 1] {
                    assert_eq!(
                        tr!(language, "trip-length", days = days),
                        fresh(language, days),
                        "{language:?} {days} (round {round})"
                    );
                }
            }
        }
        assert_eq!(tr!(Language::En, "trip-length", days = 1), "1 day");
        assert_eq!(tr!(Language::En, "trip-length", days = 2), "2 days");
        assert_eq!(tr!(Language::De, "trip-length", days = 2), "2 Tage");
        let mut text = FluentArgs::new();
        text.set("days", Arg::from("2"));
        assert!(counted::key(&text).is_none());
        let mut mixed = FluentArgs::new();
        mixed.set("count", Arg::from(2));
        mixed.set("name", Arg::from("Lisbon"));
        assert!(counted::key(&mixed).is_none());
        let styled = Arg::Number(fluent_bundle::types::FluentNumber::new(
            2.0,
            fluent_bundle::types::FluentNumberOptions {
                minimum_fraction_digits: Some(2),
                ..Default::default()
            },
        ));
        assert_eq!(counted::bits(&styled), None);
        // Through `tr!`: a text variable is filled in each time and never kept; numbers are.
        let before = counted::kept();
        let lisbon = "Lisbon".to_string();
        for _ in 0..2 {
            assert_eq!(
                tr!(Language::En, "card-owner", owner = lisbon.as_str()),
                message(
                    Language::En,
                    "card-owner",
                    Some(&FluentArgs::from_iter([("owner", "Lisbon")]))
                )
            );
        }
        assert_eq!(counted::kept(), before);
        let _ = tr!(Language::En, "trip-length", days = 12_345);
        assert_eq!(counted::kept(), before + 1);
        let mut numbers = FluentArgs::new();
        numbers.set("count", Arg::from(2));
        assert_eq!(
            counted::key(&numbers),
            Some(vec![("count", 2f64.to_bits())])
        );
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
    fn rule_messages_are_found_by_their_english() {
        assert_eq!(
            rule_message(Language::De, "Give the trip a name."),
            "Gib der Reise einen Namen."
        );
        assert_eq!(
            rule_message(Language::Fr, "Give the trip a name."),
            tr!(Language::Fr, "rule-trip-name-missing")
        );
        assert_eq!(
            rule_message(Language::De, "JPY amounts have no decimal places."),
            "Beträge in JPY haben keine Nachkommastellen."
        );
        assert_eq!(
            rule_message(Language::De, "BHD amounts have at most 3 decimal places."),
            "Beträge in BHD haben höchstens 3 Nachkommastellen."
        );
        let outside = "These activities would fall outside the new dates: “Leave” (Fri 12 Mar 2027) and others. Move them to other days first, or choose dates that include them.";
        assert_eq!(
            rule_message(Language::De, outside),
            "Diese Aktivitäten lägen außerhalb der neuen Daten: “Leave” (Fri 12 Mar 2027) und weitere. Verschiebe sie zuerst auf andere Tage, oder wähle Daten, die sie einschließen."
        );
        // Unknown text (already translated, or new) comes back as it was.
        assert_eq!(rule_message(Language::Fr, "Déjà traduit."), "Déjà traduit.");
    }

    /// In English, every rule message comes back exactly as the domain wrote it.
    #[test]
    fn rule_messages_keep_their_english() {
        for (text, _) in rule_sentences() {
            if !EXCEPTIONS.iter().any(|(e, _)| *e == text) {
                assert_eq!(rule_message(Language::En, &text), text);
            }
        }
        let precise = "EUR amounts have at most 1 decimal place.";
        assert_eq!(rule_message(Language::En, precise), precise);
    }

    /// Sentence-like literals of the domain that are not rule messages, or are matched another
    /// way, each with why.
    const EXCEPTIONS: &[(&str, &str)] = &[(
        "These activities would fall outside the new dates: {}{more}. Move them to other days first, or choose dates that include them.",
        "a format! pattern: rule-activities-outside and rule-activities-outside-more match what it builds",
    )];

    /// The domain's literals that read like sentences for people (an uppercase start, a space,
    /// and `.`, `?` or `!` at the end), outside test modules, with the file each is in.
    fn rule_sentences() -> Vec<(String, String)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../domain/src");
        let mut found = Vec::new();
        for file in rust_files(&root) {
            if file.components().any(|c| c.as_os_str() == "tests") {
                continue;
            }
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            let code = match text.find("#[cfg(test)]\nmod ") {
                Some(at) => &text[..at],
                None => &text[..],
            };
            for literal in string_literals(code) {
                let sentence = literal.chars().next().is_some_and(char::is_uppercase)
                    && literal.ends_with(['.', '?', '!'])
                    && literal.contains(' ');
                if sentence {
                    found.push((literal, file.display().to_string()));
                }
            }
        }
        found
    }

    /// The string literals in Rust `code` (escapes `\"`, `\\` and `\n` undone, a line
    /// continuation joined), outside comments and char literals.
    fn string_literals(code: &str) -> Vec<String> {
        let chars: Vec<char> = code.chars().collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            match chars[i] {
                '/' if chars.get(i + 1) == Some(&'/') => {
                    while i < chars.len() && chars[i] != '\n' {
                        i += 1;
                    }
                }
                '\'' => {
                    // A char literal ('"', '\'') is skipped whole; a lifetime is one quote.
                    if chars.get(i + 1) == Some(&'\\') {
                        i += 2;
                        while i < chars.len() && chars[i] != '\'' {
                            i += 1;
                        }
                        i += 1;
                    } else if chars.get(i + 2) == Some(&'\'') {
                        i += 3;
                    } else {
                        i += 1;
                    }
                }
                '"' => {
                    let mut literal = String::new();
                    i += 1;
                    while i < chars.len() && chars[i] != '"' {
                        if chars[i] == '\\' {
                            i += 1;
                            match chars.get(i) {
                                Some('n') => literal.push('\n'),
                                Some('\n') => {
                                    while chars.get(i + 1).is_some_and(|c| c.is_whitespace()) {
                                        i += 1;
                                    }
                                }
                                Some(other) => literal.push(*other),
                                None => {}
                            }
                        } else {
                            literal.push(chars[i]);
                        }
                        i += 1;
                    }
                    i += 1;
                    out.push(literal);
                }
                _ => i += 1,
            }
        }
        out
    }

    /// Every sentence the domain's rules write has its message in `validation.ftl`, so pages
    /// can show it translated: add a `rule-` message (same English) when this fails.
    #[test]
    fn every_rule_sentence_has_a_message() {
        let english = SOURCES
            .iter()
            .find(|files| files[0].0 == "validation.ftl")
            .map(|files| files[0].1)
            .unwrap_or_default();
        let values: BTreeSet<&str> = english
            .lines()
            .filter_map(|line| line.split_once(" = "))
            .filter(|(id, _)| id.starts_with("rule-"))
            .map(|(_, value)| value)
            .collect();
        let sentences = rule_sentences();
        assert!(
            sentences.len() > 50,
            "the scan found only {} sentences: is it still reading the domain?",
            sentences.len()
        );
        let missing: Vec<_> = sentences
            .iter()
            .filter(|(text, _)| !values.contains(text.as_str()))
            .filter(|(text, _)| !EXCEPTIONS.iter().any(|(e, _)| e == text))
            .collect();
        assert!(
            missing.is_empty(),
            "rule messages missing from i18n/locales/en/validation.ftl: {missing:#?}"
        );
        for (exception, _) in EXCEPTIONS {
            assert!(
                sentences.iter().any(|(text, _)| text == exception),
                "{exception:?} is no longer in the domain: remove it from the exceptions"
            );
        }
    }

    /// The mails' English is the text they always had.
    #[test]
    fn mails_keep_their_english() {
        let en = Language::En;
        assert_eq!(
            tr!(
                en,
                "mail-reset-body",
                name = "Ana",
                link = "http://x/reset-password/t"
            ),
            "Hello Ana,\n\nSomeone (hopefully you) asked to reset the password for your Travel Planner account.\n\
             Choose a new password here within the next hour:\n\nhttp://x/reset-password/t\n\n\
             If it wasn't you, ignore this email: your password stays as it is.\n"
        );
        assert_eq!(
            tr!(
                en,
                "mail-signup-registered-body",
                login = "http://x/login",
                forgot = "http://x/forgot-password"
            ),
            "Hello,\n\nSomeone (hopefully you) tried to create a Travel Planner account with this address, \
             but it already has one. Log in here:\n\nhttp://x/login\n\n\
             Forgotten your password? Choose a new one here:\n\nhttp://x/forgot-password\n\n\
             If it wasn't you, ignore this email: nothing has changed.\n"
        );
        assert_eq!(
            tr!(en, "mail-signup-link-body", link = "http://x/signup/t"),
            "Hello,\n\nOpen this link to finish creating your Travel Planner account:\n\n\
             http://x/signup/t\n\n\
             The link works for 24 hours. If you didn't ask for an account, ignore this email: \
             nothing is created without the link.\n"
        );
        assert_eq!(
            tr!(
                en,
                "mail-confirm-body",
                name = "Ana",
                link = "http://x/verify-email/t"
            ),
            "Hello Ana,\n\nPlease confirm that this is your email address:\n\nhttp://x/verify-email/t\n\n\
             The link works for seven days. If you didn't create a Travel Planner account, ignore this email.\n"
        );
        assert_eq!(
            tr!(
                en,
                "mail-change-notice-body",
                name = "Ana",
                address = "new@example.com",
                link = "http://x/account"
            ),
            "Hello Ana,\n\nSomeone logged in to your Travel Planner account asked to change its email \
             address to new@example.com. It changes once that address confirms it.\n\n\
             If it wasn't you, change your password now: http://x/account\n"
        );
        assert_eq!(
            tr!(en, "mail-change-taken-body"),
            "Hello,\n\nSomeone with a Travel Planner account asked to change its email address to \
             this one, which already belongs to an account. Nothing was changed, and nothing \
             is needed from you.\n"
        );
        assert_eq!(
            tr!(
                en,
                "mail-change-link-body",
                link = "http://x/verify-email/t"
            ),
            "Hello,\n\nOpen this link to make this the email address of your Travel Planner account:\n\n\
             http://x/verify-email/t\n\n\
             The link works for seven days. If you didn't ask for this, ignore this email: nothing changes without it.\n"
        );
        for (role, phrase) in [
            ("editor", "an editor: you can change the trip and its plan"),
            ("viewer", "a viewer: you can see the trip and its plan"),
        ] {
            assert_eq!(
                tr!(
                    en,
                    "mail-invitation-body",
                    inviter = "Ana",
                    trip = "Lisbon",
                    place = "Lisbon, Portugal",
                    dates = "Wed 3 Mar 2027 – Tue 9 Mar 2027",
                    role = role,
                    link = "http://x/invitations/t"
                ),
                format!(
                    "Hello,\n\nAna invited you to plan “Lisbon” (Lisbon, Portugal, Wed 3 Mar 2027 – Tue 9 Mar 2027) on Travel Planner, \
                     as {phrase}.\n\nOpen this link to accept or decline:\n\nhttp://x/invitations/t\n\n\
                     You can create an account there if you don't have one. The link works for 7 days. \
                     If you weren't expecting this, ignore this email.\n"
                )
            );
        }
        assert_eq!(
            tr!(
                en,
                "mail-invitation-subject",
                inviter = "Ana",
                trip = "Lisbon"
            ),
            "Ana invited you to plan “Lisbon”"
        );
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
