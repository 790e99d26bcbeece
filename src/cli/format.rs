//! Number formatting shared by the headless outputs.

/// A figure with three decimals, never `-0.000`.
pub fn fixed3(v: f64) -> String {
    fixed(v, 3)
}

/// A figure with `decimals` decimals, never negative zero.
pub fn fixed(v: f64, decimals: usize) -> String {
    let s = format!("{v:.decimals$}");
    if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') {
        s[1..].to_owned()
    } else {
        s
    }
}

/// Year-on-year change in percent with one decimal and a sign, or blank without a prior year.
pub fn yoy(prev: Option<f64>, now: f64) -> String {
    match prev {
        Some(p) if p > 0.0 => {
            let pct = (now / p - 1.0) * 100.0;
            let s = fixed(pct, 1);
            if s.starts_with('-') || s == "0.0" {
                s
            } else {
                format!("+{s}")
            }
        }
        _ => String::new(),
    }
}

/// Rounds for JSON output: enough precision for any use, no binary noise.
pub fn json_number(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(fixed3(-0.0001), "0.000");
        assert_eq!(fixed3(1.23456), "1.235");
        assert_eq!(yoy(Some(100.0), 110.0), "+10.0");
        assert_eq!(yoy(Some(100.0), 90.0), "-10.0");
        assert_eq!(yoy(None, 90.0), "");
        assert_eq!(json_number(0.1 + 0.2), 0.3);
    }
}
