//! Number formatting without `{:.N}` on floats: float formatting pulls Rust's float-to-decimal
//! machinery (about 15 KB) into the WebAssembly build; integer arithmetic does the same job.

/// Parses a decimal number: `[+-]digits[.digits][(e|E)[+-]digits]` (`1.`, `.5` and `-0` too).
///
/// `str::parse::<f64>` brings Rust's full decimal-to-float machinery (code and tables, ~14 KB
/// gzipped) into the WebAssembly build. The numbers Stowage reads (durations, shares, JSON sizes)
/// take the exact path: up to 19 significant digits with a mantissa ≤ 2^53 and a power of ten
/// ≤ 22 either way is correctly rounded (one exact multiplication or division). Others are
/// within a few units in the last place (so a value at the very edge of the f64 range may
/// round to infinity).
#[must_use]
#[expect(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    reason = "the exact path is checked; the rest is documented as approximate"
)]
pub fn parse_f64(s: &str) -> Option<f64> {
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let b = s.as_bytes();
    let (negative, mut i) = match b.first() {
        Some(b'-') => (true, 1),
        Some(b'+') => (false, 1),
        _ => (false, 0),
    };
    let mut mantissa: u64 = 0;
    let mut exp10: i64 = 0;
    let mut digits = 0;
    let push = |d: u8, fraction: bool, mantissa: &mut u64, exp10: &mut i64| {
        if *mantissa < 1_000_000_000_000_000_000 {
            *mantissa = *mantissa * 10 + u64::from(d - b'0');
            if fraction {
                *exp10 -= 1;
            }
        } else if !fraction {
            // Digits past the 19th only scale an integer part.
            *exp10 += 1;
        }
    };
    while let Some(&c) = b.get(i).filter(|c| c.is_ascii_digit()) {
        push(c, false, &mut mantissa, &mut exp10);
        digits += 1;
        i += 1;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        while let Some(&c) = b.get(i).filter(|c| c.is_ascii_digit()) {
            push(c, true, &mut mantissa, &mut exp10);
            digits += 1;
            i += 1;
        }
    }
    if digits == 0 {
        return None;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        let negative_exp = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        let mut e: i64 = 0;
        while let Some(&c) = b.get(i).filter(|c| c.is_ascii_digit()) {
            e = (e * 10 + i64::from(c - b'0')).min(100_000);
            i += 1;
        }
        if i == start {
            return None;
        }
        exp10 += if negative_exp { -e } else { e };
    }
    if i != b.len() {
        return None;
    }
    let m = mantissa as f64;
    let value = if mantissa == 0 {
        0.0
    } else if mantissa <= 1 << 53 && (0..=22).contains(&exp10) {
        m * POW10[exp10 as usize]
    } else if mantissa <= 1 << 53 && (-22..0).contains(&exp10) {
        m / POW10[(-exp10) as usize]
    } else if exp10 >= 0 {
        m * 10f64.powi(exp10.min(400) as i32)
    } else {
        // Two steps, so 1e-320 reaches the subnormals instead of 0.
        let e = (-exp10).min(400) as i32;
        m / 10f64.powi(e.min(300)) / 10f64.powi(e - e.min(300))
    };
    Some(if negative { -value } else { value })
}

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

    #[test]
    fn parses_like_std_on_the_exact_path_and_closely_elsewhere() {
        let exact = [
            "0",
            "-0",
            "1",
            "1.",
            ".5",
            "0.6",
            "1.5",
            "+2.25",
            "30",
            "1e3",
            "1E-3",
            "123.456e2",
            "9007199254740992",
            "0.1",
            "3.14159",
            "1e22",
            "1e-22",
            "00012",
        ];
        for s in exact {
            let std: f64 = s.parse().expect(s);
            assert_eq!(parse_f64(s), Some(std), "{s}");
        }
        let close = [
            "123456789012345678901234567890",
            "1e300",
            "1.7e308",
            "2.2e-308",
            "4.9e-324",
            "0.000000000000000000000000123",
            "1e400",
            "1e-400",
            "12345678901234567.0",
        ];
        for s in close {
            let std: f64 = s.parse().expect(s);
            let ours = parse_f64(s).expect(s);
            let ok = if std == 0.0 || std.is_infinite() || ours == 0.0 {
                ours == std || (ours - std).abs() <= f64::MIN_POSITIVE
            } else {
                ((ours - std) / std).abs() < 1e-12
            };
            assert!(ok, "{s}: {ours} vs {std}");
        }
        for bad in [
            "", "-", ".", "e5", "1e", "1e+", "1.2.3", "1x", "inf", "NaN", " 1",
        ] {
            assert_eq!(parse_f64(bad), None, "{bad:?}");
        }
    }
}
