//! Natural numbers of any size, for the rare exact values that outgrow 128
//! bits (a 28-digit actual over a 28-digit target, a blended team over many
//! goals with awkward targets).
//!
//! Deliberately small: schoolbook multiplication, Knuth's long division and
//! binary GCD over 32-bit limbs. A general big-integer crate was measured at
//! 30 KB gzipped in the Wasm module, half the size budget, for speed that
//! only values no real plan holds would use. The tests below check every
//! operation against `num-bigint` on random numbers.

use std::cmp::Ordering;

/// A natural number: 32-bit limbs, least significant first, no zero limb at
/// the top (zero is no limbs).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Natural(Vec<u32>);

impl Natural {
    pub fn from_u128(mut value: u128) -> Natural {
        let mut limbs = Vec::with_capacity(4);
        while value != 0 {
            limbs.push(value as u32);
            value >>= 32;
        }
        Natural(limbs)
    }

    /// The value, when it fits in 128 bits.
    pub fn to_u128(&self) -> Option<u128> {
        if self.0.len() > 4 {
            return None;
        }
        Some(
            self.0
                .iter()
                .rev()
                .fold(0u128, |value, &limb| (value << 32) | u128::from(limb)),
        )
    }

    /// The limbs, least significant first, for tests against other code.
    #[cfg(all(test, not(target_arch = "wasm32")))]
    pub(crate) fn limbs(&self) -> &[u32] {
        &self.0
    }

    pub fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    fn trim(mut self) -> Natural {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
        self
    }

    #[must_use]
    pub fn add(&self, other: &Natural) -> Natural {
        let (long, short) = if self.0.len() >= other.0.len() {
            (self, other)
        } else {
            (other, self)
        };
        let mut limbs = Vec::with_capacity(long.0.len() + 1);
        let mut carry = 0u64;
        for (i, &limb) in long.0.iter().enumerate() {
            let sum = u64::from(limb) + u64::from(short.0.get(i).copied().unwrap_or(0)) + carry;
            limbs.push(sum as u32);
            carry = sum >> 32;
        }
        if carry != 0 {
            limbs.push(carry as u32);
        }
        Natural(limbs)
    }

    /// `self − other`; `other` must not be larger (zero when it is).
    #[must_use]
    pub fn sub(&self, other: &Natural) -> Natural {
        if *self < *other {
            return Natural::default();
        }
        let mut limbs = Vec::with_capacity(self.0.len());
        let mut borrow = 0i64;
        for (i, &limb) in self.0.iter().enumerate() {
            let mut difference =
                i64::from(limb) - i64::from(other.0.get(i).copied().unwrap_or(0)) - borrow;
            borrow = i64::from(difference < 0);
            if difference < 0 {
                difference += 1 << 32;
            }
            limbs.push(difference as u32);
        }
        Natural(limbs).trim()
    }

    #[must_use]
    pub fn mul(&self, other: &Natural) -> Natural {
        if self.is_zero() || other.is_zero() {
            return Natural::default();
        }
        let mut limbs = vec![0u32; self.0.len() + other.0.len()];
        for (i, &a) in self.0.iter().enumerate() {
            let mut carry = 0u64;
            for (j, &b) in other.0.iter().enumerate() {
                let cell = u64::from(limbs[i + j]) + u64::from(a) * u64::from(b) + carry;
                limbs[i + j] = cell as u32;
                carry = cell >> 32;
            }
            limbs[i + other.0.len()] = carry as u32;
        }
        Natural(limbs).trim()
    }

    /// `self × factor`.
    #[must_use]
    pub fn times(&self, factor: u32) -> Natural {
        let mut carry = 0u64;
        let mut limbs: Vec<u32> = self
            .0
            .iter()
            .map(|&limb| {
                let cell = u64::from(limb) * u64::from(factor) + carry;
                carry = cell >> 32;
                cell as u32
            })
            .collect();
        if carry != 0 {
            limbs.push(carry as u32);
        }
        Natural(limbs).trim()
    }

