//! Native cost of understanding one message: featurizing, and featurizing plus running the
//! model, on English and Chinese shop messages. `cargo bench -p kefu-intent`
//! (or `cargo xtask bench`, which also runs the browser benchmark).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use kefu_intent::Classifier;

const MESSAGES: &[&str] = &[
    "where is my order 1001?",
    "I was charged twice for the same hoodie, can I get my money back",
    "is the grey zip hoodie back in stock in size L",
    "我的订单1001到哪了",
    "亲 这个保温杯什么时候补货呀",
    "转人工",
    "what's the weather like in Paris tomorrow",
    "我想退货，衣服尺码太小了，运费谁出？",
];

fn bench(c: &mut Criterion) {
    let model = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../model/intent.onnx"))
        .expect("widget/model/intent.onnx (cargo xtask train)");
    let classifier = Classifier::load(&model).expect("model loads");
    c.bench_function("featurize (8 messages)", |b| {
        b.iter(|| {
            for m in MESSAGES {
                black_box(classifier.features(black_box(m)));
            }
        })
    });
    c.bench_function("classify: featurize + inference (8 messages)", |b| {
        b.iter(|| {
            for m in MESSAGES {
                black_box(classifier.classify(black_box(m)));
            }
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
