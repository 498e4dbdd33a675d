//! Whether an order came, in the shopper's words: asked if it arrived ("did 1004 ever make it
//! to me?"), when it was delivered, where it was left, or told that it turned up after all.
//! Lower-case substring checks in English, Chinese and pinyin, like
//! [`super::delivery_words`]'s (late, shipped, where it goes); the decisions that use them
//! are the routing rules (`routing_*.rs`), `routing_remarks.rs` and `decide.rs`.

use super::language::mentions;

/// Whether `text` asks the day an order was due ("ok and what date was it supposed to
/// arrive?", "原定哪天到来着"): the order's status holds it; asking tells of nothing wrong.
pub fn asks_when_it_was_due(text: &str) -> bool {
    mentions(&text.to_lowercase(), DUE_DAY_ASKED)
}

/// `text` without its question about the day the order was due, for what else it says ("when
/// was it supposed to arrive?? it never came" still tells that it never came).
pub fn without_the_due_day(text: &str) -> String {
    let lower = text.to_lowercase();
    DUE_DAY_ASKED
        .iter()
        .fold(lower, |l, w| l.replace(w, " "))
        .replace("arrive", " ")
}

/// The day an order was due, asked.
const DUE_DAY_ASKED: &[&str] = &[
    "what date was it supposed",
    "what day was it supposed",
    "when was it supposed to",
    "when was it meant to",
    "when was it due",
    "what date was it due",
    "what day was it due",
    "原定哪天",
    "本来哪天到",
    "本来应该哪天",
];

/// Whether `text` asks when or whether an order was delivered ("when was it delivered?",
/// "签收了吗"), without saying anything is missing: the order's status answers it; a parcel
/// marked delivered that never came ("it says delivered but I never got it") is a claim.
pub fn asks_when_delivered(text: &str) -> bool {
    let asks = asks_when_it_was_due(text)
        || mentions(
        text,
        &[
            "when was it delivered",
            "when was my order delivered",
            // "what was the delivery date again on the order I gave you?"
            "what was the delivery date",
            "what's the delivery date",
            "whats the delivery date",
            "delivery date again",
            "when did it get delivered",
            "when did it arrive",
            "what day was it delivered",
            "what date was it delivered",
            "was it delivered",
            "is it delivered",
            "delivered?",
            "has it been delivered",
            "been delivered yet",
            "delivered yet",
            // "so it's 已经 delivered or not?".
            "delivered or not",
            "did it arrive",
            "has it arrived",
            "什么时候签收",
            "哪天签收",
            "哪天送到",
            "什么时候送到的",
            "签收了吗",
            "签收了没",
            "什么时候送到的",
            "哪天送到的",
            "送到了吗",
            "送达了吗",
            // "我上次买的东西是哪天到的".
            "哪天到的",
            "什么时候到的",
            "几号到的",
        ],
    ) || (mentions(
        text,
        &[
            "when",
            "what day",
            "what date",
            "which day",
            "哪天",
            "什么时候",
            "几号",
        ],
    ) && mentions(
        text,
        &[
            "get delivered",
            "got delivered",
            "delivered on",
            // "and what day did it say delivered".
            "say delivered",
            "said delivered",
            "says delivered",
            "签收的",
            "送到的",
        ],
    ))
    // The date it was marked delivered, checked ("ok so it says delivered on the 20th? just
    // double checking before i yell at my roommate").
    // (Not one still to come: "can it be delivered the day before the wedding?")
    // ("so it really says delivered the 20th? just want to be sure it's the hoodies").
    || (mentions(text, &["delivered on", "delivered the"])
        && (mentions(text, &["double check", "just to check", "right?", "is that right"])
            || mentions(text, MAKING_SURE))
        && !mentions(text, &["be delivered", "get it delivered"]));
    // "never mind" takes nothing back from the parcel.
    // Nor does a parcel taken in for the shopper ("I suspect my neighbour took it in").
    let told = text
        .to_lowercase()
        .replace("never mind", " ")
        .replace("nevermind", " ")
        .replace("took it in", " ")
        .replace("took it for me", " ");
    let missing = mentions(
        &told,
        &[
            "never",
            "not received",
            "haven't received",
            "havent received",
            "didn't get",
            "didnt get",
            "don't have",
            "nothing",
            "啥也没有",
            "什么都没有",
            "nobody",
            "no one",
            "not here",
            "isn't here",
            "isnt here",
            "no parcel",
            "not at my",
            // Taken, or searched for ("my doorbell cam shows a guy walking off with it").
            "stolen",
            "took it",
            "walking off",
            "walked off",
            "searched",
            "looked everywhere",
            "没收到",
            "没有收到",
            "没拿到",
            "没看到",
            "找不到",
        ],
    );
    asks && !missing && !super::claim_words::describes_a_missing_parcel(text)
}