    /// Quotient and remainder; `None` when `divisor` is zero.
    pub fn div_rem(&self, divisor: &Natural) -> Option<(Natural, Natural)> {
        match divisor.0.as_slice() {
            [] => None,
            &[low] | &[low, _] => {
                let small = divisor.to_u128().unwrap_or(u128::from(low)) as u64;
                let (quotient, rest) = self.div_rem_small(small);
                Some((quotient, Natural::from_u128(u128::from(rest))))
            }
            _ if *self < *divisor => Some((Natural::default(), self.clone())),
            _ => Some(long_division(&self.0, &divisor.0)),
        }
    }

    /// `self ÷ divisor`, for a divisor known to divide it (or zero, which
    /// leaves it as it is).
    pub fn divided(&self, divisor: &Natural) -> Natural {
        match self.div_rem(divisor) {
            Some((quotient, _)) => quotient,
            None => self.clone(),
        }
    }

    /// Quotient and remainder by a nonzero divisor of at most 64 bits, one
    /// limb at a time.
    fn div_rem_small(&self, divisor: u64) -> (Natural, u64) {
        let divisor = u128::from(divisor.max(1));
        let mut quotient = vec![0u32; self.0.len()];
        let mut rest = 0u128;
        for (i, &limb) in self.0.iter().enumerate().rev() {
            // `rest` is below the divisor, so this fits in 96 bits and the
            // quotient digit in 32.
            let current = (rest << 32) | u128::from(limb);
            quotient[i] = (current / divisor) as u32;
            rest = current % divisor;
        }
        (Natural(quotient).trim(), rest as u64)
    }

    fn trailing_zeros(&self) -> usize {
        let zero_limbs = self.0.iter().take_while(|&&limb| limb == 0).count();
        let rest = self
            .0
            .get(zero_limbs)
            .map_or(0, |limb| limb.trailing_zeros());
        zero_limbs * 32 + rest as usize
    }

    /// `self ÷ 2^bits`, rounded down.
    fn shr(&self, bits: usize) -> Natural {
        let (limbs, shift) = (bits / 32, bits % 32);
        let kept = self.0.get(limbs..).unwrap_or_default();
        let shifted = kept.iter().enumerate().map(|(i, &limb)| {
            let high = kept.get(i + 1).copied().unwrap_or(0);
            if shift == 0 {
                limb
            } else {
                (limb >> shift) | (high << (32 - shift))
            }
        });
        Natural(shifted.collect()).trim()
    }

    /// `self × 2^bits`.
    fn shl(&self, bits: usize) -> Natural {
        let mut limbs = vec![0u32; bits / 32];
        let shift = bits % 32;
        let mut carry = 0u32;
        for &limb in &self.0 {
            if shift == 0 {
                limbs.push(limb);
            } else {
                limbs.push((limb << shift) | carry);
                carry = limb >> (32 - shift);
            }
        }
        if carry != 0 {
            limbs.push(carry);
        }
        Natural(limbs).trim()
    }

    /// Greatest common divisor (binary); zero only when both are zero.
    pub fn gcd(&self, other: &Natural) -> Natural {
        if self.is_zero() {
            return other.clone();
        }
        if other.is_zero() {
            return self.clone();
        }
        // With one side of at most 64 bits, one division brings the other
        // down to 64 bits too.
        for (big, small) in [(self, other), (other, self)] {
            if let Some(small) = small.to_u128().and_then(|s| u64::try_from(s).ok()) {
                let (_, rest) = big.div_rem_small(small);
                return Natural::from_u128(u128::from(gcd64(small, rest)));
            }
        }
        let (za, zb) = (self.trailing_zeros(), other.trailing_zeros());
        let mut a = self.shr(za);
        let mut b = other.shr(zb);
        loop {
            if a > b {
                std::mem::swap(&mut a, &mut b);
            }
            b = b.sub(&a);
            if b.is_zero() {
                return a.shl(za.min(zb));
            }
            b = b.shr(b.trailing_zeros());
        }
    }

    /// `10^exponent`.
    pub fn power_of_ten(exponent: u32) -> Natural {
        (0..exponent).fold(Natural::from_u128(1), |power, _| {
            power.mul(&Natural::from_u128(10))
        })
    }

