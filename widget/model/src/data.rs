//! Where the training, validation and evaluation examples come from.
//!
//! Public sets (read from a data directory at training time, never copied into the repo):
//! - Bitext 27K (English shop intents; `{{placeholders}}` filled with realistic values);
//! - CLINC150 (English greeting/goodbye/thanks, and its non-shop intents plus `oos` rows as
//!   out-of-scope negatives; intents that overlap a shop's are left out, see [`CLINC_SKIP`]);
//! - CrossWOZ (Chinese thanks/goodbye, and travel requests as Chinese out-of-scope).
//!
//! Project-written sets in `widget/model/data/`: `train_*.tsv` (Chinese for every label,
//! English for the labels Bitext lacks, natural English for all) and two sets used only to
//! measure: `eval_*.tsv`, written separately and phrased differently, and `holdout_*.tsv`,
//! written by an author who never saw any other file here; and `test_*.tsv`, a blind test
//! written last by an author who saw nothing, for a figure no decision was ever made on.
//! Any other `.tsv` name is refused, so a stray file is never trained on by accident.
//!
//! Splits are by a hash of a stable key (template, dialogue, text), never by position, so
//! adding a row elsewhere does not reshuffle everything.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::rng::SplitMix64;

/// Every label the model knows, in output order.
pub const LABELS: &[&str] = &[
    "cancel_order",
    "change_order",
    "change_shipping_address",
    "check_cancellation_fee",
    "check_invoice",
    "check_payment_methods",
    "check_refund_policy",
    "complaint",
    "contact_customer_service",
    "contact_human_agent",
    "create_account",
    "delete_account",
    "delivery_options",
    "delivery_period",
    "edit_account",
    "get_invoice",
    "get_refund",
    "newsletter_subscription",
    "payment_issue",
    "place_order",
    "recover_password",
    "registration_problems",
    "review",
    "set_up_shipping_address",
    "switch_account",
    "track_order",
    "track_refund",
    "return_item",
    "product_info",
    "product_availability",
    "greeting",
    "thanks",
    "goodbye",
    "out_of_scope",
];

/// CLINC150 intents left out of the out-of-scope negatives because a shopper could mean a
/// shop intent by them (`order_status` is track_order; `card_declined` a payment issue) or
/// because they are replies inside a dialogue, not requests (`yes`, `no`, `repeat`).
pub const CLINC_SKIP: &[&str] = &[
    "order_status",
    "order",
    "cancel",
    "card_declined",
    "account_blocked",
    "change_user_name",
    "user_name",
    "report_fraud",
    "yes",
    "no",
    "maybe",
    "repeat",
    "what_can_i_ask_you",
    "are_you_a_bot",
];

/// Which data set an example came from (for weighting and per-source reports).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    /// Bitext 27K.
    Bitext,
    /// CLINC150.
    Clinc,
    /// CrossWOZ.
    CrossWoz,
    /// Written by the project (`widget/model/data`).
    Project,
}

/// One labelled message.
#[derive(Debug, Clone)]
pub struct Example {
    /// The message.
    pub text: String,
    /// Index into [`LABELS`].
    pub label: usize,
    /// Other labels the message means just as much (a vague message such as "I have a
    /// problem with my order"); the model learns to split its probability among them, so
    /// the conversation engine asks which one instead of guessing.
    pub also: Vec<usize>,
    /// Where it came from.
    pub source: Source,
}

/// The examples, split three ways.
#[derive(Debug, Default)]
pub struct Dataset {
    /// What the model learns from.
    pub train: Vec<Example>,
    /// What the out-of-scope threshold is chosen on (never trained on).
    pub validation: Vec<Example>,
    /// What the figures in the model card are measured on (never trained or tuned on).
    pub eval: Vec<Example>,
    /// A second evaluation set (`holdout_*.tsv`) written independently of every other file,
    /// by an author who saw neither the training nor the evaluation sentences.
    pub holdout: Vec<Example>,
    /// The blind test (`test_*.tsv`): written after every modelling decision, by an author
    /// who saw no other file; reported, never used to choose anything.
    pub test: Vec<Example>,
}

/// Index of `name` in [`LABELS`].
pub fn label_index(name: &str) -> Option<usize> {
    LABELS.iter().position(|l| *l == name)
}

/// Index of the out-of-scope label.
pub fn oos() -> usize {
    label_index(kefu_intent::OUT_OF_SCOPE).expect("out_of_scope is a label")
}

fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// A stable bucket 0..100 for a split key.
fn bucket(key: &str) -> u64 {
    fnv(key) % 100
}

