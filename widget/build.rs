//! Compiles the panel's message files (`locales/*.ftl`) into `OUT_DIR/messages.rs`: the
//! `Text` enum and a `match` per language. Files that disagree (a message missing from one
//! language, placeholders that differ) fail the build with every disagreement listed.

fn main() {
    let dir = std::path::Path::new("locales");
    println!("cargo::rerun-if-changed=locales");
    match kefu_l10n::generate(dir, "Text", "Lang") {
        Ok(generated) => {
            for file in &generated.files {
                println!("cargo::rerun-if-changed={}", file.display());
            }
            let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
            std::fs::write(out.join("messages.rs"), generated.code).expect("write messages.rs");
        }
        Err(errors) => {
            let all: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!("the panel's message files disagree:\n{}", all.join("\n"));
        }
    }
}
