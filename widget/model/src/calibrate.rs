//! Chooses the topic models' cut-offs on a held-out split, for one language: first so that
//! few ordinary messages reach a person, then so that as many topic messages as possible are
//! heard. Pure: scores in, cut-offs out.
//!
//! The rule, greedy and deterministic: every cut-off starts above every message; the move
//! that lowers one column's cut-off to its next held-out message not yet heard and costs the
//! fewest ordinary messages per message gained is taken, as long as the ordinary messages over
//! any cut-off of the group stay within the group's budget. The sensitive topics (a person
//! takes over at priority 2) share the strict budget with the person head (the gate: a column
//! every sensitive message belongs to); then the other topics may add a little more. A message
//! counts as gained once: one already over a counted cut-off (a fraud report the person head
//! hears) buys nothing. A cut-off stays at the last message it takes in: moving it further
//! down, towards the ordinary messages, would buy recall on unseen messages with false
//! alarms, and false alarms come first.

/// One held-out message: every column's log-odds (the topics', then the gate's if there is
/// one), its column (its topic, or the gate for a sensitive message whose topic is not named)
/// or `None` for an ordinary message, and its weight among the ordinary messages.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    /// Log-odds per column.
    pub log_odds: Vec<f32>,
    /// The message's column, or `None`.
    pub topic: Option<usize>,
    /// Its share of the ordinary messages' weight (ignored for topic messages).
    pub weight: f32,
    /// An ordinary message only for the sensitive columns: it was labelled only as one no
    /// person must take, and may be a delivery problem or urgency.
    pub unsure: bool,
}

impl Scored {
    /// Whether it is an ordinary message for a phase that moves the sensitive columns
    /// (`sensitive`) or the others.
    fn ordinary(&self, sensitive: bool) -> bool {
        self.topic.is_none() && (sensitive || !self.unsure)
    }
}

/// The budgets: the weighted share of ordinary messages allowed over a cut-off.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Budget {
    /// Over any sensitive topic's cut-off (sent to a person by policy).
    pub sensitive: f32,
    /// What the other topics may add over their cut-offs, beyond what the sensitive ones
    /// spend (measured on the ordinary messages whose topic is known).
    pub more: f32,
}

/// A cut-off no message reaches.
const NEVER: f32 = f32::INFINITY;

/// The cut-offs (log-odds) of every column; `sensitive[t]` says whether column `t` is one a
/// person must handle, and `gate` names the column every sensitive message belongs to (the
/// person head), if any.
pub fn cutoffs(
    rows: &[Scored],
    sensitive: &[bool],
    gate: Option<usize>,
    budget: Budget,
) -> Vec<f32> {
    let topics = sensitive.len();
    let mut cut = vec![NEVER; topics];
    let group = |s: bool| (0..topics).filter(move |&t| sensitive[t] == s);
    let belongs = |r: &Scored, t: usize| {
        r.topic == Some(t) || (gate == Some(t) && r.topic.is_some_and(|u| sensitive[u]))
    };
    // With a gate, a sensitive topic's own model stops at even odds: below them it hears
    // what it thinks more likely not its topic, which the gate is there to hear.
    let floor = |t: usize| match gate {
        Some(g) if g != t && sensitive[t] => 0.0,
        _ => f32::NEG_INFINITY,
    };
    lower(
        rows,
        &mut cut,
        (&group(true).collect::<Vec<_>>(), true),
        budget.sensitive,
        |t| sensitive[t],
        (belongs, floor),
    );
    lower(
        rows,
        &mut cut,
        (&group(false).collect::<Vec<_>>(), false),
        budget.more,
        |_| true,
        (belongs, |_| f32::NEG_INFINITY),
    );
    for (t, c) in cut.iter_mut().enumerate() {
        if *c == NEVER {
            // Nothing of this topic could be afforded: just over every ordinary message.
            let highest_ordinary = rows
                .iter()
                .filter(|r| r.ordinary(sensitive[t]))
                .map(|r| r.log_odds[t])
                .fold(0.0, f32::max);
            *c = highest_ordinary + 0.5;
        }
    }
    cut
}