/// Reads a project `label<TAB>text` file.
pub fn read_tsv(path: &Path) -> Result<Vec<Example>> {
    let body = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    for (n, line) in body.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((label, text)) = line.split_once('\t') else {
            bail!("{}:{}: expected `label<TAB>text`", path.display(), n + 1);
        };
        // `a|b`: the message is ambiguous between the labels.
        let mut labels = Vec::new();
        for name in label.split('|') {
            let Some(index) = label_index(name.trim()) else {
                bail!("{}:{}: unknown label `{name}`", path.display(), n + 1);
            };
            labels.push(index);
        }
        let label = labels.remove(0);
        out.push(Example {
            text: text.trim().to_string(),
            label,
            also: labels,
            source: Source::Project,
        });
    }
    Ok(out)
}

/// Fills Bitext's `{{Placeholder}}`s with plausible values so the model never sees braces.
fn fill_placeholders(text: &str, rng: &mut SplitMix64) -> String {
    const NAMES: &[&str] = &[
        "Jane Smith",
        "Li Wei",
        "Carlos Diaz",
        "Aisha Khan",
        "Tom",
        "Maria",
    ];
    const ACCOUNT_TYPES: &[&str] = &["premium", "business", "standard", "pro", "free", "gold"];
    const ACCOUNT_CATEGORIES: &[&str] = &["personal", "family", "platinum", "student", "vip"];
    const CITIES: &[&str] = &["London", "Shanghai", "Austin", "Berlin", "Toronto", "Lyon"];
    const COUNTRIES: &[&str] = &["Canada", "Germany", "China", "Mexico", "Spain", "Japan"];
    const CURRENCIES: &[&str] = &["$", "€", "£", "¥", "USD ", "EUR "];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let Some(len) = rest[start..].find("}}") else {
            break;
        };
        let name = &rest[start + 2..start + len];
        let pick = |rng: &mut SplitMix64, xs: &[&str]| xs[rng.below(xs.len())].to_string();
        let value = match name {
            "Order Number" => {
                let digits = [4, 5, 6, 8, 11][rng.below(5)];
                let mut s = String::new();
                for i in 0..digits {
                    s.push(char::from(
                        b'0' + if i == 0 {
                            1 + rng.below(9)
                        } else {
                            rng.below(10)
                        } as u8,
                    ));
                }
                if rng.below(6) == 0 {
                    format!("#{s}")
                } else {
                    s
                }
            }
            "Invoice Number" => format!("INV-{}", 10_000 + rng.below(90_000)),
            "Refund Amount" => format!("{}", 5 + rng.below(500)),
            "Person Name" => pick(rng, NAMES),
            "Account Type" => pick(rng, ACCOUNT_TYPES),
            "Account Category" => pick(rng, ACCOUNT_CATEGORIES),
            "Delivery City" => pick(rng, CITIES),
            "Delivery Country" => pick(rng, COUNTRIES),
            "Currency Symbol" => pick(rng, CURRENCIES),
            _ => "it".to_string(),
        };
        out.push_str(&value);
        rest = &rest[start + len + 2..];
    }
    out.push_str(rest);
    out
}

/// The shape of a Bitext row with its variable parts removed: rows sharing a template land
/// in the same split, so validation is not a near-copy of training.
fn template_key(text: &str) -> String {
    let mut key = String::new();
    let mut in_placeholder = false;
    for c in text.chars() {
        match c {
            '{' => in_placeholder = true,
            '}' => in_placeholder = false,
            c if !in_placeholder && c.is_alphanumeric() => key.extend(c.to_lowercase()),
            _ => {}
        }
    }
    // The first words decide the template family closely enough for a split.
    key.chars().take(24).collect()
}

fn load_bitext(dir: &Path, rng: &mut SplitMix64, set: &mut Dataset) -> Result<()> {
    let path = dir.join("bitext-27k/bitext_27k.csv");
    let mut reader =
        csv::Reader::from_path(&path).with_context(|| format!("reading {}", path.display()))?;
    let mut seen = BTreeSet::new();
    for row in reader.records() {
        let row = row?;
        let (Some(text), Some(category)) = (row.get(0), row.get(1)) else {
            continue;
        };
        let label = label_index(category)
            .with_context(|| format!("Bitext category `{category}` is not a kefu label"))?;
        let filled = fill_placeholders(text, rng);
        if !seen.insert(filled.to_lowercase()) {
            continue;
        }
        let example = Example {
            text: filled,
            label,
            also: Vec::new(),
            source: Source::Bitext,
        };
        // 5% of templates are held out to choose the out-of-scope threshold on.
        if bucket(&format!("{category}/{}", template_key(text))) < 5 {
            set.validation.push(example);
        } else {
            set.train.push(example);
        }
    }
    Ok(())
}

