//! The topic models measured on single messages written after the models were trained, by
//! writers who saw neither their data nor the engine (labels: the topics, or `none` for an
//! ordinary shop message, half of them look-alikes):
//! - `topics_blind.tsv`, reported with
//!   `cargo test -p kefu-intent --test topics -- --nocapture`;
//! - `topics_fresh.tsv`, written before any tuning, only parsed by default and reported with
//!   `KEFU_TOPICS_FRESH=1 cargo test -p kefu-intent --test topics -- --nocapture`;
//! - `topics_sealed.tsv`, written before the latest tuning by another writer, likewise with
//!   `KEFU_TOPICS_SEALED=1`;
//! - every set of [`person_sets!`] (`topics_unseen.tsv`, a fifth writer's, to
//!   `topics_dredged.tsv`, a hundred-and-ninety-sixth's), labelled only `person` or `ordinary`, each
//!   likewise with its own variable (`KEFU_TOPICS_UNSEEN=1`, …: the set's name in capitals;
//!   `cargo test -p kefu-intent --test topics bagged` runs one set's two tests).
//!
//! Each set was measured once before the tuning that followed it; figures taken after that
//! flatter the models. The sets of `kefu_model::topics::TRAINED_SETS` and `HEAD_SETS` are
//! training lines of the models since: their figures are training figures.
//!
//! Goals: sensitive topics recalled ≥ 95%, with ≤ 2% of ordinary shop messages sent to a
//! person by mistake.

use kefu_intent::topics::{Topic, detect};

const BLIND: &str = include_str!("topics_blind.tsv");
const FRESH: &str = include_str!("topics_fresh.tsv");
const SEALED: &str = include_str!("topics_sealed.tsv");

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

/// The single-message sets labelled `person` / `ordinary`, one line each: the set's name,
/// its file, the variable that asks for its figures and the fewest lines it holds. Each
/// gets a module with two tests: `parses` (always) and `is_reported_apart` (its figures,
/// measured once, only when the variable is `1`).
macro_rules! person_sets {
    ($($set:ident: $file:literal, $var:literal, $at_least:literal;)*) => {
        /// Every set's file, in the order they were written.
        const PERSON_SET_FILES: &[&str] = &[$($file),*];
        $(
        mod $set {
            use super::*;

            #[test]
            fn parses() {
                check_person_set($file, include_str!($file), $at_least);
            }

            #[test]
            fn is_reported_apart() {
                if std::env::var($var).is_ok_and(|v| v == "1") {
                    report_person_set($file, include_str!($file));
                }
            }
        }
    )*};
}

#[test]
fn every_set_in_this_directory_is_measured() {
    // A set added to the directory but not to `person_sets!` would never be reported; the
    // three sets labelled by topic are read above.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .expect("the tests directory")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| n.starts_with("topics_") && n.ends_with(".tsv"))
        .filter(|n| {
            !["topics_blind.tsv", "topics_fresh.tsv", "topics_sealed.tsv"].contains(&n.as_str())
        })
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = PERSON_SET_FILES.iter().map(|f| f.to_string()).collect();
    listed.sort();
    assert_eq!(
        on_disk, listed,
        "topics_*.tsv files and person_sets! differ"
    );
}

