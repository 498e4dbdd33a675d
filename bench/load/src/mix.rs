//! What simulated shoppers say: conversation scripts drawn from a weighted mix, built from
//! the demo merchant's real data (`runtime/demo/store.toml`: order numbers with their
//! emails, FAQ questions, catalogue products), so every turn takes the path a real one
//! would: order look-ups go through the orders plugin, FAQ questions find their answer,
//! product questions read the catalogue, handoffs queue the chat and fill in the contact
//! form. Deterministic for a seed ([`Rng`]), so two runs send the same messages.

/// The demo's orders: (number, the email it was placed with).
pub const DEMO_ORDERS: &[(&str, &str)] = &[
    ("1001", "jane@example.com"),
    ("1002", "li.wei@example.com"),
    ("1003", "carlos@example.com"),
    ("1004", "sam@example.com"),
];

const FAQ_EN: &[&str] = &[
    "What is your refund policy?",
    "what's your return policy?",
    "How do I return or exchange an item?",
    "What shipping options do you offer?",
    "how long does shipping take?",
    "do you deliver to canada?",
    "Which payment methods do you accept?",
    "Where can I find my invoice?",
    "Can I get an invoice with my company details?",
    "Is there a fee to cancel an order?",
    "do your clothes run small or large?",
];

const FAQ_ZH: &[&str] = &[
    "退货政策是怎样的",
    "有哪些配送方式？",
    "多久能到货？",
    "你们支持支付宝付款吗",
    "发票在哪里查看？",
    "可以寄到国外吗？",
];

const PRODUCTS_EN: &[&str] = &[
    "is the steel bottle in stock?",
    "do you have the grey hoodie?",
    "how much is the organic cotton t-shirt?",
    "is the navy baseball cap available?",
    "tell me about the grey zip hoodie",
    "do you sell laptops?",
];

const PRODUCTS_ZH: &[&str] = &["有机棉T恤多少钱", "灰色拉链卫衣还有货吗", "保温杯有货吗"];

const SMALL_TALK: &[&str] = &[
    "hi",
    "hello there",
    "are you a bot?",
    "what can you help me with?",
    "thanks!",
    "ok, bye",
    "good morning",
];

const HANDOFF_EN: &[&str] = &[
    "I want to talk to a human",
    "can I speak to an agent please?",
    "get me a real person",
];

/// What a script is about; the report counts turns by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// Where is my order, with a real order number (and sometimes its email).
    Order,
    /// Shop policy questions answered from the FAQ.
    Faq,
    /// Stock and price questions answered from the catalogue.
    Product,
    /// Greetings, thanks, "are you a bot?".
    SmallTalk,
    /// Asking for a person, then the contact form when nobody is online.
    Handoff,
}

impl Kind {
    /// Every kind with its weight in the default mix (percent).
    pub const WEIGHTS: [(Kind, u32); 5] = [
        (Kind::Order, 30),
        (Kind::Faq, 25),
        (Kind::Product, 20),
        (Kind::SmallTalk, 15),
        (Kind::Handoff, 10),
    ];

    /// A short name for reports.
    pub fn name(self) -> &'static str {
        match self {
            Self::Order => "order",
            Self::Faq => "faq",
            Self::Product => "product",
            Self::SmallTalk => "small_talk",
            Self::Handoff => "handoff",
        }
    }
}

/// One thing a shopper does in a turn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Type a message.
    Say(String),
    /// Fill in the contact form, if the previous answer offered one (nobody online);
    /// skipped otherwise.
    ContactIfOffered {
        /// Where the team should reply.
        email: String,
        /// What the shopper adds.
        message: String,
    },
}

/// One shopper's conversation.
#[derive(Debug, Clone)]
pub struct Script {
    /// What it is about.
    pub kind: Kind,
    /// The locale the widget announces.
    pub locale: &'static str,
    /// The turns, in order.
    pub steps: Vec<Step>,
}

/// A small deterministic generator (SplitMix64): enough to pick scripts and think times,
/// and it keeps the load client free of a random-number crate.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in [0, n).
    pub fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// One element of a non-empty slice.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// A conversation from the default mix.
pub fn script(rng: &mut Rng) -> Script {
    let total: u32 = Kind::WEIGHTS.iter().map(|(_, w)| w).sum();
    let mut roll = rng.below(total as usize) as u32;
    let kind = Kind::WEIGHTS
        .iter()
        .find(|(_, w)| {
            let hit = roll < *w;
            roll = roll.saturating_sub(*w);
            hit
        })
        .map_or(Kind::SmallTalk, |(k, _)| *k);
    script_of(kind, rng)
}

