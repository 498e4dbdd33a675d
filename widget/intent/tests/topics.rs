//! The topic models measured on single messages written after the models were trained, by
//! writers who saw neither their data nor the engine (labels: the topics, or `none` for an
//! ordinary shop message, half of them look-alikes):
//! - `topics_blind.tsv`, reported with
//!   `cargo test -p kefu-intent --test topics -- --nocapture`;
//! - `topics_fresh.tsv`, written before any tuning, only parsed by default and reported with
//!   `KEFU_TOPICS_FRESH=1 cargo test -p kefu-intent --test topics -- --nocapture`;
//! - `topics_sealed.tsv`, written before the latest tuning by another writer, likewise with
//!   `KEFU_TOPICS_SEALED=1`;
//! - `topics_unseen.tsv`, a fifth writer's, labelled only `person` or `ordinary`, likewise
//!   with `KEFU_TOPICS_UNSEEN=1`;
//! - `topics_hidden.tsv`, a sixth writer's, labelled the same way, likewise with
//!   `KEFU_TOPICS_HIDDEN=1`;
//! - `topics_withheld.tsv`, a seventh writer's, labelled the same way, likewise with
//!   `KEFU_TOPICS_WITHHELD=1`;
//! - `topics_reserve.tsv`, an eighth writer's, labelled the same way, likewise with
//!   `KEFU_TOPICS_RESERVE=1`.
//! - `topics_kept.tsv`, a ninth writer's, labelled the same way, likewise with
//!   `KEFU_TOPICS_KEPT=1`.
//! - `topics_spare.tsv`, a tenth writer's (400 lines), labelled the same way, likewise with
//!   `KEFU_TOPICS_SPARE=1`.
//! - `topics_stowed.tsv`, an eleventh writer's (400 lines), labelled the same way, likewise
//!   with `KEFU_TOPICS_STOWED=1`.
//! - `topics_shelved.tsv`, a twelfth writer's (400 lines), labelled the same way, likewise
//!   with `KEFU_TOPICS_SHELVED=1`.
//! - `topics_tucked.tsv`, a thirteenth writer's (400 lines), labelled the same way, likewise
//!   with `KEFU_TOPICS_TUCKED=1`.
//! - `topics_stashed.tsv`, a fourteenth writer's (400 lines), labelled the same way, likewise
//!   with `KEFU_TOPICS_STASHED=1`.
//! - `topics_boxed.tsv`, a fifteenth writer's (500 lines), labelled the same way, likewise
//!   with `KEFU_TOPICS_BOXED=1`.
//! - `topics_packed.tsv`, a sixteenth writer's (500 lines), labelled the same way, likewise
//!   with `KEFU_TOPICS_PACKED=1`.
//! - `topics_locked.tsv`, a seventeenth writer's (500 lines), labelled the same way,
//!   likewise with `KEFU_TOPICS_LOCKED=1`.
//! - `topics_crated.tsv`, an eighteenth writer's (500 lines), labelled the same way,
//!   likewise with `KEFU_TOPICS_CRATED=1`.
//! - `topics_stored.tsv`, a nineteenth writer's (500 lines), labelled the same way,
//!   likewise with `KEFU_TOPICS_STORED=1`.
//! - `topics_vaulted.tsv`, a twentieth writer's (500 lines), labelled the same way,
//!   likewise with `KEFU_TOPICS_VAULTED=1`.
//! - `topics_cellared.tsv`, a twenty-first writer's (500 lines), labelled the same way,
//!   likewise with `KEFU_TOPICS_CELLARED=1`.
//! - `topics_banked.tsv`, a twenty-second writer's (500 lines), labelled the same way,
//!   likewise with `KEFU_TOPICS_BANKED=1`.
//! - `topics_hoarded.tsv`, a twenty-third writer's (500 lines), labelled the same way,
//!   likewise with `KEFU_TOPICS_HOARDED=1`.
//! - `topics_pocketed.tsv`, a twenty-fourth writer's (500 lines), labelled the same way,
//!   likewise with `KEFU_TOPICS_POCKETED=1`.
//! - `topics_bagged.tsv`, a twenty-fifth writer's (500 lines), labelled the same way,
//!   likewise with `KEFU_TOPICS_BAGGED=1`.
//!
//! Each is measured once, never tuned on.
//!
//! Goals (issue: policy by meaning): sensitive topics recalled ≥ 95%, with ≤ 2% of ordinary
//! shop messages sent to a person by mistake.

use kefu_intent::topics::{Topic, detect};

