//! Text formatting shared by the headless outputs and the explorer: numbers (missing values
//! print as blanks, never `NaN`), signs, year-on-year changes and padding by display width.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Column alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text.
    Left,
    /// Numbers.
    Right,
}

/// A figure with three decimals, never `-0.000`.
pub fn fixed3(v: f64) -> String {
    fixed(v, 3)
}

/// A figure with `decimals` decimals, never negative zero; blank when the figure is missing
/// (not finite).
pub fn fixed(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return String::new();
    }
    let s = format!("{v:.decimals$}");
    if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') {
        s[1..].to_owned()
    } else {
        s
    }
}

/// A figure with as many decimals as its size needs: 142, 35.4, 0.45 (blank when missing).
pub fn figure(v: f64) -> String {
    let a = v.abs();
    fixed(
        v,
        if a >= 100.0 {
            0
        } else if a >= 10.0 {
            1
        } else {
            2
        },
    )
}

/// Year-on-year change in percent with one decimal and a sign, or blank without a prior year.
pub fn yoy(prev: Option<f64>, now: f64) -> String {
    match prev {
        Some(p) if p > 0.0 => signed((now / p - 1.0) * 100.0, 1),
        _ => String::new(),
    }
}

/// A figure with a sign and `decimals` decimals (`+1.5`, `-0.3`); blank when missing.
pub fn signed(v: f64, decimals: usize) -> String {
    let s = fixed(v, decimals);
    if s.is_empty() || s.starts_with('-') || s.chars().all(|c| c == '0' || c == '.') {
        s
    } else {
        format!("+{s}")
    }
}

/// Pads `s` to display width `w`.
pub fn pad(s: &str, w: usize, align: Align) -> String {
    let fill = " ".repeat(w.saturating_sub(s.width()));
    match align {
        Align::Left => format!("{s}{fill}"),
        Align::Right => format!("{fill}{s}"),
    }
}

/// A signed percentage (`+1.5%`), or `n/a` when the figure is missing.
pub fn percent_or_na(v: f64, decimals: usize) -> String {
    let s = signed(v, decimals);
    if s.is_empty() {
        "n/a".to_owned()
    } else {
        s + "%"
    }
}

/// Cuts `s` to `width` display columns, ending with `…` when cut.
pub fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_owned();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
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
        assert_eq!(fixed(f64::NAN, 2), "");
        assert_eq!(signed(1.25, 1), "+1.2");
        assert_eq!(signed(-0.01, 1), "0.0", "no sign on zero");
        assert_eq!(signed(f64::NAN, 1), "");
    }
}
