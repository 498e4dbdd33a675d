//! Harm spoken of with nobody hurt now: an injury told only as why the shopper needs
//! something (a courier to collect a return, a zip-up hoodie, an order looked up while typing
//! slowly), and harm asked about before
//! buying. Pure; used by `policy.rs` and `topic_noise.rs` beside [`super::harm_cues`].

use super::language::mentions;
/// Whether `text` tells of an injury only as why the shopper cannot go out for a return or
/// a parcel, or types slowly ("injured my knee so I can't get to the post office, can a
/// courier collect my return?", "腿受伤了不方便出门，退货可以上门取件吗", "手受伤了打字慢，帮我查下
/// 1003到哪了"): a delivery to arrange or an order to look up, nobody hurt now.
pub fn injury_as_a_reason(text: &str) -> bool {
    let kept_in = mentions(
        text,
        &[
            "can't get to the post office",
            "cant get to the post office",
            "can't get out",
            "cant get out",
            "can't go out",
            "cant go out",
            "can't leave the house",
            "cant leave the house",
            // "I got injured playing football so I'm sending the return a bit late"
            "a bit late",
            "晚几天",
            "不方便出门",
            "不方便去",
            // "injured my ankle so I'll be home all week, any delivery day works", "脚受伤了在家
            // 养着，想买件宽松的卫衣", "injured my arm skiing last month so I need zip hoodies".
            "home all week",
            "在家养着",
            "在家养伤",
            "so i need",
            "只能穿",
            "穿脱不方便",
            "去不了",
            "出不了门",
            "没法出门",
            "行动不便",
            "下楼比较慢",
            "在家休养",
            "休养",
            "走路慢",
            "walk slowly",
            "slow on the stairs",
            // "sprained my ankle so I'm slow getting to the door".
            "slow getting to the door",
            "slow to the door",
            "slow to answer the door",
            // "injured my hand so typing slow, sorry. where's my order 1003".
            "typing slow",
            "type slowly",
            "打字慢",
            // "踢球受伤了在家躺着 推荐一件舒服点的卫衣", someone else's injury cheered ("my
            // friend got injured at football so I'm sending him a hoodie to cheer him up").
            "在家躺着",
            "cheer him up",
            "cheer her up",
            "cheer them up",
            "get well",
        ],
    );
    let errand = mentions(
        text,
        &[
            "collect",
            "pick up",
            "pickup",
            "pick-up",
            "return",
            "上门取件",
            "取件",
            // What to wear with an arm in plaster ("胳膊骨折了，只能穿拉链的，你们的卫衣是拉链款吗").
            "拉链款",
            "delivery day",
            "尺码",
            "想买",
            "zip hoodie",
            "easy to get on",
            "拉链的",
            "zip-up",
            "zip up",
            "退货",
            "寄回",
            "送货上门",
            // The courier asked to wait ("快递来了能多等一会吗").
            "多等",
            "wait a bit",
            "wait a little",
            "wait longer",
            // Where the parcel is left ("can the courier leave it in the porch?").
            "leave it",
            "courier",
            // An order looked up ("手受伤了打字慢，帮我查下1003到哪了").
            "where's my order",
            "where is my order",
            "到哪了",
            "查下",
            "推荐",
            "recommend",
            "gift wrap",
        ],
    );
    kept_in
        && errand
        // Harm from the goods told beside it ("喝了你们杯子泡的水以后一直拉肚子，在家躺着两天了"):
        // no mere reason.
        && !mentions(
            text,
            &[
                "喝了", "吃了", "after using", "after drinking", "after wearing", "拉肚子", "过敏",
                "头晕", "吐了", "呕吐",
            ],
        )
        && !mentions(
            text,
            &[
                "bleed",
                "blood",
                "流血",
                "ambulance",
                "急救",
                "right now",
                "现在很",
            ],
        )
}

/// Whether `text` asks what happens if harm came, before buying ("can i return the tee if i
/// get a skin reaction to it? just asking before I buy"): nobody is hurt.
pub fn asks_what_if_before_buying(text: &str) -> bool {
    mentions(
        text,
        &[
            "before i buy",
            "before buying",
            "before i order",
            "买之前",
            "下单前",
        ],
    ) && mentions(
        text,
        &["if i get", "if i have", "what if", "if it gives", "如果"],
    )
}
