//! Waiting, bounded: durations read from a server or given by a caller are clamped to what a
//! timer can hold, and the one backoff (exponential, with jitter) that retries and
//! reconnects share.
//!
//! `Duration::from_secs_f64(1e20)` and `Instant::now() + Duration::MAX` panic; a server's
//! `Retry-After` or a caller's `Duration::MAX` must not be able to get there.

use std::time::Duration;

use tokio::time::Instant;

/// The longest wait anything here schedules: a year is "never" for a client.
pub(crate) const LONGEST: Duration = Duration::from_secs(365 * 24 * 3600);

/// Seconds as a server wrote them (`Retry-After: 1.5`), or `None` when they are not a
/// duration at all (negative, NaN); values beyond [`LONGEST`] are [`LONGEST`].
pub(crate) fn from_secs_f64(secs: f64) -> Option<Duration> {
    if !secs.is_finite() || secs < 0.0 {
        return None;
    }
    Some(Duration::try_from_secs_f64(secs).map_or(LONGEST, |d| d.min(LONGEST)))
}

/// `now + after`, with `after` clamped to [`LONGEST`].
pub(crate) fn later(now: Instant, after: Duration) -> Instant {
    let after = after.min(LONGEST);
    now.checked_add(after).unwrap_or(now)
}

/// A configured duration kept within `[min, LONGEST]`.
pub(crate) fn clamp(value: Duration, min: Duration) -> Duration {
    value.clamp(min, LONGEST)
}

/// Exponential backoff: `first * 2^step`, capped at `cap`, then a random point in its upper
/// half so that many clients do not retry in step. Saturates instead of overflowing.
pub(crate) fn backoff(first: Duration, cap: Duration, step: u32) -> Duration {
    let cap = cap.min(LONGEST);
    let base = first.saturating_mul(1u32 << step.min(16)).min(cap);
    base / 2 + base.mul_f64(jitter() / 2.0)
}

/// A number in [0, 1) that differs between calls; uuid's v4 generator is random enough for
/// jitter.
fn jitter() -> f64 {
    (uuid::Uuid::new_v4().as_u128() >> 75) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_negative_and_odd_seconds_do_not_panic() {
        assert_eq!(from_secs_f64(1e20), Some(LONGEST));
        assert_eq!(from_secs_f64(f64::MAX), Some(LONGEST));
        assert_eq!(from_secs_f64(1.5), Some(Duration::from_millis(1500)));
        assert_eq!(from_secs_f64(-1.0), None);
        assert_eq!(from_secs_f64(f64::NAN), None);
        assert_eq!(from_secs_f64(f64::INFINITY), None);
    }

    #[test]
    fn backoff_grows_saturates_and_stays_in_its_upper_half() {
        for step in 0..40 {
            let d = backoff(Duration::MAX / 2, Duration::MAX, step);
            assert!(d <= LONGEST && d >= LONGEST / 2, "{d:?}");
        }
        let first = backoff(Duration::from_millis(100), Duration::from_secs(10), 0);
        assert!(first >= Duration::from_millis(50) && first <= Duration::from_millis(100));
        let capped = backoff(Duration::from_millis(100), Duration::from_secs(10), 30);
        assert!(capped >= Duration::from_secs(5) && capped <= Duration::from_secs(10));
    }

    #[test]
    fn deadlines_far_away_do_not_overflow() {
        let now = Instant::now();
        assert!(later(now, Duration::MAX) > now);
    }
}