/// Words of a shopper only making sure of what they were told ("just double checking",
/// "just want to be sure it's the hoodies").
const MAKING_SURE: &[&str] = &[
    "double checking",
    "double-checking",
    "just checking",
    "just confirming",
    "want to be sure",
    "want to make sure",
    "making sure",
    "确认一下",
    "再确认",
];

/// Whether `text` says the goods turned up after all ("found them in the garage lol,
/// cheers", "nvm it showed up", "找到了，在门卫那"): nothing is missing any more. Not when it
/// says something is still missing ("found the box but the cap isn't in it").
pub fn says_it_turned_up(text: &str) -> bool {
    let lower = text.to_lowercase();
    mentions(
        &lower,
        &[
            "found them",
            "found it",
            // Taken in by someone at home ("oh wait it says delivered, my flatmate has it").
            "flatmate has it",
            "roommate has it",
            "housemate has it",
            "neighbour has it",
            "neighbor has it",
            "flatmate had it",
            "roommate had it",
            "flatmate took it",
            "roommate took it",
            "室友拿了",
            "室友收了",
            "found the parcel",
            "found the package",
            "found my parcel",
            "found my package",
            "it turned up",
            "they turned up",
            "it showed up",
            "they showed up",
            "showed up after all",
            "turned up after all",
            "找到了",
            "找着了",
            "原来在",
            // Set aside to look for it themselves ("oh wait, if it already got delivered then
            // never mind, i'll check with the front desk").
            "never mind, i'll check",
            "never mind i'll check",
            "nevermind, i'll check",
            "never mind, ill check",
            "then never mind",
            "i'll check with the front desk",
            "i'll ask the front desk",
            "i'll check with reception",
            "那就算了",
            // Someone at home may have it, to be asked first ("如果显示签收了,那可能是家里人拿了,
            // 我问问").
            "可能是家里人拿了",
            "可能家里人拿了",
            "可能被家里人拿了",
        ],
    ) && !mentions(
        &lower,
        &[
            "but",
            "missing",
            "isn't in",
            "isnt in",
            "wasn't in",
            "wasnt in",
            "not in",
            "broken",
            "damaged",
            "wrong",
            "不见",
            "没来",
            "漏",
            "但是",
            "可是",
            "不过",
            "少了",
            "没有",
            "坏",
            "破",
            "错",
            // "找不到那就算了，直接退钱", "if you can't replace it then never mind, just refund".
            "没收到",
            "找不到",
            "退",
            "refund",
            "can't",
            "cant",
            "replace",
        ],
    )
}

