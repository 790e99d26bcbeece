//! Sharing settings: the command line and the scenario file that reproduce them, and the OSC 52
//! escape sequence that puts text on the clipboard of the terminal (also over ssh).

use super::to_toml;
use crate::params::Override;
use crate::units::Year;
use ratatui::crossterm::Command as _;
use ratatui::crossterm::clipboard::CopyToClipboard;

/// The command line that opens the explorer on these settings (from `base_year` when it is
/// not the data's default).
pub fn command_line(base_year: Option<Year>, overrides: &[Override]) -> String {
    let mut out = String::from("memcycle");
    if let Some(year) = base_year {
        out.push_str(&format!(" --base-year {year}"));
    }
    for o in overrides {
        out.push_str(&format!(
            " --set {}={}",
            o.id,
            super::file::clean_number(o.value)
        ));
    }
    out
}

/// What `y` copies and `memcycle share` prints: the command line (as a comment) and the
/// scenario file, together valid TOML, so the whole text can be piped into `--scenario -`.
pub fn share_text(
    name: &str,
    description: &str,
    sources: &[String],
    base_year: Option<Year>,
    overrides: &[Override],
) -> String {
    format!(
        "# command line:\n# {}\n# scenario file (save as NAME.toml in the scenarios directory, or pipe into --scenario -):\n{}",
        command_line(base_year, overrides),
        to_toml(name, description, sources, base_year, overrides)
    )
}

/// The OSC 52 sequence that copies `text` to the system clipboard: `ESC ] 52 ; c ; <base64>
/// ESC \\` (crossterm's, ended by the string terminator).
pub fn osc52(text: &str) -> String {
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = CopyToClipboard::to_clipboard_from(text).write_ansi(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_osc52_sequence_is_exact() {
        assert_eq!(
            osc52("memcycle --set a=1"),
            "\u{1b}]52;c;bWVtY3ljbGUgLS1zZXQgYT0x\u{1b}\\"
        );
    }

    #[test]
    fn the_command_line_sets_each_override() {
        let o = [
            Override {
                id: "smartphone.replacement_cycle".into(),
                value: 3.9000000000000004,
            },
            Override {
                id: "dram.production_cut".into(),
                value: 10.0,
            },
        ];
        assert_eq!(
            command_line(None, &o),
            "memcycle --set smartphone.replacement_cycle=3.9 --set dram.production_cut=10"
        );
        assert_eq!(
            command_line(Some(2019), &o[1..]),
            "memcycle --base-year 2019 --set dram.production_cut=10"
        );
    }
}
