//! The loader as served: `widget/loader/kefu.js` minified (oxc: compressed, local names
//! mangled, whitespace and comments gone) under its `/*! … */` header, which says what the
//! file is and where its readable source and API are.
//!
//! The loader is on every page of every shop, so it has the tightest budget of all
//! ([`crate::budget`]); its source stays written for people, with comments.
//!
//! The JavaScript wasm-bindgen writes beside each wasm module (ES modules the panel and the
//! model's worker import) is minified the same way ([`minify_module`]): it comes out of the
//! generator readable, and nobody edits it.

use anyhow::{Result, bail};
use oxc_allocator::Allocator;
use oxc_codegen::{Codegen, CodegenOptions};
use oxc_minifier::{CompressOptions, MangleOptions, Minifier, MinifierOptions};
use oxc_parser::Parser;
use oxc_span::SourceType;

/// `source` (a classic script, not a module) minified, after its first line when that is
/// a `/*! … */` header. A syntax error fails the build with the parser's messages.
pub fn minify_script(source: &str) -> Result<String> {
    let (header, body) = match source.split_once('\n') {
        Some((first, rest)) if first.starts_with("/*!") && first.ends_with("*/") => (first, rest),
        _ => ("", source),
    };
    let code = minify(body, SourceType::script(), "the loader")?;
    Ok(if header.is_empty() {
        code
    } else {
        format!("{header}\n{code}")
    })
}

/// `source`, an ES module (`import`/`export`, `import.meta`), minified: its exports keep
/// their names. A syntax error fails the build, naming `what`.
pub fn minify_module(source: &str, what: &str) -> Result<String> {
    minify(source, SourceType::mjs(), what)
}

fn minify(body: &str, source_type: SourceType, what: &str) -> Result<String> {
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, body, source_type).parse();
    if !parsed.errors.is_empty() || parsed.panicked {
        let errors: Vec<String> = parsed.errors.iter().map(ToString::to_string).collect();
        bail!("{what} does not parse: {}", errors.join("; "));
    }
    let mut program = parsed.program;
    let options = MinifierOptions {
        mangle: Some(MangleOptions::default()),
        compress: Some(CompressOptions::smallest()),
    };
    let minified = Minifier::new(options).minify(&allocator, &mut program);
    Ok(Codegen::new()
        .with_options(CodegenOptions::minify())
        .with_scoping(minified.scoping)
        .build(&program)
        .code)
}

#[cfg(test)]
mod tests {
    use super::{minify_module, minify_script};

    #[test]
    fn keeps_the_header_and_shortens_local_names_but_not_properties() {
        let out = minify_script(
            "/*! kefu loader */\n// a comment\n(function () {\n  var longLocalName = \
             window.kefuThing;\n  window.kefu = { open: longLocalName };\n})();\n",
        )
        .unwrap();
        assert!(out.starts_with("/*! kefu loader */\n"), "{out}");
        assert!(!out.contains("longLocalName"), "{out}");
        assert!(!out.contains("a comment"), "{out}");
        assert!(out.contains("kefuThing") && out.contains("open"), "{out}");
    }

    #[test]
    fn a_module_keeps_its_exports_imports_and_import_meta() {
        let out = minify_module(
            "import { helper as importedHelper } from './dep.js';\n\
             let wasmInstanceHandle;\n\
             function initSync(moduleOrPath) {\n\
               wasmInstanceHandle = importedHelper(moduleOrPath, new URL('x_bg.wasm', import.meta.url));\n\
               return wasmInstanceHandle.exports.__wbg_start;\n\
             }\n\
             export { initSync };\nexport default initSync;\n",
            "the glue",
        )
        .unwrap();
        assert!(!out.contains("moduleOrPath"), "{out}");
        for kept in [
            "initSync",
            "export default",
            "import.meta.url",
            "'./dep.js'",
            "__wbg_start",
            "x_bg.wasm",
        ] {
            assert!(
                out.contains(kept) || out.contains(&kept.replace('\'', "\"")),
                "{kept} missing from {out}"
            );
        }
        let err = minify_module("export const = 1;", "the glue").unwrap_err();
        assert!(
            err.to_string().starts_with("the glue does not parse:"),
            "{err}"
        );
    }

    #[test]
    fn a_syntax_error_fails_with_the_parser_message() {
        let err = minify_script("(function () { var = 1; })();").unwrap_err();
        assert!(
            err.to_string().starts_with("the loader does not parse:"),
            "{err}"
        );
    }
}