person_sets! {
    unseen: "topics_unseen.tsv", "KEFU_TOPICS_UNSEEN", 350; // the fifth
    hidden: "topics_hidden.tsv", "KEFU_TOPICS_HIDDEN", 300; // the sixth
    withheld: "topics_withheld.tsv", "KEFU_TOPICS_WITHHELD", 300; // the seventh
    reserve: "topics_reserve.tsv", "KEFU_TOPICS_RESERVE", 300; // the eighth
    kept: "topics_kept.tsv", "KEFU_TOPICS_KEPT", 300; // the ninth
    spare: "topics_spare.tsv", "KEFU_TOPICS_SPARE", 400; // the tenth
    stowed: "topics_stowed.tsv", "KEFU_TOPICS_STOWED", 400; // the eleventh
    shelved: "topics_shelved.tsv", "KEFU_TOPICS_SHELVED", 400; // the twelfth
    tucked: "topics_tucked.tsv", "KEFU_TOPICS_TUCKED", 400; // the thirteenth
    stashed: "topics_stashed.tsv", "KEFU_TOPICS_STASHED", 400; // the fourteenth
    boxed: "topics_boxed.tsv", "KEFU_TOPICS_BOXED", 500; // the fifteenth
    packed: "topics_packed.tsv", "KEFU_TOPICS_PACKED", 500; // the sixteenth
    locked: "topics_locked.tsv", "KEFU_TOPICS_LOCKED", 500; // the seventeenth
    crated: "topics_crated.tsv", "KEFU_TOPICS_CRATED", 500; // the eighteenth
    stored: "topics_stored.tsv", "KEFU_TOPICS_STORED", 500; // the nineteenth
    vaulted: "topics_vaulted.tsv", "KEFU_TOPICS_VAULTED", 500; // the twentieth
    cellared: "topics_cellared.tsv", "KEFU_TOPICS_CELLARED", 500; // the twenty-first
    banked: "topics_banked.tsv", "KEFU_TOPICS_BANKED", 500; // the twenty-second
    hoarded: "topics_hoarded.tsv", "KEFU_TOPICS_HOARDED", 500; // the twenty-third
    pocketed: "topics_pocketed.tsv", "KEFU_TOPICS_POCKETED", 500; // the twenty-fourth
    bagged: "topics_bagged.tsv", "KEFU_TOPICS_BAGGED", 500; // the twenty-fifth
    sacked: "topics_sacked.tsv", "KEFU_TOPICS_SACKED", 500; // the twenty-sixth
    lidded: "topics_lidded.tsv", "KEFU_TOPICS_LIDDED", 500; // the twenty-seventh
    binned: "topics_binned.tsv", "KEFU_TOPICS_BINNED", 500; // the twenty-eighth
    hampered: "topics_hampered.tsv", "KEFU_TOPICS_HAMPERED", 500; // the twenty-ninth
    crocked: "topics_crocked.tsv", "KEFU_TOPICS_CROCKED", 500; // the thirtieth
    jarred: "topics_jarred.tsv", "KEFU_TOPICS_JARRED", 500; // the thirty-first
    canned: "topics_canned.tsv", "KEFU_TOPICS_CANNED", 500; // the thirty-second
    potted: "topics_potted.tsv", "KEFU_TOPICS_POTTED", 500; // the thirty-third
    tinned: "topics_tinned.tsv", "KEFU_TOPICS_TINNED", 500; // the thirty-fourth
    corked: "topics_corked.tsv", "KEFU_TOPICS_CORKED", 500; // the thirty-fifth
    bottled: "topics_bottled.tsv", "KEFU_TOPICS_BOTTLED", 500; // the thirty-sixth
    wrapped: "topics_wrapped.tsv", "KEFU_TOPICS_WRAPPED", 500; // the thirty-seventh
    sleeved: "topics_sleeved.tsv", "KEFU_TOPICS_SLEEVED", 500; // the thirty-eighth
    bundled: "topics_bundled.tsv", "KEFU_TOPICS_BUNDLED", 500; // the thirty-ninth
    caged: "topics_caged.tsv", "KEFU_TOPICS_CAGED", 500; // the fortieth
    barreled: "topics_barreled.tsv", "KEFU_TOPICS_BARRELED", 500; // the forty-first
    trunked: "topics_trunked.tsv", "KEFU_TOPICS_TRUNKED", 500; // the forty-second
    hutched: "topics_hutched.tsv", "KEFU_TOPICS_HUTCHED", 500; // the forty-third
    tubbed: "topics_tubbed.tsv", "KEFU_TOPICS_TUBBED", 500; // the forty-fourth
    pouched: "topics_pouched.tsv", "KEFU_TOPICS_POUCHED", 500; // the forty-fifth
    netted: "topics_netted.tsv", "KEFU_TOPICS_NETTED", 500; // the forty-sixth
    sheathed: "topics_sheathed.tsv", "KEFU_TOPICS_SHEATHED", 500; // the forty-seventh
    basketed: "topics_basketed.tsv", "KEFU_TOPICS_BASKETED", 500; // the forty-eighth
    canistered: "topics_canistered.tsv", "KEFU_TOPICS_CANISTERED", 500; // the forty-ninth
    jugged: "topics_jugged.tsv", "KEFU_TOPICS_JUGGED", 500; // the fiftieth
    flasked: "topics_flasked.tsv", "KEFU_TOPICS_FLASKED", 500; // the fifty-first
    drummed: "topics_drummed.tsv", "KEFU_TOPICS_DRUMMED", 500; // the fifty-second
    kegged: "topics_kegged.tsv", "KEFU_TOPICS_KEGGED", 500; // the fifty-third
    cratered: "topics_cratered.tsv", "KEFU_TOPICS_CRATERED", 500; // the fifty-fourth
    vatted: "topics_vatted.tsv", "KEFU_TOPICS_VATTED", 500; // the fifty-fifth
    ladled: "topics_ladled.tsv", "KEFU_TOPICS_LADLED", 500; // the fifty-sixth
    siloed: "topics_siloed.tsv", "KEFU_TOPICS_SILOED", 500; // the fifty-seventh
    spooled: "topics_spooled.tsv", "KEFU_TOPICS_SPOOLED", 500; // the fifty-eighth
    pailed: "topics_pailed.tsv", "KEFU_TOPICS_PAILED", 500; // the fifty-ninth
    bagpiped: "topics_bagpiped.tsv", "KEFU_TOPICS_BAGPIPED", 500; // the sixtieth
    capsuled: "topics_capsuled.tsv", "KEFU_TOPICS_CAPSULED", 500; // the sixty-first
    coffered: "topics_coffered.tsv", "KEFU_TOPICS_COFFERED", 500; // the sixty-second
    satcheled: "topics_satcheled.tsv", "KEFU_TOPICS_SATCHELED", 500; // the sixty-third
    hoppered: "topics_hoppered.tsv", "KEFU_TOPICS_HOPPERED", 500; // the sixty-fourth
    drawered: "topics_drawered.tsv", "KEFU_TOPICS_DRAWERED", 500; // the sixty-fifth
    casked: "topics_casked.tsv", "KEFU_TOPICS_CASKED", 500; // the sixty-sixth
    bucketed: "topics_bucketed.tsv", "KEFU_TOPICS_BUCKETED", 500; // the sixty-seventh
    chested: "topics_chested.tsv", "KEFU_TOPICS_CHESTED", 500; // the sixty-eighth
    pursed: "topics_pursed.tsv", "KEFU_TOPICS_PURSED", 500; // the sixty-ninth
    enveloped: "topics_enveloped.tsv", "KEFU_TOPICS_ENVELOPED", 500; // the seventieth
    holstered: "topics_holstered.tsv", "KEFU_TOPICS_HOLSTERED", 500; // the seventy-first
    lockered: "topics_lockered.tsv", "KEFU_TOPICS_LOCKERED", 500; // the seventy-second
    gourded: "topics_gourded.tsv", "KEFU_TOPICS_GOURDED", 500; // the seventy-third
    quivered: "topics_quivered.tsv", "KEFU_TOPICS_QUIVERED", 500; // the seventy-fourth
    creeled: "topics_creeled.tsv", "KEFU_TOPICS_CREELED", 500; // the seventy-fifth
    panniered: "topics_panniered.tsv", "KEFU_TOPICS_PANNIERED", 500; // the seventy-sixth
    cupboarded: "topics_cupboarded.tsv", "KEFU_TOPICS_CUPBOARDED", 500; // the seventy-seventh
    ewered: "topics_ewered.tsv", "KEFU_TOPICS_EWERED", 500; // the seventy-eighth
    caddied: "topics_caddied.tsv", "KEFU_TOPICS_CADDIED", 500; // the seventy-ninth
    firkined: "topics_firkined.tsv", "KEFU_TOPICS_FIRKINED", 500; // the eightieth
    troughed: "topics_troughed.tsv", "KEFU_TOPICS_TROUGHED", 500; // the eighty-first
    hodded: "topics_hodded.tsv", "KEFU_TOPICS_HODDED", 500; // the eighty-second
    pitchered: "topics_pitchered.tsv", "KEFU_TOPICS_PITCHERED", 500; // the eighty-third
    tankarded: "topics_tankarded.tsv", "KEFU_TOPICS_TANKARDED", 500; // the eighty-fourth
    scuttled: "topics_scuttled.tsv", "KEFU_TOPICS_SCUTTLED", 500; // the eighty-fifth
    flagoned: "topics_flagoned.tsv", "KEFU_TOPICS_FLAGONED", 500; // the eighty-sixth
    beakered: "topics_beakered.tsv", "KEFU_TOPICS_BEAKERED", 500; // the eighty-seventh
    gobleted: "topics_gobleted.tsv", "KEFU_TOPICS_GOBLETED", 500; // the eighty-eighth
    ampouled: "topics_ampouled.tsv", "KEFU_TOPICS_AMPOULED", 500; // the eighty-ninth
    decantered: "topics_decantered.tsv", "KEFU_TOPICS_DECANTERED", 500; // the ninetieth
    carafed: "topics_carafed.tsv", "KEFU_TOPICS_CARAFED", 500; // the ninety-first
    tureened: "topics_tureened.tsv", "KEFU_TOPICS_TUREENED", 500; // the ninety-second
    urned: "topics_urned.tsv", "KEFU_TOPICS_URNED", 500; // the ninety-third
    cauldroned: "topics_cauldroned.tsv", "KEFU_TOPICS_CAULDRONED", 500; // the ninety-fourth
    skilleted: "topics_skilleted.tsv", "KEFU_TOPICS_SKILLETED", 500; // the ninety-fifth
    saucered: "topics_saucered.tsv", "KEFU_TOPICS_SAUCERED", 500; // the ninety-sixth
    kettled: "topics_kettled.tsv", "KEFU_TOPICS_KETTLED", 500; // the ninety-seventh
    steined: "topics_steined.tsv", "KEFU_TOPICS_STEINED", 500; // the ninety-eighth
    mugged: "topics_mugged.tsv", "KEFU_TOPICS_MUGGED", 500; // the ninety-ninth
    chaliced: "topics_chaliced.tsv", "KEFU_TOPICS_CHALICED", 500; // the one-hundredth
    tumblered: "topics_tumblered.tsv", "KEFU_TOPICS_TUMBLERED", 500; // the hundred-and-first
    flasketed: "topics_flasketed.tsv", "KEFU_TOPICS_FLASKETED", 500; // the hundred-and-second
    goblinned: "topics_goblinned.tsv", "KEFU_TOPICS_GOBLINNED", 500; // the hundred-and-third
    pannikined: "topics_pannikined.tsv", "KEFU_TOPICS_PANNIKINED", 500; // the hundred-and-fourth
    beakerful: "topics_beakerful.tsv", "KEFU_TOPICS_BEAKERFUL", 500; // the hundred-and-fifth
    crucibled: "topics_crucibled.tsv", "KEFU_TOPICS_CRUCIBLED", 500; // the hundred-and-sixth
    ramekined: "topics_ramekined.tsv", "KEFU_TOPICS_RAMEKINED", 500; // the hundred-and-seventh
    terrined: "topics_terrined.tsv", "KEFU_TOPICS_TERRINED", 500; // the hundred-and-eighth
    cruetted: "topics_cruetted.tsv", "KEFU_TOPICS_CRUETTED", 500; // the hundred-and-ninth
    tazzaed: "topics_tazzaed.tsv", "KEFU_TOPICS_TAZZAED", 500; // the hundred-and-tenth
    noggined: "topics_noggined.tsv", "KEFU_TOPICS_NOGGINED", 500; // the hundred-and-eleventh
    quaiched: "topics_quaiched.tsv", "KEFU_TOPICS_QUAICHED", 500; // the hundred-and-twelfth
    pipkined: "topics_pipkined.tsv", "KEFU_TOPICS_PIPKINED", 500; // the hundred-and-thirteenth
    gallipoted: "topics_gallipoted.tsv", "KEFU_TOPICS_GALLIPOTED", 500; // the hundred-and-fourteenth
    porringered: "topics_porringered.tsv", "KEFU_TOPICS_PORRINGERED", 500; // the hundred-and-fifteenth
    creamered: "topics_creamered.tsv", "KEFU_TOPICS_CREAMERED", 500; // the hundred-and-sixteenth
    billied: "topics_billied.tsv", "KEFU_TOPICS_BILLIED", 500; // the hundred-and-seventeenth
    rummered: "topics_rummered.tsv", "KEFU_TOPICS_RUMMERED", 500; // the hundred-and-eighteenth
    mazered: "topics_mazered.tsv", "KEFU_TOPICS_MAZERED", 500; // the hundred-and-nineteenth
    stouped: "topics_stouped.tsv", "KEFU_TOPICS_STOUPED", 500; // the hundred-and-twentieth
    goblered: "topics_goblered.tsv", "KEFU_TOPICS_GOBLERED", 500; // the hundred-and-twenty-first
    flutered: "topics_flutered.tsv", "KEFU_TOPICS_FLUTERED", 500; // the hundred-and-twenty-second
    hornered: "topics_hornered.tsv", "KEFU_TOPICS_HORNERED", 500; // the hundred-and-twenty-third
    ladlered: "topics_ladlered.tsv", "KEFU_TOPICS_LADLERED", 500; // the hundred-and-twenty-fourth
    casseroled: "topics_casseroled.tsv", "KEFU_TOPICS_CASSEROLED", 500; // the hundred-and-twenty-fifth
    trivetted: "topics_trivetted.tsv", "KEFU_TOPICS_TRIVETTED", 500; // the hundred-and-twenty-sixth
    sieved: "topics_sieved.tsv", "KEFU_TOPICS_SIEVED", 500; // the hundred-and-twenty-seventh
    griddled: "topics_griddled.tsv", "KEFU_TOPICS_GRIDDLED", 500; // the hundred-and-twenty-eighth
    colandered: "topics_colandered.tsv", "KEFU_TOPICS_COLANDERED", 500; // the hundred-and-twenty-ninth
    woked: "topics_woked.tsv", "KEFU_TOPICS_WOKED", 500; // the hundred-and-thirtieth
    steamered: "topics_steamered.tsv", "KEFU_TOPICS_STEAMERED", 500; // the hundred-and-thirty-first
    tajined: "topics_tajined.tsv", "KEFU_TOPICS_TAJINED", 500; // the hundred-and-thirty-second
    samovared: "topics_samovared.tsv", "KEFU_TOPICS_SAMOVARED", 500; // the hundred-and-thirty-third
    braziered: "topics_braziered.tsv", "KEFU_TOPICS_BRAZIERED", 500; // the hundred-and-thirty-fourth
    mortared: "topics_mortared.tsv", "KEFU_TOPICS_MORTARED", 500; // the hundred-and-thirty-fifth
    thermosed: "topics_thermosed.tsv", "KEFU_TOPICS_THERMOSED", 500; // the hundred-and-thirty-sixth
    kadaied: "topics_kadaied.tsv", "KEFU_TOPICS_KADAIED", 500; // the hundred-and-thirty-seventh
    cocotted: "topics_cocotted.tsv", "KEFU_TOPICS_COCOTTED", 500; // the hundred-and-thirty-eighth
    dutchovened: "topics_dutchovened.tsv", "KEFU_TOPICS_DUTCHOVENED", 500; // the hundred-and-thirty-ninth
    crockpotted: "topics_crockpotted.tsv", "KEFU_TOPICS_CROCKPOTTED", 500; // the hundred-and-fortieth
    souffled: "topics_souffled.tsv", "KEFU_TOPICS_SOUFFLED", 500; // the hundred-and-forty-first
    tandoored: "topics_tandoored.tsv", "KEFU_TOPICS_TANDOORED", 500; // the hundred-and-forty-second
    bainmaried: "topics_bainmaried.tsv", "KEFU_TOPICS_BAINMARIED", 500; // the hundred-and-forty-third
    paellaed: "topics_paellaed.tsv", "KEFU_TOPICS_PAELLAED", 500; // the hundred-and-forty-fourth
    skewered: "topics_skewered.tsv", "KEFU_TOPICS_SKEWERED", 500; // the hundred-and-forty-fifth
    smokered: "topics_smokered.tsv", "KEFU_TOPICS_SMOKERED", 500; // the hundred-and-forty-sixth
    planchaed: "topics_planchaed.tsv", "KEFU_TOPICS_PLANCHAED", 500; // the hundred-and-forty-seventh
    rotisseried: "topics_rotisseried.tsv", "KEFU_TOPICS_ROTISSERIED", 500; // the hundred-and-forty-eighth
    poached: "topics_poached.tsv", "KEFU_TOPICS_POACHED", 500; // the hundred-and-forty-ninth
    braised: "topics_braised.tsv", "KEFU_TOPICS_BRAISED", 500; // the hundred-and-fiftieth
    fondued: "topics_fondued.tsv", "KEFU_TOPICS_FONDUED", 500; // the hundred-and-fifty-first
    broiled: "topics_broiled.tsv", "KEFU_TOPICS_BROILED", 500; // the hundred-and-fifty-second
    grilled: "topics_grilled.tsv", "KEFU_TOPICS_GRILLED", 500; // the hundred-and-fifty-third
    seared: "topics_seared.tsv", "KEFU_TOPICS_SEARED", 500; // the hundred-and-fifty-fourth
    flambeed: "topics_flambeed.tsv", "KEFU_TOPICS_FLAMBEED", 500; // the hundred-and-fifty-fifth
    roasted: "topics_roasted.tsv", "KEFU_TOPICS_ROASTED", 500; // the hundred-and-fifty-sixth
    steamed: "topics_steamed.tsv", "KEFU_TOPICS_STEAMED", 500; // the hundred-and-fifty-seventh
    sauteed: "topics_sauteed.tsv", "KEFU_TOPICS_SAUTEED", 500; // the hundred-and-fifty-eighth
    blanched: "topics_blanched.tsv", "KEFU_TOPICS_BLANCHED", 500; // the hundred-and-fifty-ninth
    toasted: "topics_toasted.tsv", "KEFU_TOPICS_TOASTED", 500; // the hundred-and-sixtieth
    glazed: "topics_glazed.tsv", "KEFU_TOPICS_GLAZED", 500; // the hundred-and-sixty-first
    basted: "topics_basted.tsv", "KEFU_TOPICS_BASTED", 500; // the hundred-and-sixty-second
    simmered: "topics_simmered.tsv", "KEFU_TOPICS_SIMMERED", 500; // the hundred-and-sixty-third
    charred: "topics_charred.tsv", "KEFU_TOPICS_CHARRED", 500; // the hundred-and-sixty-fourth
    stewed: "topics_stewed.tsv", "KEFU_TOPICS_STEWED", 500; // the hundred-and-sixty-fifth
    pickled: "topics_pickled.tsv", "KEFU_TOPICS_PICKLED", 500; // the hundred-and-sixty-sixth
    whisked: "topics_whisked.tsv", "KEFU_TOPICS_WHISKED", 500; // the hundred-and-sixty-seventh
    kneaded: "topics_kneaded.tsv", "KEFU_TOPICS_KNEADED", 500; // the hundred-and-sixty-eighth
    proofed: "topics_proofed.tsv", "KEFU_TOPICS_PROOFED", 500; // the hundred-and-sixty-ninth
    zested: "topics_zested.tsv", "KEFU_TOPICS_ZESTED", 500; // the hundred-and-seventieth
    minced: "topics_minced.tsv", "KEFU_TOPICS_MINCED", 500; // the hundred-and-seventy-first
    julienned: "topics_julienned.tsv", "KEFU_TOPICS_JULIENNED", 500; // the hundred-and-seventy-second
    marinated: "topics_marinated.tsv", "KEFU_TOPICS_MARINATED", 500; // the hundred-and-seventy-third
    caramelised: "topics_caramelised.tsv", "KEFU_TOPICS_CARAMELISED", 500; // the hundred-and-seventy-fourth
    infused: "topics_infused.tsv", "KEFU_TOPICS_INFUSED", 500; // the hundred-and-seventy-fifth
    brined: "topics_brined.tsv", "KEFU_TOPICS_BRINED", 500; // the hundred-and-seventy-sixth
    smoked: "topics_smoked.tsv", "KEFU_TOPICS_SMOKED", 500; // the hundred-and-seventy-seventh
    cured: "topics_cured.tsv", "KEFU_TOPICS_CURED", 500; // the hundred-and-seventy-eighth
    dusted: "topics_dusted.tsv", "KEFU_TOPICS_DUSTED", 500; // the hundred-and-seventy-ninth
    folded: "topics_folded.tsv", "KEFU_TOPICS_FOLDED", 500; // the hundred-and-eightieth
    steeped: "topics_steeped.tsv", "KEFU_TOPICS_STEEPED", 500; // the hundred-and-eighty-first
    sifted: "topics_sifted.tsv", "KEFU_TOPICS_SIFTED", 500; // the hundred-and-eighty-second
    torched: "topics_torched.tsv", "KEFU_TOPICS_TORCHED", 500; // the hundred-and-eighty-third
    scalded: "topics_scalded.tsv", "KEFU_TOPICS_SCALDED", 500; // the hundred-and-eighty-fourth
    drizzled: "topics_drizzled.tsv", "KEFU_TOPICS_DRIZZLED", 500; // the hundred-and-eighty-fifth
    whipped: "topics_whipped.tsv", "KEFU_TOPICS_WHIPPED", 500; // the hundred-and-eighty-sixth
    crumbed: "topics_crumbed.tsv", "KEFU_TOPICS_CRUMBED", 500; // the hundred-and-eighty-seventh
    seasoned: "topics_seasoned.tsv", "KEFU_TOPICS_SEASONED", 500; // the hundred-and-eighty-eighth
    battered: "topics_battered.tsv", "KEFU_TOPICS_BATTERED", 500; // the hundred-and-eighty-ninth
    candied: "topics_candied.tsv", "KEFU_TOPICS_CANDIED", 500; // the hundred-and-ninetieth
    frosted: "topics_frosted.tsv", "KEFU_TOPICS_FROSTED", 500; // the hundred-and-ninety-first
    reduced: "topics_reduced.tsv", "KEFU_TOPICS_REDUCED", 500; // the hundred-and-ninety-second
    buttered: "topics_buttered.tsv", "KEFU_TOPICS_BUTTERED", 500; // the hundred-and-ninety-third
    sugared: "topics_sugared.tsv", "KEFU_TOPICS_SUGARED", 500; // the hundred-and-ninety-fourth
    piped: "topics_piped.tsv", "KEFU_TOPICS_PIPED", 500; // the hundred-and-ninety-fifth
    dredged: "topics_dredged.tsv", "KEFU_TOPICS_DREDGED", 500; // the hundred-and-ninety-sixth
}