/// A conversation of `kind`.
pub fn script_of(kind: Kind, rng: &mut Rng) -> Script {
    let zh = rng.chance(0.2);
    fn say(text: &str) -> Step {
        Step::Say(text.to_string())
    }
    let mut steps = Vec::new();
    let (order, email) = rng.pick(DEMO_ORDERS);
    match kind {
        Kind::Order if zh => {
            steps.push(Step::Say(format!("我的订单{order}到哪了")));
            steps.push(say("谢谢"));
        }
        Kind::Order => {
            if rng.chance(0.5) {
                steps.push(say("hi"));
            }
            let ask = rng.pick(&[
                "where is my order {}?",
                "has order {} shipped yet?",
                "what's the status of order #{}",
            ]);
            steps.push(Step::Say(ask.replace("{}", order)));
            if rng.chance(0.5) {
                steps.push(Step::Say(format!("my email is {email}")));
            }
            steps.push(say("thanks!"));
        }
        Kind::Faq => {
            let pool = if zh { FAQ_ZH } else { FAQ_EN };
            for _ in 0..1 + rng.below(3) {
                steps.push(say(rng.pick(pool)));
            }
        }
        Kind::Product => {
            let pool = if zh { PRODUCTS_ZH } else { PRODUCTS_EN };
            for _ in 0..1 + rng.below(2) {
                steps.push(say(rng.pick(pool)));
            }
        }
        Kind::SmallTalk => {
            let pool = if zh {
                &["你好", "你是机器人吗？", "谢谢"][..]
            } else {
                SMALL_TALK
            };
            for _ in 0..2 + rng.below(2) {
                steps.push(say(rng.pick(pool)));
            }
        }
        Kind::Handoff => {
            steps.push(if zh {
                say("转人工")
            } else {
                say(rng.pick(HANDOFF_EN))
            });
            steps.push(Step::ContactIfOffered {
                email: email.to_string(),
                message: format!("About order {order}: please get back to me."),
            });
            steps.push(say(if zh { "还在吗" } else { "hello? anyone?" }));
        }
    }
    Script {
        kind,
        locale: if zh { "zh" } else { "en" },
        steps,
    }
}

/// One message a flooder sends: any question from the mix, so each costs a full turn.
pub fn flood_message(rng: &mut Rng) -> String {
    let pools: [&[&str]; 3] = [FAQ_EN, PRODUCTS_EN, SMALL_TALK];
    let pool = rng.pick(&pools);
    if rng.chance(0.3) {
        format!("where is my order {}?", rng.pick(DEMO_ORDERS).0)
    } else {
        rng.pick(pool).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kefu_protocol::MAX_TEXT_BYTES;

    #[test]
    fn the_mix_follows_its_weights_and_every_script_says_something() {
        let mut rng = Rng::new(7);
        let mut counts = std::collections::BTreeMap::new();
        for _ in 0..10_000 {
            let s = script(&mut rng);
            assert!(matches!(s.steps.first(), Some(Step::Say(_))), "{s:?}");
            for step in &s.steps {
                if let Step::Say(text) = step {
                    assert!(!text.trim().is_empty() && text.len() <= MAX_TEXT_BYTES);
                }
            }
            *counts.entry(s.kind).or_insert(0u32) += 1;
        }
        for (kind, weight) in Kind::WEIGHTS {
            let share = counts[&kind] as f64 / 100.0;
            assert!(
                (share - f64::from(weight)).abs() < 2.0,
                "{}: {share}% for a weight of {weight}",
                kind.name()
            );
        }
    }

    #[test]
    fn order_scripts_use_real_demo_orders_and_their_emails() {
        let mut rng = Rng::new(3);
        for _ in 0..50 {
            let s = script_of(Kind::Order, &mut rng);
            let text: Vec<String> = s
                .steps
                .iter()
                .filter_map(|s| match s {
                    Step::Say(t) => Some(t.clone()),
                    Step::ContactIfOffered { .. } => None,
                })
                .collect();
            let (order, email) = DEMO_ORDERS
                .iter()
                .find(|(o, _)| text.iter().any(|t| t.contains(o)))
                .expect("an order number");
            assert!(text.iter().all(|t| !t.contains('@') || t.contains(email)));
            assert!(!order.is_empty());
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_conversations() {
        let a: Vec<_> = (0..20).map(|_| script(&mut Rng::new(42)).steps).collect();
        let b: Vec<_> = (0..20).map(|_| script(&mut Rng::new(42)).steps).collect();
        assert_eq!(a, b);
        let mut rng = Rng::new(1);
        assert!((0..1000).all(|_| rng.unit() < 1.0));
    }
}
