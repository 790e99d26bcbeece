//! Charts and tables out of the terminal: the SVG is well-formed, holds one path per series and
//! names what was changed; the explorer's export writes both files, and its CSV is exactly what
//! `memcycle project` prints for the same settings.

mod common;

use memcycle::scenario::Store;
use memcycle::tui::Message;
use std::process::Command;

fn memcycle(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_memcycle"))
        .args(args)
        .output()
        .expect("run memcycle")
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("memcycle-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn chart_svg_is_well_formed_with_a_path_per_series() {
    let dir = temp_dir("svg");
    let out = dir.join("dram.svg");
    let o = memcycle(&[
        "chart",
        "--set",
        "smartphone.replacement_cycle=5",
        "--out",
        out.to_str().expect("utf-8 path"),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = std::fs::read_to_string(&out).expect("the SVG");
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    let series: Vec<&str> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("series"))
        .filter_map(|n| n.attribute("data-label"))
        .collect();
    // Stacked chart: the baseline ghost and the total; change pane: smartphones and the total.
    assert_eq!(
        series,
        ["baseline", "Total", "Smartphones", "Total"],
        "{text}"
    );
    let areas = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("area"))
        .count();
    assert_eq!(areas, 6, "one area per segment");
    let texts: Vec<&str> = doc.descendants().filter_map(|n| n.text()).collect();
    for wanted in [
        "smartphone.replacement_cycle 4.40 → 5.00",
        "DRAM demand (EB)",
        "2025",
        "150",
    ] {
        assert!(
            texts.iter().any(|t| t.contains(wanted)),
            "{wanted}: {texts:?}"
        );
    }
    let o = memcycle(&[
        "chart",
        "--chart",
        "price",
        "--out",
        out.to_str().expect("path"),
    ]);
    assert!(o.status.success());
    let text = std::fs::read_to_string(&out).expect("the SVG");
    roxmltree::Document::parse(&text).expect("well-formed XML");
    assert!(text.contains("DRAM price index"), "{text}");
}

#[test]
fn the_explorer_exports_the_chart_and_the_projection() {
    let dir = temp_dir("export");
    let mut a = common::app(120, 40).with_store(Store::new(Some(dir.join("scenarios"))));
    let i = common::index(&a, "smartphone.replacement_cycle");
    common::send(
        &mut a,
        &[Message::SelectIndex(i), Message::Step(6), Message::Export],
    );
    let status = a.status().clone().expect("a status");
    assert!(!status.error, "{status:?}");
    let files: Vec<std::path::PathBuf> = std::fs::read_dir(dir.join("exports"))
        .expect("the exports directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    let find = |ext: &str| {
        files
            .iter()
            .find(|p| p.extension().is_some_and(|e| e == ext))
            .unwrap_or_else(|| panic!("a .{ext} in {files:?}"))
    };
    let svg = std::fs::read_to_string(find("svg")).expect("svg");
    roxmltree::Document::parse(&svg).expect("well-formed XML");
    assert!(
        status.text.contains(".svg")
            && status.text.contains(".csv")
            && status.text.contains(".png"),
        "{status:?}"
    );
    // The PNG beside the SVG, for slide tools that take no SVG.
    let png = std::fs::read(find("png")).expect("png");
    assert_eq!(png_size(&png), Some((3200, 1800)));
    let csv = std::fs::read_to_string(find("csv")).expect("csv");
    let printed = memcycle(&[
        "project",
        "--set",
        "smartphone.replacement_cycle=5",
        "--format",
        "csv",
    ]);
    assert_eq!(
        common::data_rows(&csv),
        common::data_rows(&String::from_utf8_lossy(&printed.stdout))
    );
}

/// Exports never overwrite each other or fail on a long name: two exports in the same second
/// get `-2`; the name says `-modified` when the settings differ from the scenario; a
/// 10,000-character scenario name is shortened (it failed with "File name too long"); what an
/// export killed halfway left behind (`.NAME.svg.PID.tmp`, PID gone) is removed.
#[test]
fn exports_keep_apart_stay_short_and_clean_up() {
    let dir = temp_dir("export-names");
    let exports = dir.join("exports");
    std::fs::create_dir_all(&exports).expect("dir");
    let stale = exports.join(".old.svg.999999999.tmp");
    std::fs::write(&stale, "half").expect("stale temp file");
    let setup = memcycle::setup::Setup::load(None, None).expect("data");
    let params = setup.catalog.baseline().clone();
    let long = "Very long scenario name ".repeat(420);
    let mut a = memcycle::tui::App::new(
        setup,
        params,
        &long,
        memcycle::tui::Theme::new(false, ratatui::symbols::Marker::Braille),
    )
    .with_store(Store::new(Some(dir.join("scenarios"))));
    common::send(
        &mut a,
        &[Message::Resize(ratatui::layout::Size::new(120, 40))],
    );
    let i = common::index(&a, "smartphone.replacement_cycle");
    common::send(&mut a, &[Message::SelectIndex(i), Message::Step(1)]);
    // An export of this second and the next two is already there: the next one must not
    // overwrite it, whatever second it lands in.
    let stem = "very-long-scenario-name-very-long-scenar-modified-dram-";
    let now = chrono::Local::now();
    for k in 0..3 {
        let t = (now + chrono::Duration::seconds(k)).format("%Y%m%d-%H%M%S");
        std::fs::write(exports.join(format!("{stem}{t}.svg")), "earlier").expect("earlier export");
    }
    common::send(&mut a, &[Message::Export, Message::Export]);
    let status = a.status().clone().expect("a status");
    assert!(!status.error, "{status:?}");
    let mut names: Vec<String> = std::fs::read_dir(&exports)
        .expect("exports")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    names.sort();
    assert_eq!(
        names.len(),
        9,
        "three earlier SVGs, two exports of three files (SVG, PNG, CSV): {names:?}"
    );
    assert!(
        !stale.exists(),
        "the stale temporary file is gone: {names:?}"
    );
    for n in &names {
        assert!(n.len() < 100, "{n}");
        assert!(
            n.starts_with("very-long-scenario-name") && n.contains("-modified-"),
            "{n}"
        );
    }
    assert!(names.iter().any(|n| n.ends_with("-2.svg")), "{names:?}");
    let earlier = names
        .iter()
        .filter(|n| std::fs::read_to_string(exports.join(n)).is_ok_and(|t| t == "earlier"))
        .count();
    assert_eq!(earlier, 3, "no earlier export was overwritten");
    // The save prompt proposes a name within its 60-character limit.
    let proposed = memcycle::tui::update::session::proposed_name(&a);
    assert!(
        !proposed.is_empty() && proposed.chars().count() <= 60,
        "{proposed}"
    );
}

/// Width and height of a PNG (from its IHDR chunk), if it is one.
fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    if png.len() < 24 || &png[..8] != b"\x89PNG\r\n\x1a\n" || &png[12..16] != b"IHDR" {
        return None;
    }
    let be = |i: usize| u32::from_be_bytes([png[i], png[i + 1], png[i + 2], png[i + 3]]);
    Some((be(16), be(20)))
}

