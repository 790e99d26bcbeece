//! The library's modules depend on each other one way: each top-level module imports only
//! those of the layers below it ([`LAYERS`]), and there is no import cycle between top-level
//! modules (`data`, `model`, `params`, `tui`, ...) nor between the files inside one. Dependencies are read
//! from the source: `use` items and inline `crate::`/`super::` paths, resolved to the file that
//! defines the module. A `mod.rs` declaring or re-exporting its own children is not counted as
//! depending on them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Module = Vec<String>;

/// Every file module under `src` (the library only: `main.rs` is the binary), with its source.
fn modules() -> BTreeMap<Module, String> {
    fn walk(dir: &Path, prefix: &[String], out: &mut BTreeMap<Module, String>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("read src")
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for path in entries {
            let name = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_owned();
            if path.is_dir() {
                let mut p = prefix.to_vec();
                p.push(name);
                walk(&path, &p, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let module = match name.as_str() {
                    "mod" | "lib" => prefix.to_vec(),
                    "main" if prefix.is_empty() => continue,
                    _ => [prefix, &[name]].concat(),
                };
                let text = std::fs::read_to_string(&path).expect("read module");
                out.insert(module, text);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &[],
        &mut out,
    );
    out
}

/// The paths a `use` tree names, with braces expanded (`a::{b, c::d}` -> `a::b`, `a::c::d`).
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        return vec![tree.to_owned()];
    };
    let (head, body) = (
        &tree[..open],
        &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())],
    );
    let (mut parts, mut depth, mut start) = (Vec::new(), 0, 0);
    for (i, c) in body.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&body[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&body[start..]);
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .flat_map(|p| expand(&format!("{head}{}", p.trim())))
        .collect()
}

