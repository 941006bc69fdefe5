//! Number formatting without `{:.N}` on floats: float formatting pulls Rust's float-to-decimal
//! machinery (about 15 KB) into the WebAssembly build; integer arithmetic does the same job.

/// `v` rounded to `decimals` places (0–3), e.g. `decimal(12.345, 1) == "12.3"`.
#[must_use]
#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "display of small non-negative values"
)]
pub fn decimal(v: f64, decimals: u32) -> String {
    let decimals = decimals.min(3);
    let scale = 10u64.pow(decimals);
    let sign = if v < 0.0 { "-" } else { "" };
    let n = (v.abs() * scale as f64).round() as u64;
    if decimals == 0 {
        return format!("{sign}{n}");
    }
    let (int, frac) = (n / scale, n % scale);
    format!("{sign}{int}.{frac:0width$}", width = decimals as usize)
}

/// `part / whole` in percent, rounded to `decimals` places.
#[must_use]
pub fn percent(share: f64, decimals: u32) -> String {
    decimal(share * 100.0, decimals)
}

/// Bytes in decimal units with one decimal: `512 B`, `1.3 GB`, `800.0 MB`.
#[must_use]
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 6] = ["B", "kB", "MB", "GB", "TB", "PB"];
    let mut unit = 0;
    let mut div = 1u64;
    while bytes / div >= 1000 && unit + 1 < UNITS.len() {
        div *= 1000;
        unit += 1;
    }
    if unit == 0 {
        return format!("{bytes} B");
    }
    // Tenths of the unit, rounded half up, in integers.
    let tenths = (u128::from(bytes) * 10 + u128::from(div) / 2) / u128::from(div);
    format!("{}.{} {}", tenths / 10, tenths % 10, UNITS[unit])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_like_float_formatting() {
        assert_eq!(decimal(12.345, 1), "12.3");
        assert_eq!(decimal(0.05, 1), "0.1");
        assert_eq!(decimal(99.6, 0), "100");
        assert_eq!(percent(0.4567, 1), "45.7");
        assert_eq!(human_size(999), "999 B");
        assert_eq!(human_size(1_300_000_000), "1.3 GB");
        assert_eq!(human_size(700_000_000), "700.0 MB");
        assert_eq!(human_size(u64::MAX), "18446.7 PB");
    }
}