const BLIND: &str = include_str!("topics_blind.tsv");
const FRESH: &str = include_str!("topics_fresh.tsv");
const SEALED: &str = include_str!("topics_sealed.tsv");
const UNSEEN: &str = include_str!("topics_unseen.tsv");
const HIDDEN: &str = include_str!("topics_hidden.tsv");
const WITHHELD: &str = include_str!("topics_withheld.tsv");
const RESERVE: &str = include_str!("topics_reserve.tsv");
const KEPT: &str = include_str!("topics_kept.tsv");
const SPARE: &str = include_str!("topics_spare.tsv");
const STOWED: &str = include_str!("topics_stowed.tsv");
const SHELVED: &str = include_str!("topics_shelved.tsv");
const TUCKED: &str = include_str!("topics_tucked.tsv");
const STASHED: &str = include_str!("topics_stashed.tsv");
const BOXED: &str = include_str!("topics_boxed.tsv");
const PACKED: &str = include_str!("topics_packed.tsv");
const LOCKED: &str = include_str!("topics_locked.tsv");
const CRATED: &str = include_str!("topics_crated.tsv");
const STORED: &str = include_str!("topics_stored.tsv");
const VAULTED: &str = include_str!("topics_vaulted.tsv");
const CELLARED: &str = include_str!("topics_cellared.tsv");
const BANKED: &str = include_str!("topics_banked.tsv");
const HOARDED: &str = include_str!("topics_hoarded.tsv");
const POCKETED: &str = include_str!("topics_pocketed.tsv");
const BAGGED: &str = include_str!("topics_bagged.tsv");

/// `label<TAB>text` lines; `#` comments and blank lines skipped; panics naming a bad line.
/// Each label is read by `label`, given the file and line to name in a panic.
fn labelled<T>(file: &str, text: &str, label: impl Fn(&str, usize) -> T) -> Vec<(T, String)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let line = i + 1;
            let (name, text) = l
                .split_once('\t')
                .unwrap_or_else(|| panic!("{file}:{line}: expected label<TAB>text"));
            assert!(!text.trim().is_empty(), "{file}:{line}: empty message");
            (label(name, line), text.to_string())
        })
        .collect()
}

/// Lines labelled with a topic, or `none` for an ordinary shop message.
fn rows(file: &str, text: &str) -> Vec<(Option<Topic>, String)> {
    labelled(file, text, |name, line| match name {
        "none" => None,
        name => Some(
            Topic::from_name(name).unwrap_or_else(|| panic!("{file}:{line}: unknown topic {name}")),
        ),
    })
}

/// Prints how the topic models heard `rows`.
fn report(rows: &[(Option<Topic>, String)]) {
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!("\n| topic | messages | heard as it | heard as another topic |");
    println!("| --- | ---: | ---: | ---: |");
    for &topic in Topic::ALL {
        let of: Vec<_> = rows.iter().filter(|(t, _)| *t == Some(topic)).collect();
        let hit = of
            .iter()
            .filter(|(_, s)| detect(s).map(|d| d.0) == Some(topic))
            .count();
        let other = of
            .iter()
            .filter(|(_, s)| detect(s).is_some_and(|d| d.0 != topic))
            .count();
        println!("| {} | {} | {hit} | {other} |", topic.name(), of.len());
    }
    let sensitive: Vec<_> = rows
        .iter()
        .filter(|(t, _)| t.is_some_and(Topic::needs_a_person))
        .collect();
    let to_person = sensitive
        .iter()
        .filter(|(_, s)| detect(s).is_some_and(|d| d.0.needs_a_person()))
        .count();
    let ordinary: Vec<_> = rows.iter().filter(|(t, _)| t.is_none()).collect();
    let wrongly = ordinary
        .iter()
        .filter(|(_, s)| detect(s).is_some_and(|d| d.0.needs_a_person()))
        .count();
    let any = ordinary.iter().filter(|(_, s)| detect(s).is_some()).count();
    println!(
        "\nsensitive topics sent to a person: {to_person}/{} ({:.1}%, goal ≥ 95%)",
        sensitive.len(),
        pct(to_person, sensitive.len())
    );
    println!(
        "ordinary messages sent to a person: {wrongly}/{} ({:.1}%, goal ≤ 2%); given any topic: {any} ({:.1}%)",
        ordinary.len(),
        pct(wrongly, ordinary.len()),
        pct(any, ordinary.len())
    );
}

