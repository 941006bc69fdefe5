//! Decimal text to `f64` without std's parser.
//!
//! `str::parse::<f64>` (Eisel-Lemire) carries a table of 128-bit powers of five: 11 KB of
//! incompressible bytes, plus ~4 KB of code, in the WebAssembly module, for the few floats the
//! engine reads (TOML floats, durations). This parser gives the same results: the exact value
//! of the text rounded to the nearest `f64`, ties to even (the one correct answer, which std
//! also gives). Numbers of up to 15 significant digits and a small exponent take one exact
//! float operation; the rest (rare) are divided out in big integers.

use std::cmp::Ordering;

/// Parses text as `str::parse::<f64>` does: `[+-]`, then digits with an optional `.` (at
/// least one digit) and an optional exponent (`e`/`E`, `[+-]`, digits), or `inf`, `infinity`,
/// `nan` in any case. `None` where std gives an error.
#[must_use]
pub fn parse_f64(s: &str) -> Option<f64> {
    let (negative, rest) = match s.as_bytes().first() {
        Some(b'-') => (true, s.get(1..)?),
        Some(b'+') => (false, s.get(1..)?),
        _ => (false, s),
    };
    let value = if rest.eq_ignore_ascii_case("inf") || rest.eq_ignore_ascii_case("infinity") {
        f64::INFINITY
    } else if rest.eq_ignore_ascii_case("nan") {
        f64::NAN
    } else {
        decimal(rest.as_bytes())?
    };
    Some(if negative { -value } else { value })
}

/// Significant digits kept; the rest only matter as "more than shown" (like std's 768).
const MAX_DIGITS: usize = 800;

fn decimal(b: &[u8]) -> Option<f64> {
    // value = (the first `kept` significant digits) × 10^exp; no copy of the digits is made
    let mut sig = 0usize;
    let mut m = 0u64;
    let mut exp: i64 = 0;
    let mut truncated = false;
    let mut any_digit = false;
    let mut point = false;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        match c {
            b'0'..=b'9' => {
                any_digit = true;
                let d = c - b'0';
                if sig == 0 && d == 0 {
                    exp -= i64::from(point);
                } else if sig < MAX_DIGITS {
                    if sig < 19 {
                        m = m * 10 + u64::from(d);
                    }
                    sig += 1;
                    exp -= i64::from(point);
                } else {
                    truncated |= d != 0;
                    exp += i64::from(!point);
                }
            }
            b'.' if !point => point = true,
            _ => break,
        }
        i += 1;
    }
    if !any_digit {
        return None;
    }
    let mantissa = b.get(..i).unwrap_or_default();
    if let Some(&c) = b.get(i) {
        if c != b'e' && c != b'E' {
            return None;
        }
        i += 1;
        let negative = matches!(b.get(i), Some(b'-'));
        if matches!(b.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        let start = i;
        let mut e: i64 = 0;
        while let Some(&c @ b'0'..=b'9') = b.get(i) {
            // Saturates as std does.
            if e < 0x10000 {
                e = 10 * e + i64::from(c - b'0');
            }
            i += 1;
        }
        if i == start || i != b.len() {
            return None;
        }
        exp += if negative { -e } else { e };
    }
    let n = i64::try_from(sig).ok()?;
    if n == 0 {
        return Some(0.0);
    }
    // 10^(n+exp-1) <= value < 10^(n+exp)
    if n + exp >= 310 {
        return Some(f64::INFINITY);
    }
    if n + exp <= -324 {
        return Some(0.0);
    }
    if !truncated && n <= 15 && (-22..=22).contains(&exp) {
        // Both operands are exact (< 2^53 and 10^22 at most): one correctly rounded operation.
        #[expect(clippy::cast_precision_loss, reason = "m < 10^15 < 2^53: exact")]
        let m = m as f64;
        let mut p = 1.0f64;
        for _ in 0..exp.unsigned_abs() {
            p *= 10.0;
        }
        return Some(if exp < 0 { m / p } else { m * p });
    }
    Some(slow(mantissa, sig, exp, truncated))
}

