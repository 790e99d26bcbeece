//! The README's command examples are true: every `$ memcycle ...` line in a text block is run,
//! and the lines shown under it must appear in its output (stdout then stderr), in order;
//! `...` stands for lines left out.

use std::process::Command;

/// (command arguments, expected lines) for every example in the README.
fn examples(readme: &str) -> Vec<(Vec<String>, Vec<String>)> {
    let mut out: Vec<(Vec<String>, Vec<String>)> = Vec::new();
    let mut in_block = false;
    // Index of the example the current block's lines belong to; none until a `$` line.
    let mut current: Option<usize> = None;
    for line in readme.lines() {
        if line.starts_with("```") {
            in_block = line == "```text" && !in_block;
            current = None;
            continue;
        }
        if !in_block {
            continue;
        }
        if let Some(cmd) = line.strip_prefix("$ memcycle") {
            let args = cmd.split_whitespace().map(str::to_owned).collect();
            out.push((args, Vec::new()));
            current = Some(out.len() - 1);
        } else if let Some(i) = current
            && line.trim() != "..."
        {
            out[i].1.push(line.trim_end().to_owned());
        }
    }
    out
}

#[test]
fn every_readme_example_matches_the_binary() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let examples = examples(&readme);
    assert!(examples.len() >= 10, "{} examples", examples.len());
    for (args, expected) in examples {
        let o = Command::new(env!("CARGO_BIN_EXE_memcycle"))
            .args(&args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("run memcycle");
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        let mut lines = text.lines().map(str::trim_end);
        for want in &expected {
            assert!(
                lines.any(|l| l == want),
                "`memcycle {}`: the README shows\n{want}\nwhich is not in the output (in order):\n{text}",
                args.join(" ")
            );
        }
    }
}

/// Every key the README's key table names is bound in the explorer's one key table (the table
/// the keymap dispatches from and the help page draws).
#[test]
fn every_readme_key_is_in_the_key_table() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let bound: Vec<String> = memcycle::tui::input::keys::rows()
        .flat_map(|r| r.presses.iter().map(|(chord, _)| chord.name()))
        .collect();
    let rows: Vec<&str> = readme
        .lines()
        .skip_while(|l| !l.starts_with("| Keys |"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .collect();
    assert!(rows.len() >= 20, "README key table: {} rows", rows.len());
    for row in rows {
        let keys = row.split('|').nth(1).unwrap_or_default();
        for key in keys.split('`').skip(1).step_by(2) {
            assert!(
                bound.iter().any(|b| b == key),
                "README key `{key}` (row {row}) is not in the key table: {bound:?}"
            );
        }
    }
}