#[test]
fn the_blind_messages_are_reported() {
    let rows = rows("topics_blind.tsv", BLIND);
    assert!(rows.len() > 300, "{} rows", rows.len());
    report(&rows);
}

/// Parses a set written apart from the team and checks it names every topic.
fn check_unseen_set(file: &str, text: &str) {
    let rows = rows(file, text);
    assert!(rows.len() >= 350, "{file}: {} rows", rows.len());
    for &topic in Topic::ALL {
        let n = rows.iter().filter(|(t, _)| *t == Some(topic)).count();
        assert!(n >= 8, "{file}: topic {} has {n} messages", topic.name());
    }
    let ordinary = rows.iter().filter(|(t, _)| t.is_none()).count();
    assert!(ordinary >= 150, "{file}: {ordinary} ordinary messages");
}

#[test]
fn the_fresh_messages_parse_and_name_every_topic() {
    // Parsed only: their figures are measured once, with KEFU_TOPICS_FRESH=1.
    check_unseen_set("topics_fresh.tsv", FRESH);
}

#[test]
fn the_sealed_messages_parse_and_name_every_topic() {
    // Parsed only: their figures are measured once, with KEFU_TOPICS_SEALED=1.
    check_unseen_set("topics_sealed.tsv", SEALED);
}

#[test]
fn the_sealed_messages_are_reported_apart() {
    if std::env::var("KEFU_TOPICS_SEALED").is_ok_and(|v| v == "1") {
        println!("\n## Topics: topics_sealed.tsv (measured once)");
        report(&rows("topics_sealed.tsv", SEALED));
    }
}

#[test]
fn the_fresh_messages_are_reported_apart() {
    if std::env::var("KEFU_TOPICS_FRESH").is_ok_and(|v| v == "1") {
        println!("\n## Topics: topics_fresh.tsv (measured once)");
        report(&rows("topics_fresh.tsv", FRESH));
    }
}

/// Lines labelled `person` (a person must take the message) or `ordinary`.
fn person_rows(file: &str, text: &str) -> Vec<(bool, String)> {
    labelled(file, text, |name, line| match name {
        "person" => true,
        "ordinary" => false,
        other => panic!("{file}:{line}: label {other}, expected person or ordinary"),
    })
}

/// Checks a `person`/`ordinary` set parses with at least `rows` lines, 100 for a person.
fn check_person_set(file: &str, text: &str, at_least: usize) {
    let rows = person_rows(file, text);
    let person = rows.iter().filter(|(p, _)| *p).count();
    assert!(
        rows.len() >= at_least && person >= 100,
        "{file}: {} rows, {person} for a person",
        rows.len()
    );
}

/// Reports how many of a `person`/`ordinary` set's messages go to a person.
fn report_person_set(file: &str, text: &str) {
    let rows = person_rows(file, text);
    let to_person = |s: &str| detect(s).is_some_and(|d| d.0.needs_a_person());
    let (person, ordinary): (Vec<_>, Vec<_>) = rows.iter().partition(|(p, _)| *p);
    let heard = person.iter().filter(|(_, s)| to_person(s)).count();
    let wrongly = ordinary.iter().filter(|(_, s)| to_person(s)).count();
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!("\n## Topics: {file} (measured once)");
    println!(
        "sensitive topics sent to a person: {heard}/{} ({:.1}%, goal ≥ 95%)",
        person.len(),
        pct(heard, person.len())
    );
    println!(
        "ordinary messages sent to a person: {wrongly}/{} ({:.1}%, goal ≤ 2%)",
        ordinary.len(),
        pct(wrongly, ordinary.len())
    );
    if std::env::var("KEFU_TOPICS_SHOW_MISSES").is_ok() {
        for (p, s) in &rows {
            if *p != to_person(s) {
                println!("  {} {s}", if *p { "missed" } else { "false alarm" });
            }
        }
    }
}

#[test]
fn the_unseen_messages_parse() {
    // Parsed only: their figures are measured once, with KEFU_TOPICS_UNSEEN=1.
    check_person_set("topics_unseen.tsv", UNSEEN, 350);
}

#[test]
fn the_unseen_messages_are_reported_apart() {
    if std::env::var("KEFU_TOPICS_UNSEEN").is_ok_and(|v| v == "1") {
        report_person_set("topics_unseen.tsv", UNSEEN);
    }
}

#[test]
fn the_hidden_messages_parse() {
    // Parsed only: their figures are measured once, with KEFU_TOPICS_HIDDEN=1.
    check_person_set("topics_hidden.tsv", HIDDEN, 300);
}