/// The correctly rounded value of `digits × 10^exp` (plus a little more when `truncated`), in
/// big integers: the quotient to 54-55 bits, then round half to even by the remainder.
/// `digits` are the first `sig` significant digits of `mantissa` (which may hold a `.`).
fn slow(mantissa: &[u8], sig: usize, exp: i64, truncated: bool) -> f64 {
    let mut num = Big::default();
    let (mut v, mut scale, mut taken) = (0u32, 1u32, 0usize);
    for &c in mantissa {
        if !c.is_ascii_digit() || (taken == 0 && c == b'0') {
            continue;
        }
        if taken == sig {
            break;
        }
        v = v * 10 + u32::from(c - b'0');
        scale *= 10;
        taken += 1;
        if scale == 1_000_000_000 {
            num.mul_add(scale, v);
            (v, scale) = (0, 1);
        }
    }
    num.mul_add(scale, v);
    let mut den = Big(vec![1]);
    if exp >= 0 {
        num.pow10(exp.unsigned_abs());
    } else {
        den.pow10(exp.unsigned_abs());
    }
    // num / den is in (2^(k-1), 2^(k+1)); scale it into (2^53, 2^55).
    let k = num.bits() - den.bits();
    let shift = 54 - k;
    if shift > 0 {
        num.shl(shift.unsigned_abs());
    } else {
        den.shl(shift.unsigned_abs());
    }
    let mut q = 0u64;
    for bit in (0..=55u64).rev() {
        let mut d = den.clone();
        d.shl(bit);
        if num.cmp(&d) != Ordering::Less {
            num.sub(&d);
            q |= 1 << bit;
        }
    }
    let sticky = truncated || !num.0.is_empty();
    // value ≈ q × 2^-shift; keep 53 bits (fewer for a subnormal).
    let len = 64 - i64::from(q.leading_zeros());
    let mut drop = len - 53;
    let mut exp2 = drop - shift;
    if exp2 < -1074 {
        drop += -1074 - exp2;
        exp2 = -1074;
    }
    if drop >= 64 {
        return 0.0;
    }
    let drop = drop.unsigned_abs();
    let mut m = q >> drop;
    if drop > 0 {
        let rem = q & ((1 << drop) - 1);
        let half = 1u64 << (drop - 1);
        if rem > half || (rem == half && (sticky || m & 1 == 1)) {
            m += 1;
        }
    }
    if m == 1 << 53 {
        m >>= 1;
        exp2 += 1;
    }
    if m < 1 << 52 {
        // Subnormal (exp2 is -1074) or zero.
        return f64::from_bits(m);
    }
    let biased = exp2 + 52 + 1023;
    if biased >= 2047 {
        return f64::INFINITY;
    }
    f64::from_bits((biased.unsigned_abs() << 52) | (m & ((1 << 52) - 1)))
}

/// An unsigned big integer: 32-bit limbs, least significant first, no zero limb on top.
#[derive(Clone, Default)]
struct Big(Vec<u32>);