fn load_clinc(dir: &Path, set: &mut Dataset) -> Result<()> {
    let path = dir.join("clinc150/clinc150_train_val.json");
    let body = fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let json: serde_json::Value = serde_json::from_str(&body)?;
    let rows = |split: &str| -> Vec<(String, String)> {
        json[split]
            .as_array()
            .map(|rows| {
                rows.iter()
                    .filter_map(|r| Some((r[0].as_str()?.to_string(), r[1].as_str()?.to_string())))
                    .collect()
            })
            .unwrap_or_default()
    };
    let map = |clinc: &str| -> Option<usize> {
        match clinc {
            "greeting" => label_index("greeting"),
            "goodbye" => label_index("goodbye"),
            "thank_you" => label_index("thanks"),
            "oos" => Some(oos()),
            skip if CLINC_SKIP.contains(&skip) => None,
            _ => Some(oos()),
        }
    };
    // Non-shop intents are many (130 × 100 rows); 25 of each keep out_of_scope from
    // drowning the shop labels while still covering every domain.
    let mut per_intent = std::collections::BTreeMap::<String, usize>::new();
    for (text, intent) in rows("train").into_iter().chain(rows("oos_train")) {
        let Some(label) = map(&intent) else { continue };
        let n = per_intent.entry(intent.clone()).or_default();
        *n += 1;
        let small_talk = matches!(
            intent.as_str(),
            "greeting" | "goodbye" | "thank_you" | "oos"
        );
        if small_talk || *n <= 25 {
            set.train.push(Example {
                text,
                label,
                also: Vec::new(),
                source: Source::Clinc,
            });
        }
    }
    // CLINC's validation split: its out-of-scope rows measure out-of-scope recall; a slice
    // of the rest calibrates the threshold.
    for (text, intent) in rows("val") {
        let Some(label) = map(&intent) else { continue };
        let example = Example {
            text,
            label,
            also: Vec::new(),
            source: Source::Clinc,
        };
        if bucket(&example.text) < 50 {
            set.validation.push(example);
        } else if bucket(&example.text) < 60 {
            set.eval.push(example);
        }
    }
    for (text, _) in rows("oos_val") {
        set.eval.push(Example {
            text,
            label: oos(),
            also: Vec::new(),
            source: Source::Clinc,
        });
    }
    Ok(())
}

fn load_crosswoz(dir: &Path, set: &mut Dataset) -> Result<()> {
    let path = dir.join("crosswoz-zh/crosswoz_val_user_turns.tsv");
    let body = fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    for line in body.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [dialog, _turn, text, acts] = cols[..] else {
            continue;
        };
        let acts: Vec<&str> = acts.split('|').collect();
        let has = |prefix: &str| acts.iter().any(|a| a.starts_with(prefix));
        let request = has("Inform-") || has("Request-") || has("Select-");
        let label = match (has("General-thank"), has("General-bye"), request) {
            (true, false, false) => label_index("thanks"),
            (false, true, false) => label_index("goodbye"),
            (_, _, true) => Some(oos()),
            _ => None,
        };
        let Some(label) = label else { continue };
        let example = Example {
            text: text.to_string(),
            label,
            also: Vec::new(),
            source: Source::CrossWoz,
        };
        // Split by dialogue: turns of one trip never straddle train and eval.
        match bucket(dialog) {
            // Travel requests are plentiful; a third of them is enough to learn from.
            b if b < 30 || (b < 70 && label != oos()) => set.train.push(example),
            b if b < 85 => set.validation.push(example),
            _ => set.eval.push(example),
        }
    }
    Ok(())
}

/// Adds training examples from an extra `label<TAB>text` file, such as the one agents write
/// from the console (`<data-dir>/train_agent_labels.tsv`): split between training and
/// validation like the project's own training files, never into the evaluation sets.
pub fn add_training_file(set: &mut Dataset, path: &Path) -> Result<usize> {
    let examples = read_tsv(path)?;
    let n = examples.len();
    add_training(set, examples);
    Ok(n)
}

/// Splits project-written training sentences: 10% calibrate the threshold and temperature,
/// except ambiguous ones, which have no single right answer to calibrate on.
fn add_training(set: &mut Dataset, examples: Vec<Example>) {
    for e in examples {
        if e.also.is_empty() && bucket(&e.text) < 10 {
            set.validation.push(e);
        } else {
            set.train.push(e);
        }
    }
}