#[test]
fn the_hidden_messages_are_reported_apart() {
    if std::env::var("KEFU_TOPICS_HIDDEN").is_ok_and(|v| v == "1") {
        report_person_set("topics_hidden.tsv", HIDDEN);
    }
}

#[test]
fn the_withheld_messages_parse() {
    // Parsed only: their figures are measured once, with KEFU_TOPICS_WITHHELD=1.
    check_person_set("topics_withheld.tsv", WITHHELD, 300);
}

#[test]
fn the_withheld_messages_are_reported_apart() {
    if std::env::var("KEFU_TOPICS_WITHHELD").is_ok_and(|v| v == "1") {
        report_person_set("topics_withheld.tsv", WITHHELD);
    }
}

#[test]
fn the_reserve_messages_parse() {
    // Parsed only: their figures are measured once, with KEFU_TOPICS_RESERVE=1.
    check_person_set("topics_reserve.tsv", RESERVE, 300);
}

#[test]
fn the_reserve_messages_are_reported_apart() {
    if std::env::var("KEFU_TOPICS_RESERVE").is_ok_and(|v| v == "1") {
        report_person_set("topics_reserve.tsv", RESERVE);
    }
}

#[test]
fn the_kept_messages_parse() {
    // Parsed only: their figures are measured once, with KEFU_TOPICS_KEPT=1.
    check_person_set("topics_kept.tsv", KEPT, 300);
}

#[test]
fn the_kept_messages_are_reported_apart() {
    if std::env::var("KEFU_TOPICS_KEPT").is_ok_and(|v| v == "1") {
        report_person_set("topics_kept.tsv", KEPT);
    }
}

#[test]
fn the_spare_messages_parse() {
    // Parsed only: their figures are measured once, with KEFU_TOPICS_SPARE=1.
    check_person_set("topics_spare.tsv", SPARE, 400);
}

#[test]
fn the_spare_messages_are_reported_apart() {
    if std::env::var("KEFU_TOPICS_SPARE").is_ok_and(|v| v == "1") {
        report_person_set("topics_spare.tsv", SPARE);
    }
}

#[test]
fn the_stowed_messages_parse() {
    // Parsed only: their figures are measured once, with KEFU_TOPICS_STOWED=1.
    check_person_set("topics_stowed.tsv", STOWED, 400);
}

#[test]
fn the_stowed_messages_are_reported_apart() {
    if std::env::var("KEFU_TOPICS_STOWED").is_ok_and(|v| v == "1") {
        report_person_set("topics_stowed.tsv", STOWED);
    }
}

#[test]
fn the_shelved_messages_parse() {
    // Parsed only: their figures are measured once, with KEFU_TOPICS_SHELVED=1.
    check_person_set("topics_shelved.tsv", SHELVED, 400);
}

#[test]
fn the_shelved_messages_are_reported_apart() {
    if std::env::var("KEFU_TOPICS_SHELVED").is_ok_and(|v| v == "1") {
        report_person_set("topics_shelved.tsv", SHELVED);
    }
}

#[test]
fn the_tucked_messages_parse() {
    // Parsed only: their figures are measured once, with KEFU_TOPICS_TUCKED=1.
    check_person_set("topics_tucked.tsv", TUCKED, 400);
}

#[test]
fn the_tucked_messages_are_reported_apart() {
    if std::env::var("KEFU_TOPICS_TUCKED").is_ok_and(|v| v == "1") {
        report_person_set("topics_tucked.tsv", TUCKED);
    }
}

#[test]
fn the_stashed_messages_parse() {
    // Parsed only: their figures are measured once, with KEFU_TOPICS_STASHED=1.
    check_person_set("topics_stashed.tsv", STASHED, 400);
}

#[test]
fn the_stashed_messages_are_reported_apart() {
    if std::env::var("KEFU_TOPICS_STASHED").is_ok_and(|v| v == "1") {
        report_person_set("topics_stashed.tsv", STASHED);
    }
}

#[test]
fn the_boxed_messages_parse() {
    // Parsed only: their figures are measured once, with KEFU_TOPICS_BOXED=1.
    check_person_set("topics_boxed.tsv", BOXED, 500);
}

#[test]
fn the_boxed_messages_are_reported_apart() {
    if std::env::var("KEFU_TOPICS_BOXED").is_ok_and(|v| v == "1") {
        report_person_set("topics_boxed.tsv", BOXED);
    }
}

#[test]
fn the_packed_messages_parse() {
    // Parsed only: their figures are measured once, with KEFU_TOPICS_PACKED=1.
    check_person_set("topics_packed.tsv", PACKED, 500);
}

