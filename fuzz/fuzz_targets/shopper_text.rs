//! A shopper's message: featurizing, slot finding and the frustration and language cues take
//! any text without panicking, and slots point inside it.
#![no_main]

use kefu_intent::{FEATURIZER_VERSION, FeaturizerConfig, featurize, language, signals, slots};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let config = FeaturizerConfig {
        version: FEATURIZER_VERSION,
        buckets: 4093,
    };
    let features = featurize(text, &config);
    assert_eq!(features.ids.len(), features.weights.len());
    for slot in slots::extract(text) {
        assert!(text.get(slot.start..slot.end).is_some(), "{slot:?}");
    }
    let _ = signals::frustration(text);
    let _ = language(text);
});