/// `chart --out FILE.png` writes a PNG (it wrote SVG text into the .png), twice the SVG's size
/// in pixels with text drawn from the embedded font; `.svg` in any case writes SVG; another
/// extension is refused and nothing is written.
#[test]
fn chart_writes_png_or_svg_by_the_file_name() {
    let dir = temp_dir("chart-png");
    let png_path = dir.join("price.png");
    let o = memcycle(&[
        "chart",
        "--chart",
        "price",
        "--out",
        png_path.to_str().expect("utf-8"),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let png = std::fs::read(&png_path).expect("png");
    assert_eq!(png_size(&png), Some((3200, 1800)));
    // Not a blank canvas: the bytes of a white 3200x1800 image compress to a few kB.
    assert!(png.len() > 20_000, "{} bytes", png.len());
    let svg_path = dir.join("price.SVG");
    let o = memcycle(&["chart", "--out", svg_path.to_str().expect("utf-8")]);
    assert!(o.status.success());
    let svg = std::fs::read_to_string(&svg_path).expect("svg");
    roxmltree::Document::parse(&svg).expect("well-formed XML");
    let jpg = dir.join("price.jpg");
    let o = memcycle(&["chart", "--out", jpg.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("expected a file name ending in .svg or .png")
    );
    assert!(!jpg.exists());
}

/// SVG with three pins and eight changes stays on its canvas (issue 20 item 9): every legend
/// item and text starts inside it, no subtitle line is longer than the canvas holds, and a
/// series without figures for some history years (sufficiency) is broken there, not drawn
/// straight across.
#[test]
fn svg_with_pins_and_many_changes_fits_its_canvas() {
    use memcycle::tui::state::app::ChartKind;
    let mut a = common::app(120, 40);
    let ids = [
        "smartphone.replacement_cycle",
        "pc.replacement_cycle",
        "tablet.replacement_cycle",
        "server.replacement_cycle",
        "ai_server.base_growth",
        "smartphone.dram_content_growth",
        "pc.dram_content_growth",
        "dram.supply_growth",
    ];
    for (k, id) in ids.iter().enumerate() {
        let i = common::index(&a, id);
        common::send(&mut a, &[Message::SelectIndex(i), Message::Step(3)]);
        if k < 3 {
            common::send(&mut a, &[Message::Pin]);
        }
    }
    for chart in [ChartKind::Dram, ChartKind::Balance] {
        common::send(&mut a, &[Message::Chart(chart)]);
        let svg = memcycle::chart::svg::chart_svg(&a.scene());
        let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
        for node in doc
            .descendants()
            .filter(|n| n.has_tag_name("rect") || n.has_tag_name("text"))
        {
            let x: f64 = node.attribute("x").unwrap_or("0").parse().expect("x");
            assert!((0.0..1600.0).contains(&x), "{chart:?}: {node:?} at x = {x}");
            if node.has_tag_name("text") && node.attribute("font-size") == Some("22") {
                let chars = node.text().unwrap_or("").chars().count() as f64;
                assert!(
                    x + chars * 12.5 <= 1600.0,
                    "subtitle line runs off: {:?}",
                    node.text()
                );
            }
        }
        if chart == ChartKind::Balance {
            let sufficiency = doc
                .descendants()
                .find(|n| {
                    n.attribute("data-label")
                        .is_some_and(|l| l.starts_with("Sufficiency"))
                })
                .expect("a sufficiency line");
            let d = sufficiency.attribute("d").expect("path");
            assert!(d.matches('M').count() > 1, "broken where unpublished: {d}");
        }
    }
}

/// The handout (issue 20 item 11): `memcycle report` writes one self-contained page with the
/// scenario, what changed (baseline -> now), four charts as inline SVG, the year table, the
/// sources behind the changes and the command that reproduces it; nothing is fetched from
/// elsewhere. Parsed as XML (every element is closed).
#[test]
fn the_handout_holds_everything_and_fetches_nothing() {
    let dir = temp_dir("report");
    let out = dir.join("ai.html");
    let o = memcycle(&[
        "report",
        "--scenario",
        "ai-boom",
        "--set",
        "smartphone.replacement_cycle=5",
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = std::fs::read_to_string(&out).expect("html");
    let doc = roxmltree::Document::parse_with_options(
        &html,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..roxmltree::ParsingOptions::default()
        },
    )
    .expect("every element closed");
    let text_of = |tag: &str| -> Vec<String> {
        doc.descendants()
            .filter(|n| n.tag_name().name() == tag)
            .map(|n| {
                n.descendants()
                    .filter(roxmltree::Node::is_text)
                    .filter_map(|t| t.text())
                    .collect::<String>()
            })
            .collect()
    };
    assert_eq!(text_of("h1"), ["AI boom"]);
    assert_eq!(
        doc.descendants()
            .filter(|n| n.tag_name().name() == "svg")
            .count(),
        4,
        "DRAM, NAND, supply/demand and price"
    );
    let cells = text_of("td").join("|");
    assert!(
        cells.contains("smartphone.replacement_cycle|Replacement cycle|4.40|5.00"),
        "{cells}"
    );
    assert!(
        cells.contains("ai_server.base_growth"),
        "the scenario's own change: {cells}"
    );
    let pre = text_of("pre").join("\n");
    assert!(
        pre.contains("--set smartphone.replacement_cycle=5"),
        "{pre}"
    );
    assert!(pre.contains("--set ai_server.base_growth="), "{pre}");
    let items = text_of("li").join("\n");
    assert!(items.contains("TrendForce"), "the sources: {items}");
    for n in doc.descendants() {
        for attr in ["src", "href"] {
            assert!(n.attribute(attr).is_none(), "nothing fetched: {n:?}");
        }
    }
}

/// The handout opens in a browser: headless Chromium renders it to a DOM with the four charts.
/// Skips (with a message) when no Chromium is installed.
#[test]
fn the_handout_opens_in_a_headless_browser() {
    let Some(browser) = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
    else {
        eprintln!("skipped: no chromium, chromium-browser or google-chrome on PATH");
        return;
    };
    let dir = temp_dir("report-browser");
    let out = dir.join("baseline.html");
    assert!(
        memcycle(&["report", "--out", out.to_str().expect("utf-8")])
            .status
            .success()
    );
    let dom = Command::new(browser)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom"])
        .arg(format!("file://{}", out.display()))
        .output()
        .expect("run the browser");
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(dom.contains("<h1>Baseline</h1>"), "{dom}");
    assert_eq!(dom.matches("<svg").count(), 4, "{dom}");
}

/// `E` in the explorer writes the handout into the exports directory and names it.
#[test]
fn the_explorer_writes_the_handout() {
    let dir = temp_dir("report-key");
    let mut a = common::app(120, 40).with_store(Store::new(Some(dir.join("scenarios"))));
    common::send(&mut a, &[Message::Report]);
    let status = a.status().clone().expect("a status");
    assert!(
        !status.error && status.text.contains("handout"),
        "{status:?}"
    );
    let files: Vec<String> = std::fs::read_dir(dir.join("exports"))
        .expect("exports")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    assert!(
        files.len() == 1
            && files[0].starts_with("baseline-handout-")
            && files[0].ends_with(".html"),
        "{files:?}"
    );
}

/// `memcycle chart` and `report` draw from the settings alone ([`Standalone`]), without the
/// explorer's state: what they write is what the explorer, opened on the same settings, exports.
#[test]
fn the_command_line_draws_what_the_explorer_opens_on() {
    use memcycle::chart::kind::ChartKind;
    use memcycle::chart::scene::Standalone;
    let setup = memcycle::setup::Setup::load(None, None).expect("built-in data");
    let mut params = setup.catalog.baseline().clone();
    let cycle = setup
        .catalog
        .specs()
        .iter()
        .position(|s| s.id == "smartphone.replacement_cycle")
        .expect("the smartphone cycle");
    setup.catalog.set(&mut params, cycle, 5.0);
    for settings in [setup.catalog.baseline().clone(), params] {
        let alone = Standalone::new(setup.clone(), settings.clone(), None);
        for chart in ChartKind::ALL {
            let app = memcycle::tui::App::new(
                setup.clone(),
                settings.clone(),
                "Baseline",
                memcycle::tui::Theme::new(true, ratatui::symbols::Marker::Braille),
            )
            .with_chart(chart);
            assert_eq!(
                memcycle::chart::svg::chart_svg(&alone.scene(chart)),
                memcycle::chart::svg::chart_svg(&app.scene()),
                "{chart:?}"
            );
        }
        let strip_time =
            |html: String| html.split(" · written ").nth(1).map(|t| t[16..].to_owned());
        assert_eq!(
            strip_time(memcycle::chart::handout::report_html(
                &alone.scene(ChartKind::Dram)
            )),
            strip_time(memcycle::chart::handout::report_html(
                &memcycle::tui::App::new(
                    setup.clone(),
                    settings.clone(),
                    "Baseline",
                    memcycle::tui::Theme::new(true, ratatui::symbols::Marker::Braille),
                )
                .scene()
            ))
        );
    }
}

/// Figures after the base year are exported as the screen shows them: dots apart from the
/// model's line, named "published estimate" for the year in progress and "observed" in
/// backtest mode.
#[test]
fn observed_and_estimated_figures_are_exported_as_dots() {
    use memcycle::chart::kind::ChartKind;
    use memcycle::chart::scene::Standalone;
    let dots = |base: Option<i32>, chart: ChartKind| -> Vec<(String, usize)> {
        let setup = memcycle::setup::Setup::load(None, base).expect("built-in data");
        let params = setup.catalog.baseline().clone();
        let svg =
            memcycle::chart::svg::chart_svg(&Standalone::new(setup, params, None).scene(chart));
        let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
        doc.descendants()
            .filter(|n| n.attribute("class") == Some("dots"))
            .map(|g| {
                let label = g.attribute("data-label").unwrap_or_default().to_owned();
                (
                    label,
                    g.children().filter(|c| c.has_tag_name("circle")).count(),
                )
            })
            .collect()
    };
    // From the end of 2025: the published estimate of 2026's DRAM bits.
    assert_eq!(
        dots(None, ChartKind::Dram),
        [("published estimate".to_owned(), 1)]
    );
    // From 2020: what happened in 2021-2025, and the 2026 estimate.
    assert_eq!(
        dots(Some(2020), ChartKind::Dram),
        [("observed".to_owned(), 6)]
    );
    // The price of the year in progress is the room's question: published revenue over bits.
    assert_eq!(
        dots(None, ChartKind::Price),
        [
            ("published estimate".to_owned(), 1),
            ("published estimate".to_owned(), 1)
        ],
        "revenue and price per bit"
    );
    let price = dots(Some(2020), ChartKind::Price);
    assert_eq!(
        price,
        [("observed".to_owned(), 6), ("observed".to_owned(), 6)],
        "revenue and price per bit"
    );
}