#[test]
fn the_packed_messages_are_reported_apart() {
    if std::env::var("KEFU_TOPICS_PACKED").is_ok_and(|v| v == "1") {
        report_person_set("topics_packed.tsv", PACKED);
    }
}

#[test]
fn the_locked_messages_parse() {
    // Parsed only: their figures are measured once, with KEFU_TOPICS_LOCKED=1.
    check_person_set("topics_locked.tsv", LOCKED, 500);
}

#[test]
fn the_locked_messages_are_reported_apart() {
    if std::env::var("KEFU_TOPICS_LOCKED").is_ok_and(|v| v == "1") {
        report_person_set("topics_locked.tsv", LOCKED);
    }
}

#[test]
fn the_crated_messages_parse() {
    // Parsed only: their figures are measured once, with KEFU_TOPICS_CRATED=1.
    check_person_set("topics_crated.tsv", CRATED, 500);
}

#[test]
fn the_crated_messages_are_reported_apart() {
    if std::env::var("KEFU_TOPICS_CRATED").is_ok_and(|v| v == "1") {
        report_person_set("topics_crated.tsv", CRATED);
    }
}

#[test]
fn the_stored_messages_parse() {
    // Parsed only: their figures are measured once, with KEFU_TOPICS_STORED=1.
    check_person_set("topics_stored.tsv", STORED, 500);
}

#[test]
fn the_stored_messages_are_reported_apart() {
    if std::env::var("KEFU_TOPICS_STORED").is_ok_and(|v| v == "1") {
        report_person_set("topics_stored.tsv", STORED);
    }
}

#[test]
fn the_vaulted_messages_parse() {
    // Parsed only: their figures are measured once, with KEFU_TOPICS_VAULTED=1.
    check_person_set("topics_vaulted.tsv", VAULTED, 500);
}

#[test]
fn the_vaulted_messages_are_reported_apart() {
    if std::env::var("KEFU_TOPICS_VAULTED").is_ok_and(|v| v == "1") {
        report_person_set("topics_vaulted.tsv", VAULTED);
    }
}

#[test]
fn the_cellared_messages_parse() {
    // Parsed only: their figures are measured once, with KEFU_TOPICS_CELLARED=1.
    check_person_set("topics_cellared.tsv", CELLARED, 500);
}

#[test]
fn the_cellared_messages_are_reported_apart() {
    if std::env::var("KEFU_TOPICS_CELLARED").is_ok_and(|v| v == "1") {
        report_person_set("topics_cellared.tsv", CELLARED);
    }
}

#[test]
fn the_banked_messages_parse() {
    // Parsed only: their figures are measured once, with KEFU_TOPICS_BANKED=1.
    check_person_set("topics_banked.tsv", BANKED, 500);
}

#[test]
fn the_banked_messages_are_reported_apart() {
    if std::env::var("KEFU_TOPICS_BANKED").is_ok_and(|v| v == "1") {
        report_person_set("topics_banked.tsv", BANKED);
    }
}

#[test]
fn the_hoarded_messages_parse() {
    // Parsed only: their figures are measured once, with KEFU_TOPICS_HOARDED=1.
    check_person_set("topics_hoarded.tsv", HOARDED, 500);
}

#[test]
fn the_hoarded_messages_are_reported_apart() {
    if std::env::var("KEFU_TOPICS_HOARDED").is_ok_and(|v| v == "1") {
        report_person_set("topics_hoarded.tsv", HOARDED);
    }
}

#[test]
fn the_pocketed_messages_parse() {
    // Parsed only: their figures are measured once, with KEFU_TOPICS_POCKETED=1.
    check_person_set("topics_pocketed.tsv", POCKETED, 500);
}

#[test]
fn the_pocketed_messages_are_reported_apart() {
    if std::env::var("KEFU_TOPICS_POCKETED").is_ok_and(|v| v == "1") {
        report_person_set("topics_pocketed.tsv", POCKETED);
    }
}

#[test]
fn the_bagged_messages_parse() {
    // Parsed only: their figures are measured once, with KEFU_TOPICS_BAGGED=1.
    check_person_set("topics_bagged.tsv", BAGGED, 500);
}

#[test]
fn the_bagged_messages_are_reported_apart() {
    if std::env::var("KEFU_TOPICS_BAGGED").is_ok_and(|v| v == "1") {
        report_person_set("topics_bagged.tsv", BAGGED);
    }
}
