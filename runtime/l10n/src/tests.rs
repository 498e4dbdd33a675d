//! The subset's grammar, the checks that keep languages in step, and the files kefu ships.

use std::path::Path;

use super::*;

fn files(sources: &[(&str, &str)]) -> Vec<(String, Resource)> {
    sources
        .iter()
        .map(|(lang, src)| (lang.to_string(), parse(lang, src).expect("parses")))
        .collect()
}

#[test]
fn messages_comments_placeholders_and_multiline_text_parse() {
    let r = parse(
        "en.ftl",
        "## Panel\n\n# The header's title.\ntitle = Customer service\n\
         hello = Hi { $name }, ticket #{ \"{\" }ticket{ \"}\" }\n\
         questions =\n    Where is my order?\n    How do I return an item?\n",
    )
    .unwrap();
    let ids: Vec<_> = r.messages.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["title", "hello", "questions"]);
    assert_eq!(r.messages[0].comment, "The header's title.");
    assert_eq!(r.messages[1].comment, "");
    assert_eq!(r.messages[1].pattern, "Hi {$name}, ticket #{ticket}");
    assert_eq!(r.messages[1].placeholders(), ["name"]);
    assert_eq!(
        r.messages[2].pattern,
        "Where is my order?\nHow do I return an item?"
    );
}

#[test]
fn what_the_subset_leaves_out_is_refused_with_its_line() {
    for (source, line, why) in [
        ("a = x\n-brand = Kefu\n", 2, "terms"),
        ("a = { $n ->\n   *[other] x\n}\n", 2, "variants"),
        ("a = x\n    .title = y\n", 2, "attributes"),
        ("a = { NUMBER($n) }\n", 1, "not supported"),
        ("a = x }\n", 1, "no `{`"),
        ("a = x\na = y\n", 2, "twice"),
        ("1a = x\n", 1, "not a message id"),
        ("a =\n", 1, "no text"),
        ("a = { \"{\" }$x\n", 1, "reads as a placeholder"),
    ] {
        let e = parse("en.ftl", source).unwrap_err();
        let Error::Syntax {
            line: l, why: w, ..
        } = &e
        else {
            panic!("{e:?}")
        };
        assert_eq!(*l, line, "{source:?}: {e}");
        assert!(w.contains(why), "{source:?}: {e}");
    }
}

#[test]
fn a_message_missing_from_one_language_is_an_error() {
    let errors = check(&files(&[("en", "a = A\nb = B\n"), ("zh", "a = 甲\n")]));
    assert_eq!(
        errors,
        [Error::Missing {
            id: "b".into(),
            lang: "zh".into()
        }]
    );
    assert!(errors[0].to_string().contains("`b` is missing from zh.ftl"));
}

#[test]
fn placeholders_that_differ_between_languages_are_an_error() {
    let errors = check(&files(&[
        ("en", "hi = Hi { $name }\n"),
        ("zh", "hi = 您好{ $nmae }\n"),
    ]));
    assert_eq!(errors.len(), 1);
    let text = errors[0].to_string();
    assert!(
        text.contains("[\"name\"] in en.ftl but [\"nmae\"] in zh.ftl"),
        "{text}"
    );
}

#[test]
fn fill_replaces_the_named_placeholders_and_leaves_the_rest() {
    assert_eq!(
        fill(
            "{$a} and {$b}, #{ticket} {$c}",
            &[("a", "x"), ("b", "{$a}")]
        ),
        "x and {$a}, #{ticket} {$c}"
    );
    assert_eq!(fill("no end {$a", &[("a", "x")]), "no end {$a");
    // The generated code carries a copy of `fill`: the two must be the same code.
    let source = include_str!("lib.rs");
    assert!(
        source.contains(generate::FILL_BODY),
        "generate.rs's FILL_BODY drifted"
    );
}

#[test]
fn generated_code_names_every_message_and_language() {
    let dir = std::env::temp_dir().join(format!("kefu-l10n-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("en.ftl"), "# Doc.\nask_order = Which order?\n").unwrap();
    std::fs::write(dir.join("zh.ftl"), "ask_order = 哪个订单？\n").unwrap();
    let generated = generate(&dir, "Msg", "Lang").unwrap();
    std::fs::remove_dir_all(&dir).ok();
    for wanted in [
        "pub enum Msg",
        "#[doc = \"Doc.\"]\n    AskOrder,",
        "Lang::En,\n    Lang::Zh,",
        "Msg::AskOrder => \"哪个订单？\"",
        "\"ask_order\" => Msg::AskOrder",
    ] {
        assert!(
            generated.code.contains(wanted),
            "{wanted}\n{}",
            generated.code
        );
    }
}

#[test]
fn the_message_files_kefu_ships_agree() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    for dir in ["widget/locales", "runtime/locales"] {
        if let Err(errors) = generate(&root.join(dir), "Text", "Lang") {
            let all: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!("{dir}:\n{}", all.join("\n"));
        }
    }
}
