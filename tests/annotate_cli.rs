//! The annotation commands run as a real process: exit codes, the JSON contract, recovery
//! messages, and a writer killed mid-save.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::thread;

use margent::annotations::sidecar::{self, recovery_path, sidecar_path};

const ARTICLE: &str = "Rents rose by a fifth. The council says supply is the answer.\n\n\
    Critics say the answer is slower. The answer matters to families.\n";

struct Fixture {
    folder: tempfile::TempDir,
    article: PathBuf,
}

impl Fixture {
    fn new() -> Self {
        let folder = tempfile::tempdir().unwrap();
        let article = folder.path().join("article.txt");
        fs::write(&article, ARTICLE).unwrap();
        Fixture { folder, article }
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_margent"));
        command
            .args(args)
            .env("MARGENT_DATA_DIR", self.folder.path().join("data"))
            .stdin(Stdio::null());
        command
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    fn path(&self) -> &str {
        self.article.to_str().unwrap()
    }
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn annotate_then_list_as_json_follows_the_contract() {
    // Other tools read this JSON: every key must be there, offsets in characters.
    let fixture = Fixture::new();
    let added = fixture.run(&[
        "annotate",
        fixture.path(),
        "--quote",
        "supply is the answer",
        "--tag",
        "claim",
        "--note",
        "first\nsecond",
    ]);
    assert!(added.status.success(), "{}", stderr(&added));
    let id = stdout(&added).trim().to_owned();
    let listed = fixture.run(&["annotations", fixture.path(), "--format", "json"]);
    assert!(listed.status.success(), "{}", stderr(&listed));
    let json: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    let entry = &json["annotations"][0];
    for key in [
        "id",
        "kind",
        "tag",
        "note",
        "quote",
        "start",
        "end",
        "status",
        "confidence",
        "created",
        "updated",
    ] {
        assert!(entry.get(key).is_some(), "missing {key} in {entry}");
    }
    assert_eq!(entry["id"], id.as_str());
    assert_eq!(entry["kind"], "highlight");
    assert_eq!(entry["tag"], "claim");
    assert_eq!(entry["note"], "first\nsecond");
    assert_eq!(entry["status"], "exact");
    let start = ARTICLE.find("supply is").unwrap();
    assert_eq!(entry["start"], start);
    assert_eq!(entry["end"], start + "supply is the answer".len());
}

#[test]
fn positions_and_status_follow_an_edited_article() {
    // After the article is edited, the listing reports where each highlight is now and how
    // sure that is; a vanished passage is reported orphaned with null offsets.
    let fixture = Fixture::new();
    for quote in ["Critics say the answer is slower", "Rents rose by a fifth"] {
        let output = fixture.run(&["annotate", fixture.path(), "--quote", quote]);
        assert!(output.status.success(), "{}", stderr(&output));
    }
    let edited = ARTICLE
        .replace("Rents rose by a fifth. ", "")
        .replace("Critics say", "Critics sya");
    fs::write(&fixture.article, format!("Écrit à Paris.\n\n{edited}")).unwrap();
    let listed = fixture.run(&["annotations", fixture.path(), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    let entries = json["annotations"].as_array().unwrap();
    let fuzzy = &entries[0];
    assert_eq!(fuzzy["status"], "fuzzy");
    assert!(fuzzy["confidence"].as_f64().unwrap() > 0.8);
    let text = format!("Écrit à Paris.\n\n{edited}");
    let start = text[..text.find("Critics sya").unwrap()].chars().count();
    assert_eq!(fuzzy["start"], start);
    let orphan = &entries[1];
    assert_eq!(orphan["status"], "orphaned");
    assert!(orphan["start"].is_null() && orphan["end"].is_null());
    let text_listing = stdout(&fixture.run(&["annotations", fixture.path()]));
    assert!(text_listing.contains("orphaned"), "{text_listing}");
    assert!(text_listing.contains("fuzzy 0.9"), "{text_listing}");
}

#[test]
fn missing_and_ambiguous_quotes_are_clear_errors() {
    // Scripts must tell "not there" from "say which one" by exit code alone.
    let fixture = Fixture::new();
    let missing = fixture.run(&["annotate", fixture.path(), "--quote", "not in it"]);
    assert_eq!(missing.status.code(), Some(20));
    assert_eq!(stderr(&missing).lines().count(), 1, "{}", stderr(&missing));
    let ambiguous = fixture.run(&["annotate", fixture.path(), "--quote", "answer"]);
    assert_eq!(ambiguous.status.code(), Some(21));
    assert!(
        stderr(&ambiguous).contains("3 times"),
        "{}",
        stderr(&ambiguous)
    );
    let chosen = fixture.run(&[
        "annotate",
        fixture.path(),
        "--quote",
        "answer",
        "--occurrence",
        "3",
    ]);
    assert!(chosen.status.success(), "{}", stderr(&chosen));
    let past = fixture.run(&[
        "annotate",
        fixture.path(),
        "--quote",
        "answer",
        "--occurrence",
        "4",
    ]);
    assert_eq!(past.status.code(), Some(20));
    assert!(
        !sidecar::parse(&fs::read_to_string(sidecar_path(&fixture.article)).unwrap())
            .unwrap()
            .annotations
            .is_empty()
    );
}

#[test]
fn a_tag_name_breaking_the_shared_rules_is_a_usage_error() {
    // The command line names tags by the same rules as `:tag` and config.toml; an empty or
    // control-character name must not slip into the sidecar as "no tag".
    let fixture = Fixture::new();
    for bad in ["  ", "a\tb"] {
        let output = fixture.run(&[
            "annotate",
            fixture.path(),
            "--quote",
            "Rents rose",
            "--tag",
            bad,
        ]);
        assert_eq!(output.status.code(), Some(2), "{bad:?}");
        assert!(stderr(&output).contains("--tag"), "{}", stderr(&output));
        assert!(!sidecar_path(&fixture.article).exists());
    }
    let output = fixture.run(&[
        "annotate",
        fixture.path(),
        "--quote",
        "Rents rose",
        "--tag",
        " Claim ",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let listed = stdout(&fixture.run(&["annotations", fixture.path()]));
    assert!(listed.contains("claim"), "{listed}");
}

#[test]
fn remove_deletes_by_id_and_rejects_unknown_ids() {
    // Removal is by the id the listing shows; a typo must not silently succeed.
    let fixture = Fixture::new();
    let added = fixture.run(&["annotate", fixture.path(), "--quote", "Rents rose"]);
    let id = stdout(&added).trim().to_owned();
    let unknown = fixture.run(&["annotations", fixture.path(), "--remove", "zzzz"]);
    assert_eq!(unknown.status.code(), Some(22));
    let removed = fixture.run(&["annotations", fixture.path(), "--remove", &id]);
    assert!(removed.status.success(), "{}", stderr(&removed));
    let listed = fixture.run(&["annotations", fixture.path(), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(json["annotations"].as_array().unwrap().len(), 0);
}

#[test]
fn a_corrupt_sidecar_is_reported_with_line_and_column_and_left_alone() {
    // The message must say where the file is broken and where the new work went.
    let fixture = Fixture::new();
    let path = sidecar_path(&fixture.article);
    let broken = "version = 1\nsource = \"article.txt\"\nfingerprint = \"x\"\nstray\n";
    fs::write(&path, broken).unwrap();
    let output = fixture.run(&["annotate", fixture.path(), "--quote", "Rents rose"]);
    assert_eq!(output.status.code(), Some(23));
    let message = stderr(&output);
    assert!(message.contains("line 4, column"), "{message}");
    assert!(message.contains("article.txt.margent.toml"), "{message}");
    let recovery = recovery_path(&fixture.article);
    assert!(
        message.contains(&recovery.display().to_string()),
        "{message}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), broken);
    let id = stdout(&output).trim().to_owned();
    let recovered = sidecar::parse(&fs::read_to_string(&recovery).unwrap()).unwrap();
    assert!(recovered.annotations.iter().any(|a| a.id.as_str() == id));
    let listed = fixture.run(&["annotations", fixture.path()]);
    assert_eq!(listed.status.code(), Some(23));
}

/// Ids of the annotations in the sidecar; panics when it does not parse.
fn sidecar_ids(path: &Path) -> Vec<String> {
    let Ok(text) = fs::read_to_string(path) else {
        return Vec::new();
    };
    let set = sidecar::parse(&text)
        .unwrap_or_else(|error| panic!("sidecar unparseable after a kill: {error}\n{text}"));
    set.annotations
        .iter()
        .map(|a| a.id.as_str().to_owned())
        .collect()
}

#[test]
fn killing_writers_mid_save_never_corrupts_or_loses_committed_annotations() {
    // A crash, a closed laptop or a kill can strike during a save: the sidecar must always
    // be a whole file holding every annotation whose writer finished.
    let fixture = Fixture::new();
    let path = sidecar_path(&fixture.article);
    let quotes = [
        "Rents rose",
        "fifth",
        "council says",
        "supply",
        "Critics",
        "matters",
    ];
    let started = std::time::Instant::now();
    let first = fixture.run(&["annotate", fixture.path(), "--quote", "families"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let full_run = started.elapsed();
    let mut committed: Vec<String> = vec![stdout(&first).trim().to_owned()];
    let mut killed = 0;
    let rounds = 40u32;
    for round in 0..rounds {
        let quote = quotes[round as usize % quotes.len()];
        // Kill points spread from "at once" to a little past a whole run.
        let mut child = fixture
            .command(&[
                "annotate",
                fixture.path(),
                "--quote",
                quote,
                "--note",
                &format!("round {round}"),
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        thread::sleep(full_run * round * 5 / (rounds * 4));
        let _ = child.kill();
        let output = child.wait_with_output().unwrap();
        if output.status.success() {
            committed.push(stdout(&output).trim().to_owned());
        } else {
            killed += 1;
        }
        let ids = sidecar_ids(&path);
        for id in &committed {
            assert!(
                ids.contains(id),
                "committed annotation {id} lost in round {round}"
            );
        }
    }
    eprintln!(
        "{} writers finished, {killed} killed (a full run took {full_run:?})",
        committed.len()
    );
    assert!(killed > 0, "no writer was ever killed");
}