/// Whether `text` asks whether an order came at all ("到了没有", "has it arrived yet?",
/// "daole meiyou"): a question about its whereabouts.
pub fn asks_if_it_came(text: &str) -> bool {
    // The order named where "it" would be ("has 1003 arrived?", "did 1004 ever make it to
    // me?", "did my order arrive") asks the same.
    let lower = text.to_lowercase();
    let mut as_it = String::with_capacity(lower.len());
    let mut digits = false;
    for c in lower.replace("order #", "").replace("order ", "").chars() {
        if c.is_ascii_digit() || c == '#' {
            if !digits {
                as_it.push_str("it");
            }
            digits = true;
        } else {
            digits = false;
            as_it.push(c);
        }
    }
    for thing in [
        "my parcel",
        "the parcel",
        "my package",
        "the package",
        "my order",
        "the order",
    ] {
        as_it = as_it.replace(thing, "it");
    }
    let text = as_it.as_str();
    mentions(
        text,
        &[
            "has it made it",
            "did it make it",
            "did it ever make it",
            "has it ever arrived",
            "did it ever get",
            "did it ever arrive",
            // "yo did my cap ever get there?"
            "ever get there",
            "ever got there",
            "get there yet",
            "到了没有",
            // Mixed ("anyway order 1003 delivered了没").
            "delivered了没",
            "delivered了吗",
            "delivered没",
            // "帮我看下1003这单 是不是已经签收了呀".
            "是不是已经签收",
            "是不是签收了",
            "签收了吗",
            "签收了没",
            "到了没",
            "到没到",
            "到了吗",
            "送到没",
            "has it arrived",
            "did it arrive",
            "arrived yet",
            "did it come",
            "has it come",
            "did it get there",
            "ever arrive",
            "ever arrived",
            "ever come",
            "if it was delivered",
            "if it's been delivered",
            "if it has been delivered",
            "whether it was delivered",
            "whether it arrived",
            "if it arrived",
            // "did it actually land?", "has it landed yet".
            "did it actually land",
            "actually land",
            "did it land",
            "has it landed",
            "did it actually arrive",
            "did it actually come",
        ],
    )
}

/// Whether `text` says the shopper will look for a parcel at home or ask someone there
/// ("ok if it shows delivered ill ask my roommate, she grabs the mail", "那我问问室友 可能她
/// 拿了"): nothing missing told yet.
pub fn will_look_for_it_at_home(text: &str) -> bool {
    let lower = text.to_lowercase();
    let will_look = mentions(
        &lower,
        &[
            "i'll ask",
            "ill ask",
            "i will ask",
            "i'll check with",
            "ill check with",
            "i'll have a look",
            "i'll look around",
            "let me look around",
            "我问问",
            "我问一下",
            "我再找找",
            "我回去找",
            "我回家看",
        ],
    );
    let someone_or_somewhere = mentions(
        &lower,
        &[
            "roommate",
            "flatmate",
            "housemate",
            "neighbour",
            "neighbor",
            "my wife",
            "my husband",
            "my partner",
            "my mum",
            "my mom",
            "my dad",
            "concierge",
            "front desk",
            "reception",
            "mailroom",
            "室友",
            "邻居",
            "老公",
            "老婆",
            "家里人",
            "门卫",
            "前台",
            "驿站",
            "around the house",
        ],
    );
    will_look
        && someone_or_somewhere
        && !super::claim_words::describes_a_missing_parcel(text)
        && !mentions(
            &lower,
            &[
                "already asked",
                "asked them",
                "searched",
                "looked everywhere",
                "问过了",
                "找过了",
                "问了",
                "找了",
                "说没有",
            ],
        )
}

/// Whether `text` only checks that the goods came, as the shopper's own app already says
/// ("所以已经送到了? my app says delivered too, just double checking 哈"): nothing missing
/// told, a delivery confirmed.
pub fn only_double_checks(text: &str) -> bool {
    let lower = text.to_lowercase();
    mentions(&lower, MAKING_SURE)
        && mentions(
            &lower,
            &["delivered", "arrived", "送到了", "到了", "签收", "it came"],
        )
        && !mentions(
            &lower,
            &[
                "haven't got",
                "havent got",
                "don't have",
                "dont have",
                "not here",
                "nowhere",
                "empty",
                "nothing",
                " but ",
                "没收到",
                "没看到",
                "没见",
                "没有收到",
                "没拿到",
                "什么都没有",
                "可是",
                "但是",
            ],
        )
        && !super::claim_words::describes_a_missing_parcel(text)
        && !super::claim_words::describes_damage(text)
}

/// Whether `text` asks where a delivered parcel was left ("tracking said delivered, but does
/// it say where they left it?", "放哪了"): a question its status answers, no claim.
pub fn asks_where_it_was_left(text: &str) -> bool {
    mentions(
        text,
        &[
            "where they left",
            "where it was left",
            "where did they leave",
            "where did the driver leave",
            "where was it left",
            "放哪了",
            "放在哪",
            "放哪里",
        ],
    )
}