/// Loads everything: public sets from `public_dir`, project sets from `project_dir`.
pub fn load(public_dir: &Path, project_dir: &Path, seed: u64) -> Result<Dataset> {
    let mut rng = SplitMix64::new(seed);
    let mut set = Dataset::default();
    load_bitext(public_dir, &mut rng, &mut set)?;
    load_clinc(public_dir, &mut set)?;
    load_crosswoz(public_dir, &mut set)?;
    load_project(project_dir, &mut set)?;
    Ok(set)
}

/// The project's own training sentences (`train_*.tsv` in `project_dir`, in file-name
/// order) that [`load`] trains on: without the tenth it keeps to calibrate the intent model.
/// Needs no public data set.
pub fn project_training(project_dir: &Path) -> Result<Vec<Example>> {
    let mut names: Vec<_> = fs::read_dir(project_dir)
        .with_context(|| format!("reading {}", project_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "tsv")
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("train_"))
        })
        .collect();
    names.sort();
    let mut set = Dataset::default();
    for path in names {
        add_training(&mut set, read_tsv(&path)?);
    }
    Ok(set.train)
}

/// Adds the project's own files from `project_dir`, each by its name's prefix.
fn load_project(project_dir: &Path, set: &mut Dataset) -> Result<()> {
    let mut names: Vec<_> = fs::read_dir(project_dir)
        .with_context(|| format!("reading {}", project_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    names.sort();
    for path in names {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let examples = read_tsv(&path)?;
        let scored = match name.split('_').next().unwrap_or_default() {
            "train" => {
                add_training(set, examples);
                continue;
            }
            "eval" => &mut set.eval,
            "holdout" => &mut set.holdout,
            "test" => &mut set.test,
            _ => bail!(
                "{}: unknown data file; name it train_*.tsv (trained on), eval_*.tsv, \
                 holdout_*.tsv or test_*.tsv (measured only)",
                path.display()
            ),
        };
        if let Some(e) = examples.iter().find(|e| !e.also.is_empty()) {
            bail!(
                "{name}: `{}` has several labels; evaluation sets need exactly one",
                e.text
            );
        }
        scored.extend(examples);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn project_files_go_where_their_names_say_and_strays_are_refused() {
        let dir = std::env::temp_dir().join(format!("kefu-data-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("train_a.tsv"), "thanks\tthank you so much\n").unwrap();
        fs::write(dir.join("eval_a.tsv"), "greeting\thello there\n").unwrap();
        fs::write(dir.join("holdout_a.tsv"), "goodbye\tbye now\n").unwrap();
        fs::write(dir.join("test_a.tsv"), "thanks\tcheers mate\n").unwrap();
        fs::write(dir.join("notes.txt"), "not data").unwrap();
        let mut set = Dataset::default();
        load_project(&dir, &mut set).unwrap();
        let texts = |v: &[Example]| v.iter().map(|e| e.text.clone()).collect::<Vec<_>>();
        assert_eq!(
            [texts(&set.train), texts(&set.validation)].concat(),
            ["thank you so much"]
        );
        assert_eq!(texts(&set.eval), ["hello there"]);
        assert_eq!(texts(&set.holdout), ["bye now"]);
        assert_eq!(texts(&set.test), ["cheers mate"]);

        fs::write(dir.join("test_b.tsv"), "thanks|goodbye\tok bye thanks\n").unwrap();
        let err = load_project(&dir, &mut Dataset::default()).unwrap_err();
        assert!(err.to_string().contains("exactly one"), "{err}");
        fs::remove_file(dir.join("test_b.tsv")).unwrap();

        fs::write(dir.join("0.tsv"), "thanks\tstray\n").unwrap();
        let err = load_project(&dir, &mut Dataset::default()).unwrap_err();
        assert!(err.to_string().contains("unknown data file"), "{err}");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn placeholders_are_filled_with_values() {
        let mut rng = SplitMix64::new(1);
        let s = fill_placeholders(
            "refund {{Currency Symbol}}{{Refund Amount}} for {{Order Number}}",
            &mut rng,
        );
        assert!(!s.contains("{{") && !s.contains("}}"), "{s}");
    }

    #[test]
    fn every_label_is_unique_and_out_of_scope_is_one_of_them() {
        let set: BTreeSet<_> = LABELS.iter().collect();
        assert_eq!(set.len(), LABELS.len());
        assert_eq!(LABELS[oos()], "out_of_scope");
    }

    #[test]
    fn templates_ignore_placeholder_values() {
        assert_eq!(
            template_key("cancel order {{Order Number}}"),
            template_key("cancel order {{X}}")
        );
    }
}