impl Big {
    /// `self = self × m + a`.
    fn mul_add(&mut self, m: u32, a: u32) {
        let mut carry = u64::from(a);
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(m) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn pow10(&mut self, mut e: u64) {
        while e >= 9 {
            self.mul_add(1_000_000_000, 0);
            e -= 9;
        }
        let mut p = 1u32;
        for _ in 0..e {
            p *= 10;
        }
        self.mul_add(p, 0);
    }

    fn bits(&self) -> i64 {
        let len = i64::try_from(self.0.len()).unwrap_or(i64::MAX);
        self.0.last().map_or(0, |top| {
            (len - 1) * 32 + 32 - i64::from(top.leading_zeros())
        })
    }

    fn shl(&mut self, n: u64) {
        let bits = (n % 32) as u32;
        if bits > 0 {
            let mut carry = 0u32;
            for limb in &mut self.0 {
                let v = (*limb << bits) | carry;
                carry = *limb >> (32 - bits);
                *limb = v;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        let words = usize::try_from(n / 32).unwrap_or(0);
        if words > 0 && !self.0.is_empty() {
            self.0.splice(0..0, std::iter::repeat_n(0, words));
        }
    }

    fn cmp(&self, other: &Self) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }

    /// `self -= other`, for `self >= other`.
    fn sub(&mut self, other: &Self) {
        let mut borrow = 0u64;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let o = u64::from(other.0.get(i).copied().unwrap_or(0)) + borrow;
            let l = u64::from(*limb);
            if l >= o {
                *limb = (l - o) as u32;
                borrow = 0;
            } else {
                *limb = ((l + (1 << 32)) - o) as u32;
                borrow = 1;
            }
        }
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(s: &str) {
        let ours = parse_f64(s);
        let std = s.parse::<f64>().ok();
        assert_eq!(
            ours.map(f64::to_bits),
            std.map(f64::to_bits),
            "{s}: {ours:?} vs {std:?}"
        );
    }

    #[test]
    fn grammar_and_edges() {
        for s in [
            "",
            "+",
            "-",
            ".",
            "e5",
            "1e",
            "1e+",
            "1.2.3",
            "1..2",
            ".5",
            "5.",
            "-.5e-3",
            "1.e5",
            "0",
            "-0",
            "+0.0",
            "00.000",
            "1_0",
            " 1",
            "1 ",
            "0x10",
            "inf",
            "-Infinity",
            "NaN",
            "+nan",
            "infinity",
            "infx",
            "1e400",
            "-1e400",
            "1e-400",
            "9007199254740993",
            "1e23",
            "8.98846567431158e307",
            "1.7976931348623157e308",
            "1.7976931348623159e308",
            "2.2250738585072011e-308",
            "2.2250738585072012e-308",
            "4.9e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "5e-324",
            "1e-323",
            "0.1",
            "0.3",
            "123456789012345678901234567890",
            "1.00000000000000011102230246251565404236316680908203125",
            "1.00000000000000011102230246251565404236316680908203124",
            "1.00000000000000011102230246251565404236316680908203126",
            "7.2057594037927933e16",
            "1e22",
            "1e-22",
            "123456789012345e22",
            "1e0000000000000000001",
            "1e99999999999999999999",
            "1e-99999999999999999999",
        ] {
            same(s);
        }
        let long = format!("0.{}1e70000", "0".repeat(70_000));
        same(&long);
        let many = format!("1{}e-1000", "3".repeat(2000));
        same(&many);
        let halfway = format!("9007199254740993{}", "0".repeat(900));
        same(&halfway);
        let above = format!("9007199254740993{}1e-900", "0".repeat(900));
        same(&above);
    }

    /// Random decimals of every length and exponent agree with std bit for bit.
    #[test]
    fn matches_std_on_random_input() {
        let mut next = crate::util::test_rng();
        for _ in 0..200_000 {
            let ndigits = 1 + next() % 40;
            let mut s = String::new();
            if next() % 4 == 0 {
                s.push('-');
            }
            let point = next() % (ndigits + 1);
            for i in 0..ndigits {
                if i == point && next() % 2 == 0 {
                    s.push('.');
                }
                s.push(char::from(b'0' + (next() % 10) as u8));
            }
            if next() % 3 != 0 {
                s.push('e');
                let e = i64::try_from(next() % 700).unwrap_or(0) - 350;
                s.push_str(&e.to_string());
            }
            same(&s);
        }
        // Near powers of two and halfway points: print an f64 exactly, nudge the last digits.
        for _ in 0..20_000 {
            let bits = (next() << 33) ^ next();
            let f = f64::from_bits(bits & 0x7fff_ffff_ffff_ffff);
            if !f.is_finite() {
                continue;
            }
            let s = format!("{f:e}");
            same(&s);
            let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
            for tail in [
                "5",
                "49999",
                "50001",
                "4999999999999999999999",
                "0000000000000000000001",
            ] {
                same(&format!("{m}{tail}e{e}"));
            }
        }
    }
}
