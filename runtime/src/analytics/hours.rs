//! Calendar days (UTC) and time within a merchant's business hours, without a date crate:
//! the days are civil dates from Unix time (the proleptic Gregorian calendar).

const DAY_MS: i64 = 86_400_000;

/// When a merchant's people work: the days of the week (0 = Monday), `open..close` in
/// minutes after local midnight, and the shop's offset from UTC in minutes. `None` in the
/// settings means at any hour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenHours {
    /// Open weekdays, 0 = Monday … 6 = Sunday.
    pub days: Vec<u8>,
    /// Opening minute, inclusive.
    pub open: i64,
    /// Closing minute, exclusive.
    pub close: i64,
    /// Offset from UTC in minutes.
    pub utc_offset_minutes: i64,
}

impl OpenHours {
    /// Milliseconds of `from..to` that fall within these hours.
    pub fn within(&self, from: i64, to: i64) -> i64 {
        if to <= from {
            return 0;
        }
        let offset = self.utc_offset_minutes * 60_000;
        let (from_local, to_local) = (from + offset, to + offset);
        let mut total = 0;
        let mut day = from_local.div_euclid(DAY_MS);
        // A queue left alone for years would loop for years: past a year the rest is ignored
        // (and no response time that long means anything).
        let last = to_local.div_euclid(DAY_MS).min(day + 366);
        while day <= last {
            // 1970-01-01 was a Thursday (3, counting Monday as 0).
            let weekday = (day + 3).rem_euclid(7) as u8;
            if self.days.contains(&weekday) {
                let start = day * DAY_MS + self.open * 60_000;
                let end = day * DAY_MS + self.close * 60_000;
                total += (end.min(to_local) - start.max(from_local)).max(0);
            }
            day += 1;
        }
        total
    }
}

/// Milliseconds between `from` and `to` counted in business hours (all of them when the
/// merchant set none).
pub fn business_ms(hours: Option<&OpenHours>, from: i64, to: i64) -> i64 {
    match hours {
        Some(h) => h.within(from, to),
        None => (to - from).max(0),
    }
}

/// The UTC calendar day of `unix_ms`, `YYYY-MM-DD`.
pub fn day_of(unix_ms: i64) -> String {
    let (y, m, d) = civil(unix_ms.div_euclid(DAY_MS));
    format!("{y:04}-{m:02}-{d:02}")
}

/// The Unix ms at which the UTC day `YYYY-MM-DD` starts, if it is a date.
pub fn day_start(day: &str) -> Option<i64> {
    let mut parts = day.split('-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    if parts.next().is_some() || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let days = days_from_civil(y, m, d);
    (civil(days) == (y, m as u32, d as u32)).then_some(days * DAY_MS)
}

/// Days since 1970-01-01 → (year, month, day). H. Hinnant's `civil_from_days`.
fn civil(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// (year, month, day) → days since 1970-01-01. H. Hinnant's `days_from_civil`.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR: i64 = 3_600_000;

    #[test]
    fn days_round_trip_and_reject_impossible_dates() {
        assert_eq!(day_of(0), "1970-01-01");
        assert_eq!(day_of(1_764_633_600_000), "2025-12-02");
        assert_eq!(day_start("2025-12-02"), Some(1_764_633_600_000));
        assert_eq!(
            day_start("2024-02-29").map(day_of).as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(day_start("2025-02-29"), None);
        assert_eq!(day_start("2025-13-01"), None);
        assert_eq!(day_start("yesterday"), None);
    }

    #[test]
    fn time_outside_business_hours_does_not_count() {
        // Monday to Friday 09:00–17:00 UTC. 2025-12-05 is a Friday.
        let hours = OpenHours {
            days: vec![0, 1, 2, 3, 4],
            open: 9 * 60,
            close: 17 * 60,
            utc_offset_minutes: 0,
        };
        let friday = day_start("2025-12-05").unwrap();
        // Friday 16:00 → Monday 10:00: one hour on Friday, one on Monday.
        let monday_ten = friday + 3 * 24 * HOUR + 10 * HOUR;
        assert_eq!(hours.within(friday + 16 * HOUR, monday_ten), 2 * HOUR);
        // Entirely at night.
        assert_eq!(hours.within(friday + 18 * HOUR, friday + 20 * HOUR), 0);
        assert_eq!(business_ms(None, 0, HOUR), HOUR);
        // UTC+8: 09:00 local is 01:00 UTC.
        let east = OpenHours {
            utc_offset_minutes: 480,
            ..hours
        };
        assert_eq!(east.within(friday, friday + 2 * HOUR), HOUR);
    }
}