/// Lowers the cut-offs of `movable` (sensitive columns, or not) while the ordinary messages
/// over any cut-off `counted` stay within `budget`, and never below a column's `floor`; a
/// message `belongs` to the columns that hear it rightly.
fn lower(
    rows: &[Scored],
    cut: &mut [f32],
    (movable, sensitive): (&[usize], bool),
    budget: f32,
    counted: impl Fn(usize) -> bool,
    (belongs, floor): (impl Fn(&Scored, usize) -> bool, impl Fn(usize) -> f32),
) {
    // How many counted cut-offs each message is over: for an ordinary message, 0 is not
    // yet spent.
    let mut over: Vec<usize> = rows
        .iter()
        .map(|r| {
            (0..cut.len())
                .filter(|&t| counted(t) && r.log_odds[t] >= cut[t])
                .count()
        })
        .collect();
    // Whether a message is heard as it should be: a sensitive one over any sensitive
    // cut-off (a person takes it, whichever the reason), another over its own.
    let hears = |r: &Scored, t: usize| {
        if sensitive { counted(t) } else { belongs(r, t) }
    };
    let mut heard: Vec<bool> = rows
        .iter()
        .map(|r| (0..cut.len()).any(|t| hears(r, t) && r.log_odds[t] >= cut[t]))
        .collect();
    let all: f32 = rows
        .iter()
        .filter(|r| r.ordinary(sensitive))
        .map(|r| r.weight)
        .sum();
    if all <= 0.0 {
        return;
    }
    let mut spent = rows
        .iter()
        .zip(&over)
        .filter(|(r, o)| r.ordinary(sensitive) && **o > 0)
        .map(|(r, _)| r.weight)
        .sum::<f32>()
        / all;
    // The sensitive columns' budget is a share of every ordinary message; the others' is
    // what they may add to what is spent already.
    let limit = if sensitive { budget } else { spent + budget };
    loop {
        // (cost per message gained, column, new cut-off, new spend)
        let mut best: Option<(f32, usize, f32, f32)> = None;
        for &t in movable {
            let unheard = |i: usize| !heard[i] && belongs(&rows[i], t);
            let Some(next) = (0..rows.len())
                .filter(|&i| {
                    unheard(i) && rows[i].log_odds[t] < cut[t] && rows[i].log_odds[t] >= floor(t)
                })
                .map(|i| rows[i].log_odds[t])
                .reduce(f32::max)
            else {
                continue;
            };
            let (mut gained, mut added) = (0usize, 0.0f32);
            for (i, r) in rows.iter().enumerate() {
                if !(next..cut[t]).contains(&r.log_odds[t]) {
                    continue;
                }
                if r.ordinary(sensitive) {
                    if counted(t) && over[i] == 0 {
                        added += r.weight;
                    }
                } else if !heard[i] && belongs(r, t) {
                    gained += 1;
                }
            }
            let spend = spent + added / all;
            if spend > limit + 1e-6 {
                continue;
            }
            let cost = added / all / gained as f32;
            if best.is_none_or(|(c, ..)| cost < c) {
                best = Some((cost, t, next, spend));
            }
        }
        let Some((_, t, next, spend)) = best else {
            return;
        };
        for (i, r) in rows.iter().enumerate() {
            if (next..cut[t]).contains(&r.log_odds[t]) {
                over[i] += usize::from(counted(t));
                heard[i] |= hears(r, t);
            }
        }
        cut[t] = next;
        spent = spend;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(log_odds: &[f32], topic: Option<usize>) -> Scored {
        Scored {
            log_odds: log_odds.to_vec(),
            topic,
            weight: 1.0,
            unsure: false,
        }
    }

    #[test]
    fn the_budget_comes_first_then_recall() {
        // Topic 0 (sensitive): positives at 3, 2, 1, -1; ordinary messages at 1.5 and -0.5, and
        // 98 far below. A 1% budget affords one ordinary message: the cut-off goes down to 1
        // (three heard), not to -1 (which would cost a second ordinary message).
        let mut rows = vec![
            row(&[3.0], Some(0)),
            row(&[2.0], Some(0)),
            row(&[1.0], Some(0)),
            row(&[-1.0], Some(0)),
            row(&[1.5], None),
            row(&[-0.5], None),
        ];
        rows.extend((0..98).map(|_| row(&[-9.0], None)));
        let budget = Budget {
            sensitive: 0.01,
            more: 0.04,
        };
        assert_eq!(cutoffs(&rows, &[true], None, budget), vec![1.0]);
        let none = Budget {
            sensitive: 0.0,
            more: 0.0,
        };
        // No ordinary message allowed: down to 2, over the ordinary message at 1.5.
        assert_eq!(cutoffs(&rows, &[true], None, none), vec![2.0]);
    }

    #[test]
    fn sensitive_topics_share_their_budget_and_the_others_a_looser_one() {
        // Two sensitive topics each want a different ordinary message; the budget affords one,
        // spent where it buys more recall. The third topic (not sensitive) may claim one more.
        let mut rows = vec![
            row(&[2.0, -9.0, -9.0], Some(0)),
            row(&[1.0, -9.0, -9.0], Some(0)),
            row(&[0.5, -9.0, -9.0], Some(0)),
            row(&[-9.0, 2.0, -9.0], Some(1)),
            row(&[-9.0, 1.0, -9.0], Some(1)),
            row(&[-9.0, -9.0, 2.0], Some(2)),
            row(&[-9.0, -9.0, 1.0], Some(2)),
            row(&[1.5, -9.0, -9.0], None),
            row(&[-9.0, 1.5, -9.0], None),
            row(&[-9.0, -9.0, 1.5], None),
        ];
        rows.extend((0..97).map(|_| row(&[-9.0, -9.0, -9.0], None)));
        let budget = Budget {
            sensitive: 0.01,
            more: 0.01,
        };
        let cut = cutoffs(&rows, &[true, true, false], None, budget);
        assert!(cut[0] <= 0.5, "{cut:?}");
        assert!(cut[1] > 1.5, "{cut:?}");
        assert!(cut[2] <= 1.0, "{cut:?}");
        let over = |t: usize| {
            rows.iter()
                .filter(|r| r.topic.is_none() && r.log_odds[t] >= cut[t])
                .count()
        };
        assert_eq!((over(0), over(1), over(2)), (1, 0, 1));
    }

    #[test]
    fn the_gate_hears_what_no_topic_does_and_a_message_counts_once() {
        // Column 0 is a sensitive topic, column 1 the gate (the person head). Two messages
        // of topic 0 the topic hears at 2; two sensitive messages with no topic named that
        // only the gate hears, at 1.0 and 0.5; an ordinary message at 0.8 on the gate.
        let mut rows = vec![
            row(&[2.0, 2.0], Some(0)),
            row(&[2.0, 1.5], Some(0)),
            row(&[-9.0, 1.0], Some(1)),
            row(&[-9.0, 0.5], Some(1)),
            row(&[-9.0, 0.8], None),
        ];
        rows.extend((0..99).map(|_| row(&[-9.0, -9.0], None)));
        let budget = |sensitive: f32| Budget {
            sensitive,
            more: 0.0,
        };
        // Nothing to spend: the gate stops over the ordinary message, at the first message
        // the topic does not hear (the two it hears buy the gate nothing).
        assert_eq!(
            cutoffs(&rows, &[true, true], Some(1), budget(0.0)),
            vec![2.0, 1.0]
        );
        // One ordinary message affordable: the gate takes the last one in.
        assert_eq!(
            cutoffs(&rows, &[true, true], Some(1), budget(0.01)),
            vec![2.0, 0.5]
        );
    }

    #[test]
    fn a_topic_with_nothing_affordable_is_never_heard_over_an_ordinary_message() {
        let rows = vec![row(&[1.0], Some(0)), row(&[2.0], None)];
        let none = Budget {
            sensitive: 0.0,
            more: 0.0,
        };
        assert_eq!(cutoffs(&rows, &[true], None, none), vec![2.5]);
    }

    #[test]
    fn with_a_gate_a_sensitive_topic_stops_at_even_odds() {
        // Column 0 is a sensitive topic, column 1 the gate. The topic's messages the gate
        // does not hear score 1.0 and -2.0 on the topic; no ordinary message is near either,
        // so the budget would afford both. The topic stops at 1.0: below even odds its own
        // model thinks the message more likely not its topic.
        let mut rows = vec![
            row(&[3.0, 3.0], Some(0)),
            row(&[1.0, -9.0], Some(0)),
            row(&[-2.0, -9.0], Some(0)),
        ];
        rows.extend((0..100).map(|_| row(&[-9.0, -9.0], None)));
        let budget = Budget {
            sensitive: 0.01,
            more: 0.0,
        };
        let cut = cutoffs(&rows, &[true, true], Some(1), budget);
        assert_eq!(cut[0], 1.0, "{cut:?}");
        // Without a gate the same topic may go on down to it.
        let alone: Vec<Scored> = rows
            .iter()
            .map(|r| row(&r.log_odds[..1], r.topic))
            .collect();
        assert_eq!(cutoffs(&alone, &[true], None, budget), vec![-2.0]);
    }
}