    /// Appends the decimal digits, most significant first ("0" for zero).
    pub fn push_digits(&self, out: &mut Vec<u8>) {
        const CHUNK: u64 = 1_000_000_000;
        let mut chunks = Vec::new();
        let mut rest = self.clone();
        while !rest.is_zero() {
            let (quotient, chunk) = rest.div_rem_small(CHUNK);
            chunks.push(chunk as u32);
            rest = quotient;
        }
        let mut widths = std::iter::once(0).chain(std::iter::repeat(9));
        for &chunk in chunks.iter().rev() {
            push_digits(out, u128::from(chunk), widths.next().unwrap_or(9));
        }
        if chunks.is_empty() {
            out.push(b'0');
        }
    }
}

impl PartialOrd for Natural {
    fn partial_cmp(&self, other: &Natural) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Natural {
    fn cmp(&self, other: &Natural) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

/// Quotient and remainder of `u ÷ v` for `u ≥ v` and `v` of two or more
/// limbs with a nonzero top: Knuth's algorithm D (TAOCP 4.3.1), as written
/// in Hacker's Delight (`divmnu64`).
fn long_division(u: &[u32], v: &[u32]) -> (Natural, Natural) {
    let (m, n) = (u.len(), v.len());
    let top = |limbs: &[u32]| limbs.last().copied().unwrap_or(1);
    // Normalize: shift both left until the divisor's top bit is set.
    let s = top(v).leading_zeros();
    let shifted = |hi: u32, lo: u32| ((u64::from(hi) << s) | (u64::from(lo) >> (32 - s))) as u32;
    let mut vn = vec![0u32; n];
    for i in (1..n).rev() {
        vn[i] = shifted(v[i], v[i - 1]);
    }
    vn[0] = v[0] << s;
    let mut un = vec![0u32; m + 1];
    un[m] = (u64::from(u[m - 1]) >> (32 - s)) as u32;
    for i in (1..m).rev() {
        un[i] = shifted(u[i], u[i - 1]);
    }
    un[0] = u[0] << s;

    const BASE: u64 = 1 << 32;
    let (v1, v2) = (u64::from(vn[n - 1]), u64::from(vn[n - 2]));
    let mut q = vec![0u32; m - n + 1];
    for j in (0..=m - n).rev() {
        // Estimate the quotient digit from the top two limbs, then correct
        // it; it is at most one too large after this.
        let head = (u64::from(un[j + n]) << 32) | u64::from(un[j + n - 1]);
        let (mut qhat, mut rhat) = (head / v1, head % v1);
        while qhat >= BASE || qhat * v2 > ((rhat << 32) | u64::from(un[j + n - 2])) {
            qhat -= 1;
            rhat += v1;
            if rhat >= BASE {
                break;
            }
        }
        // Multiply and subtract.
        let mut borrow = 0i64;
        for i in 0..n {
            let p = qhat * u64::from(vn[i]);
            let t = i64::from(un[i + j]) - borrow - (p & 0xFFFF_FFFF) as i64;
            un[i + j] = t as u32;
            borrow = (p >> 32) as i64 - (t >> 32);
        }
        let t = i64::from(un[j + n]) - borrow;
        un[j + n] = t as u32;
        q[j] = qhat as u32;
        if t < 0 {
            // Subtracted once too often: add one divisor back.
            q[j] = q[j].wrapping_sub(1);
            let mut carry = 0u64;
            for i in 0..n {
                let sum = u64::from(un[i + j]) + u64::from(vn[i]) + carry;
                un[i + j] = sum as u32;
                carry = sum >> 32;
            }
            un[j + n] = un[j + n].wrapping_add(carry as u32);
        }
    }
    // Unnormalize the remainder.
    let mut r = vec![0u32; n];
    for i in 0..n - 1 {
        r[i] = ((u64::from(un[i]) >> s) | (u64::from(un[i + 1]) << (32 - s))) as u32;
    }
    r[n - 1] = un[n - 1] >> s;
    (Natural(q).trim(), Natural(r).trim())
}

/// Appends the decimal digits of `value`, zero-padded to at least `width`.
/// 128-bit division is a slow library call in Wasm: it splits off 19 digits
/// at a time, and the digits are written in 64 bits.
pub(crate) fn push_digits(out: &mut Vec<u8>, value: u128, width: usize) {
    const CHUNK: u128 = 10_000_000_000_000_000_000;
    if value >= CHUNK {
        push_digits(out, value / CHUNK, width.saturating_sub(19));
        push_digits(out, value % CHUNK, 19);
        return;
    }
    // Filled from the right; a u64 has at most 20 digits.
    let mut digits = [b'0'; 20];
    let mut first = digits.len();
    let mut narrow = value as u64;
    while narrow != 0 {
        first -= 1;
        digits[first] = b'0' + (narrow % 10) as u8;
        narrow /= 10;
    }
    let first = first.min(digits.len() - width.clamp(1, digits.len()));
    out.extend_from_slice(digits.get(first..).unwrap_or_default());
}

/// Greatest common divisor of two 64-bit numbers (binary); 0 only when both are 0.
pub(crate) fn gcd64(mut a: u64, mut b: u64) -> u64 {
    if a == 0 {
        return b;
    }
    if b == 0 {
        return a;
    }
    let shift = (a | b).trailing_zeros();
    a >>= a.trailing_zeros();
    loop {
        b >>= b.trailing_zeros();
        if a > b {
            std::mem::swap(&mut a, &mut b);
        }
        b -= a;
        if b == 0 {
            return a << shift;
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use num_bigint::BigUint;
    use proptest::prelude::*;

    fn reference(n: &Natural) -> BigUint {
        BigUint::from_slice(&n.0)
    }

    fn natural() -> impl Strategy<Value = Natural> {
        // Up to 12 limbs, often with zero or all-ones limbs, where carries
        // and borrows are most likely to go wrong.
        let limb = prop_oneof![Just(0u32), Just(u32::MAX), Just(1u32), any::<u32>()];
        proptest::collection::vec(limb, 0..12).prop_map(|limbs| Natural(limbs).trim())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn arithmetic_agrees_with_num_bigint(a in natural(), b in natural()) {
            let (x, y) = (reference(&a), reference(&b));
            prop_assert_eq!(reference(&a.add(&b)), &x + &y);
            prop_assert_eq!(reference(&a.mul(&b)), &x * &y);
            prop_assert_eq!(a.cmp(&b), x.cmp(&y));
            if x >= y {
                prop_assert_eq!(reference(&a.sub(&b)), &x - &y);
            }
            prop_assert_eq!(reference(&a.times(7_000_000)), &x * 7_000_000u32);
            if let Some((q, r)) = a.div_rem(&b) {
                prop_assert_eq!(reference(&q), &x / &y);
                prop_assert_eq!(reference(&r), &x % &y);
            } else {
                prop_assert!(b.is_zero());
            }
            prop_assert_eq!(reference(&a.gcd(&b)), num_integer_gcd(&x, &y));
            let mut digits = Vec::new();
            a.push_digits(&mut digits);
            prop_assert_eq!(String::from_utf8(digits).unwrap(), x.to_string());
        }

        #[test]
        fn small_divisors_agree_with_num_bigint(a in natural(), d in 1u64..) {
            let (q, r) = a.div_rem_small(d);
            let x = reference(&a);
            prop_assert_eq!(reference(&q), &x / d);
            prop_assert_eq!(BigUint::from(r), &x % d);
        }
    }

    /// Euclid's gcd over `num-bigint`, independent of the binary gcd above.
    fn num_integer_gcd(a: &BigUint, b: &BigUint) -> BigUint {
        let (mut a, mut b) = (a.clone(), b.clone());
        while b != BigUint::ZERO {
            let r = &a % &b;
            a = b;
            b = r;
        }
        a
    }

    #[test]
    fn long_division_adds_back_when_the_estimate_is_one_too_large() {
        // Hacker's Delight's test case for the rare add-back step.
        let u = Natural(vec![0, 0, 0x8000_0000, 0x7fff_ffff]);
        let v = Natural(vec![1, 0, 0x8000_0000]);
        let (q, r) = u.div_rem(&v).unwrap();
        assert_eq!(reference(&q), reference(&u) / reference(&v));
        assert_eq!(reference(&r), reference(&u) % reference(&v));
        assert_eq!(q, Natural(vec![0xffff_fffe]));
    }

    #[test]
    fn powers_of_ten_and_u128_round_trip() {
        assert_eq!(Natural::power_of_ten(30).to_u128(), Some(10u128.pow(30)));
        assert_eq!(Natural::from_u128(u128::MAX).to_u128(), Some(u128::MAX));
        assert_eq!(Natural::power_of_ten(39).to_u128(), None);
    }
}
