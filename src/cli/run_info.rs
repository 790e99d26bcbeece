//! What a headless output was run with, stamped into the output itself.

use super::ProjectFormat;
use crate::params::Override;
use crate::scenario::Scenario;

/// What a headless output was run with: the scenario (id and name) and the `--set` overrides.
/// Recorded in every output so that a file on its own says what it shows.
#[derive(Debug, Clone, Default)]
pub struct RunInfo {
    /// Scenario id and display name.
    pub scenario: Option<(String, String)>,
    /// `--set` overrides, in order.
    pub overrides: Vec<Override>,
}

impl RunInfo {
    /// From a loaded scenario and the overrides.
    pub fn of(scenario: Option<&Scenario>, overrides: &[Override]) -> Self {
        Self {
            scenario: scenario.map(|s| (s.id.clone(), s.name.clone())),
            overrides: overrides.to_vec(),
        }
    }

    /// One line: `scenario "AI boom" (ai-boom); --set a=1 --set b=2`, or `None` for the
    /// baseline without overrides.
    pub fn line(&self) -> Option<String> {
        let mut parts = Vec::new();
        if let Some((id, name)) = &self.scenario {
            parts.push(format!("scenario \"{name}\" ({id})"));
        }
        if !self.overrides.is_empty() {
            let sets: Vec<String> = self
                .overrides
                .iter()
                .map(|o| format!("--set {}={}", o.id, o.value))
                .collect();
            parts.push(sets.join(" "));
        }
        (!parts.is_empty()).then(|| crate::data::sanitize(&parts.join("; ")))
    }

    /// `text` with the run recorded: a first line for tables, a `#` comment line for CSV (only
    /// when there is something to record, so the baseline's CSV stays plain), and `scenario`
    /// and `overrides` fields in JSON.
    pub fn stamp(&self, text: String, format: ProjectFormat) -> String {
        match format {
            ProjectFormat::Json => {
                let Ok(serde_json::Value::Object(mut doc)) =
                    serde_json::from_str::<serde_json::Value>(&text)
                else {
                    return text;
                };
                doc.insert(
                    "scenario".into(),
                    self.scenario.as_ref().map_or(
                        serde_json::Value::Null,
                        |(id, name)| serde_json::json!({ "id": id, "name": name }),
                    ),
                );
                doc.insert(
                    "overrides".into(),
                    self.overrides
                        .iter()
                        .map(|o| serde_json::json!({ "id": o.id, "value": o.value }))
                        .collect(),
                );
                serde_json::to_string_pretty(&serde_json::Value::Object(doc)).unwrap_or(text) + "\n"
            }
            // CSV is one header line and rows, always: a `#` line first made Python's csv
            // module and pandas read it as the header. The run is named in tables and JSON.
            ProjectFormat::Csv => text,
            ProjectFormat::Table => match self.line() {
                Some(l) => format!("Run with {l}\n{text}"),
                None => text,
            },
        }
    }
}
