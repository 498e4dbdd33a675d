//! kefu's words as data: one message file per language (`en.ftl`, `zh.ftl`, …) in a
//! directory, written in a subset of [Fluent](https://projectfluent.org/fluent/guide/), read
//! by a build script and compiled into plain Rust (an enum of message ids and a `match` per
//! language), so neither the panel nor the runtime carries a parser or a Fluent runtime.
//!
//! The subset ([`parse`]): `# comments` (a comment right above a message documents it),
//! messages `id = text` whose text may go on over indented lines (joined with a newline),
//! `{ $name }` placeholders and `{ "…" }` string literals (`{ "{" }` writes a brace).
//! Terms, attributes, selectors and functions are refused with the line they are on:
//! plural and other variants are separate messages.
//!
//! [`check`] is what keeps the languages in step: every message in every language, the same
//! placeholders in each. The build scripts refuse to compile files that disagree, and
//! [`generate`] gives each message an enum variant, so code naming a message no file has
//! does not compile either.
//!
//! It does not negotiate languages or format numbers: the caller picks the language and
//! fills placeholders with text it has formatted.

#![deny(missing_docs)]

mod generate;
mod parse;

pub use generate::{Generated, generate};
pub use parse::{Message, Resource, parse};

use std::collections::BTreeSet;
use std::fmt;

/// What is wrong with a set of message files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// A file does not parse: which file, which line (1-based), and why.
    Syntax {
        /// The file's name.
        file: String,
        /// The line, from 1.
        line: usize,
        /// What is wrong.
        why: String,
    },
    /// A message is in some languages and not in another.
    Missing {
        /// The message id.
        id: String,
        /// The language whose file lacks it.
        lang: String,
    },
    /// A message's placeholders differ between two languages.
    Placeholders {
        /// The message id.
        id: String,
        /// The first language and its placeholders.
        lang: String,
        /// Its placeholders there.
        has: Vec<String>,
        /// The language it is compared with.
        other: String,
        /// Its placeholders there.
        other_has: Vec<String>,
    },
    /// No message file at all, or a file name that is no language code.
    Files(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Syntax { file, line, why } => write!(f, "{file}:{line}: {why}"),
            Error::Missing { id, lang } => write!(
                f,
                "message `{id}` is missing from {lang}.ftl: every language has every message"
            ),
            Error::Placeholders {
                id,
                lang,
                has,
                other,
                other_has,
            } => write!(
                f,
                "message `{id}` has placeholders {has:?} in {lang}.ftl but {other_has:?} in \
                 {other}.ftl: every language fills in the same ones"
            ),
            Error::Files(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for Error {}

/// Checks that the languages agree: `files` are (language code, parsed file). Every message
/// of any file is in every file, with the same placeholders. Returns every disagreement.
pub fn check(files: &[(String, Resource)]) -> Vec<Error> {
    let mut errors = Vec::new();
    let ids: BTreeSet<&str> = files
        .iter()
        .flat_map(|(_, r)| r.messages.iter().map(|m| m.id.as_str()))
        .collect();
    for id in ids {
        let mut first: Option<(&str, &Message)> = None;
        for (lang, resource) in files {
            let Some(message) = resource.get(id) else {
                errors.push(Error::Missing {
                    id: id.to_string(),
                    lang: lang.clone(),
                });
                continue;
            };
            match first {
                None => first = Some((lang, message)),
                Some((first_lang, first_message)) => {
                    if first_message.placeholders() != message.placeholders() {
                        errors.push(Error::Placeholders {
                            id: id.to_string(),
                            lang: first_lang.to_string(),
                            has: first_message.placeholders(),
                            other: lang.clone(),
                            other_has: message.placeholders(),
                        });
                    }
                }
            }
        }
    }
    errors
}

/// Fills `{$name}` in a compiled pattern with `args` (`(name, text)`); a placeholder with no
/// argument stays as it is. The generated code carries its own copy of this function (the
/// panel does not depend on this crate at run time); this one is what its tests run.
pub fn fill(pattern: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut rest = pattern;
    while let Some(start) = rest.find("{$") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after.find('}') {
            Some(end) => {
                let name = &after[..end];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value),
                    None => out.push_str(&rest[start..start + 3 + end]),
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests;
