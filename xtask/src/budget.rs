//! Download budgets: what each part of the widget may weigh over the wire (gzipped, as the
//! runtime serves it), checked after every `cargo xtask build`, so `cargo xtask test` fails
//! the moment a change makes a shopper download more than the budget.
//!
//! A budget covers every file a shopper downloads for one step of the widget's life: the
//! loader with the shop's page, the chat panel on click, the model in a worker after the panel
//! opens. Raising one is a decision, taken here with its reason, never a side effect.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result, bail};

/// What one step of the widget may weigh.
#[derive(Debug)]
pub struct Budget {
    /// What the files are, for people.
    pub name: &'static str,
    /// The files, relative to `dist/`; each is weighed by its `.gz`.
    pub files: &'static [&'static str],
    /// The most they may weigh together, gzipped, in bytes.
    pub bytes: u64,
    /// Why this budget, said in a failure.
    pub why: &'static str,
}

/// The widget's budgets.
pub const BUDGETS: &[Budget] = &[
    Budget {
        name: "loader",
        files: &["kefu.js"],
        bytes: 3 * 1024,
        why: "it is on every page of every shop, before the shopper has asked for anything",
    },
    Budget {
        name: "chat panel (wasm + JavaScript glue)",
        files: &[
            "widget/pkg/kefu_widget_bg.wasm",
            "widget/pkg/kefu_widget.js",
        ],
        // 111,353 bytes on 2026-12-03 (docs/benchmarks.md, "Sizes"; the target was
        // 120,000), down from 175,540 when the protocol's tagged frames stopped going through
        // serde's buffered `Content`, from 152,070 when JSON went through the browser's own
        // parser, from 146,925 when the cards, welcome and header became functions instead
        // of components, from 140,382 when the files were gzipped by Zopfli and the glue
        // minified, from 130,238 when the transcript and "delete this conversation" became
        // functions and the settings stopped being a context, and from 124,730 when Talc
        // replaced dlmalloc and JS values were read with errors that format nothing (which
        // took core's float printing out). The budget holds it there with 0.6% to spare;
        // Yew is most of what is left (where the bytes go is in docs/benchmarks.md).
        bytes: 112_000,
        why: "the shopper waits for it after clicking the launcher",
    },
    Budget {
        name: "in-browser model (runtime wasm + glue + worker + model)",
        files: &[
            "widget/pkg/kefu_intent_web_bg.wasm",
            "widget/pkg/kefu_intent_web.js",
            "widget/intent-worker.js",
            "widget/intent.onnx",
        ],
        // 488,465 bytes on 2026-12-03 (the target was 1,000,000), down from 1,311,716
        // when tract-core evaluated the graph (865 KB of it), 2,354,663 with tract-onnx's
        // parser, and 532,222 before Zopfli wrote the gzip. The model is 405 KB of it (int8
        // weights, within 10% of their entropy), the code that evaluates it 81 KB
        // (`widget/intent/src/graph.rs`). 3% spare, because each retrain compresses a little
        // differently.
        bytes: 503_000,
        why: "it loads on the shopper's connection, often mobile, while they chat",
    },
];

/// One file's weight: its path under `dist/` and its gzipped size.
pub type Weighed = (&'static str, u64);

/// The sentence for a budget that `weighed` exceeds, or `None` when within it.
pub fn over(budget: &Budget, weighed: &[Weighed]) -> Option<String> {
    let total: u64 = weighed.iter().map(|(_, size)| size).sum();
    if total <= budget.bytes {
        return None;
    }
    let files: Vec<String> = weighed
        .iter()
        .map(|(file, size)| format!("dist/{file} {size} bytes"))
        .collect();
    Some(format!(
        "the {} is {total} bytes gzipped, over its budget of {} bytes ({}); {} — make it \
         smaller, or raise its budget in xtask/src/budget.rs with a reason",
        budget.name,
        budget.bytes,
        files.join(", "),
        budget.why,
    ))
}

/// Weighs every budget's files in `dist` (their `.gz`), prints the figures, and fails naming
/// every budget exceeded.
pub fn enforce(dist: &Path) -> Result<()> {
    let mut failures = Vec::new();
    for budget in BUDGETS {
        let mut weighed = Vec::new();
        for file in budget.files {
            let gz = dist.join(format!("{file}.gz"));
            let size = fs::metadata(&gz)
                .with_context(|| format!("weighing {} for the {}", gz.display(), budget.name))?
                .len();
            weighed.push((*file, size));
        }
        let total: u64 = weighed.iter().map(|(_, size)| size).sum();
        eprintln!(
            "    budget {}: {total} of {} bytes gzipped",
            budget.name, budget.bytes
        );
        failures.extend(over(budget, &weighed));
    }
    if !failures.is_empty() {
        bail!("{}", failures.join("\n"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_within_its_budget_passes() {
        let loader = &BUDGETS[0];
        assert_eq!(over(loader, &[("kefu.js", loader.bytes)]), None);
    }

    #[test]
    fn a_step_over_its_budget_names_each_file_its_size_and_the_budget() {
        let panel = &BUDGETS[1];
        let weighed = [
            ("widget/pkg/kefu_widget_bg.wasm", panel.bytes),
            ("widget/pkg/kefu_widget.js", 1),
        ];
        let message = over(panel, &weighed).expect("one byte over");
        for needle in [
            "chat panel",
            &format!("{} bytes gzipped", panel.bytes + 1),
            &format!("budget of {} bytes", panel.bytes),
            &format!("dist/widget/pkg/kefu_widget_bg.wasm {} bytes", panel.bytes),
            "dist/widget/pkg/kefu_widget.js 1 bytes",
            "xtask/src/budget.rs",
        ] {
            assert!(
                message.contains(needle),
                "{needle:?} missing from {message:?}"
            );
        }
    }

    #[test]
    fn every_file_served_to_shoppers_is_under_a_budget() {
        let covered: Vec<&str> = BUDGETS
            .iter()
            .flat_map(|b| b.files.iter().copied())
            .collect();
        for file in [
            "kefu.js",
            "widget/pkg/kefu_widget_bg.wasm",
            "widget/pkg/kefu_intent_web_bg.wasm",
            "widget/intent.onnx",
        ] {
            assert!(covered.contains(&file), "{file} has no budget");
        }
    }
}