/// Every `crate::`/`super::`/`self::` path in `text`, from `use` items and inline paths.
fn paths(text: &str) -> Vec<String> {
    let code: String = text
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = Vec::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("use ") {
        let item = &rest[at + 4..];
        let end = item.find(';').unwrap_or(item.len());
        let before = rest[..at].chars().last();
        if before.is_none_or(char::is_whitespace) {
            out.extend(expand(&item[..end].replace(char::is_whitespace, "")));
        }
        rest = &item[end..];
    }
    for start in ["crate::", "super::"] {
        for (at, _) in code.match_indices(start) {
            if code[..at]
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
            {
                continue;
            }
            let path: String = code[at..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            out.push(path);
        }
    }
    out
}

/// The file module a path written in module `from` refers to: the longest known module prefix
/// of the resolved path.
fn resolve(from: &Module, path: &str, known: &BTreeSet<Module>) -> Option<Module> {
    let mut segments = path.split("::").filter(|s| !s.is_empty());
    let mut base: Module = from.clone();
    let mut resolved: Module = match segments.next()? {
        "crate" => Vec::new(),
        "super" => {
            base.pop();
            base
        }
        "self" => base,
        _ => return None,
    };
    for s in segments {
        match s {
            "super" => {
                resolved.pop();
            }
            _ => resolved.push(s.to_owned()),
        }
    }
    (0..=resolved.len())
        .rev()
        .map(|n| resolved[..n].to_vec())
        .find(|m| known.contains(m))
}

/// Dependency edges between file modules, without a module's edges to its own descendants.
fn edges() -> BTreeMap<Module, BTreeSet<Module>> {
    let modules = modules();
    let known: BTreeSet<Module> = modules.keys().cloned().collect();
    let mut out: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (module, text) in &modules {
        for path in paths(text) {
            if let Some(target) = resolve(module, &path, &known)
                && &target != module
                && !target.starts_with(module)
            {
                out.entry(module.clone()).or_default().insert(target);
            }
        }
    }
    out
}

/// A cycle in `graph`, if there is one, as the modules along it.
fn cycle<N: Ord + Clone>(graph: &BTreeMap<N, BTreeSet<N>>) -> Option<Vec<N>> {
    fn visit<N: Ord + Clone>(
        n: &N,
        graph: &BTreeMap<N, BTreeSet<N>>,
        stack: &mut Vec<N>,
        done: &mut BTreeSet<N>,
    ) -> Option<Vec<N>> {
        if let Some(at) = stack.iter().position(|s| s == n) {
            let mut c = stack[at..].to_vec();
            c.push(n.clone());
            return Some(c);
        }
        if done.contains(n) {
            return None;
        }
        stack.push(n.clone());
        for next in graph.get(n).into_iter().flatten() {
            if let Some(c) = visit(next, graph, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(n.clone());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|n| visit(n, graph, &mut Vec::new(), &mut done))
}

fn show(c: &[Module]) -> String {
    c.iter()
        .map(|m| m.join("::"))
        .collect::<Vec<_>>()
        .join(" -> ")
}

#[test]
fn no_import_cycle_between_files() {
    let graph = edges();
    assert!(graph.len() > 20, "read too few modules: {}", graph.len());
    if let Some(c) = cycle(&graph) {
        panic!("import cycle: {}", show(&c));
    }
}

#[test]
fn no_import_cycle_between_top_level_modules() {
    let mut top: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (from, targets) in edges() {
        for to in targets {
            let (a, b) = (
                from[..from.len().min(1)].to_vec(),
                to[..to.len().min(1)].to_vec(),
            );
            if a != b && !a.is_empty() && !b.is_empty() {
                top.entry(a).or_default().insert(b);
            }
        }
    }
    if let Some(c) = cycle(&top) {
        panic!("import cycle between layers: {}", show(&c));
    }
}

#[test]
fn the_reader_sees_a_known_dependency() {
    let graph = edges();
    let chart = vec!["tui".to_owned(), "view".to_owned(), "chart".to_owned()];
    let data = vec!["chart".to_owned(), "data".to_owned()];
    assert!(graph[&chart].contains(&data), "{:?}", graph.get(&chart));
    assert_eq!(
        expand("a::{b, c::{d, e}}"),
        vec!["a::b", "a::c::d", "a::c::e"]
    );
}

/// The library's layers, bottom first: a module imports only modules of lower layers. A new
/// top-level module takes its place here.
const LAYERS: [&[&str]; 11] = [
    &["units", "format"],
    &["data"],
    &["model", "config"],
    // Writers of SVG, PNG and CSV from plain series, below everything that exports.
    &["export"],
    &["params"],
    &["scenario"],
    &["setup"],
    &["backtest"],
    &["insight"],
    // The chart model, its SVG and the handout: below the explorer and the command line,
    // which both draw from it.
    &["chart"],
    // The two front ends, side by side: neither imports the other (the command line never
    // builds the explorer's state).
    &["tui", "cli"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// Every dependency between two top-level modules goes down the declared layers.
fn upward_imports(graph: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<String> {
    let mut out = Vec::new();
    for (from, targets) in graph {
        for to in targets {
            let (Some(a), Some(b)) = (from.first(), to.first()) else {
                continue;
            };
            if a == b {
                continue;
            }
            match (layer_of(a), layer_of(b)) {
                (Some(la), Some(lb)) if lb < la => {}
                (Some(_), Some(_)) => out.push(format!(
                    "{} imports {}, a layer not below it",
                    from.join("::"),
                    to.join("::")
                )),
                _ => out.push(format!(
                    "{} or {} is in no layer of LAYERS",
                    from.join("::"),
                    to.join("::")
                )),
            }
        }
    }
    out
}

#[test]
fn every_import_goes_down_the_declared_layers() {
    let graph = edges();
    let wrong = upward_imports(&graph);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // Every top-level module has its layer.
    for module in modules().keys().filter_map(|m| m.first()) {
        assert!(
            layer_of(module).is_some(),
            "{module} is in no layer of LAYERS"
        );
    }
}

/// Outside the explorer's `view/`, nothing imports the view: state, update and the exporters
/// draw from the chart model below it (`chart/`), and the loop draws through the App's
/// `Widget` implementation.
#[test]
fn only_the_view_imports_the_view() {
    let view = vec!["tui".to_owned(), "view".to_owned()];
    let wrong: Vec<String> = edges()
        .into_iter()
        .filter(|(from, _)| !from.starts_with(&view))
        .flat_map(|(from, targets)| {
            targets
                .into_iter()
                .filter(|to| to.starts_with(&view))
                .map(move |to| format!("{} imports {}", from.join("::"), to.join("::")))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
