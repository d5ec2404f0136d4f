//! Opens the HTML export in headless Chromium (Debian's `chromium`, installed by
//! `tests/install-chromium.sh` when missing; the test skips with a message where it cannot be):
//! takes a screenshot (kept at `target/export-chromium/article.png`), and checks that no script
//! ran and the page made no requests.
//!
//! How "no script ran" is established: the DOM Chromium dumps after loading holds no `<script>`
//! element and no `on…=` event-handler attribute, so nothing could run; the article's own
//! `<script>` arrives as escaped text; and the page's Content-Security-Policy blocks inline
//! scripts anyway, which a control page proves (a script injected into the exported page does
//! not run, while the same script on a page without the policy does).
//!
//! How "no external requests" is established: Chromium's network log (`--log-net-log`) records
//! every request its network stack starts, with the origin that initiated it. The browser's
//! own background traffic (update checks) has no initiating origin; anything the page asks for
//! has one (`null` for a `file://` page). The test asserts there is no request with an
//! initiator, and a control page with an `<img src="http://…">` proves such a request is seen.
//!
//! Set `MARGENT_SKIP_BROWSER=1` to skip.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::export_fixture;
use margent::export::{self, ExportInput, Format};

/// Longest a single Chromium run may take.
const CHROMIUM_TIMEOUT: Duration = Duration::from_secs(120);

fn find_chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// Chromium, installing it first when missing; `None` (with a message) when unavailable.
fn chromium() -> Option<PathBuf> {
    if std::env::var_os("MARGENT_SKIP_BROWSER").is_some() {
        eprintln!("skipping the Chromium check: MARGENT_SKIP_BROWSER is set");
        return None;
    }
    if let Some(found) = find_chromium() {
        return Some(found);
    }
    let script = common::crate_dir().join("tests/install-chromium.sh");
    let _ = Command::new("bash").arg(script).status();
    let found = find_chromium();
    if found.is_none() {
        eprintln!("skipping the Chromium check: chromium is not installed and could not be");
    }
    found
}

/// What one headless Chromium run over a page produced.
struct Run {
    /// `--dump-dom` output (the serialised DOM after load).
    dom: String,
    /// URLs of requests started on behalf of the page (initiator present).
    page_requests: Vec<String>,
}

/// Runs Chromium on `page` with `extra` arguments, logging the network to a file.
fn run_chromium(chromium: &Path, page: &Path, extra: &[String]) -> Run {
    let work = tempfile::tempdir().unwrap();
    let net_log = work.path().join("net.json");
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!(
            "--user-data-dir={}",
            work.path().join("profile").display()
        ))
        .arg(format!("--log-net-log={}", net_log.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let deadline = Instant::now() + CHROMIUM_TIMEOUT;
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium took longer than {CHROMIUM_TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "chromium failed: {:?}",
        output.status
    );
    let log: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&net_log).unwrap()).unwrap();
    Run {
        dom: String::from_utf8_lossy(&output.stdout).into_owned(),
        page_requests: page_requests(&log),
    }
}

/// URLs of `URL_REQUEST_START_JOB` events that an origin initiated.
fn page_requests(log: &serde_json::Value) -> Vec<String> {
    let start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"].as_u64();
    log["events"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|event| event["type"].as_u64() == start_job)
        .filter(|event| event["params"]["initiator"].as_str() != Some("not an origin"))
        .filter_map(|event| event["params"]["url"].as_str().map(str::to_owned))
        .collect()
}

fn event_handler_attribute(dom: &str) -> Option<&str> {
    dom.match_indices(" on")
        .map(|(at, _)| &dom[at..])
        .find(|rest| {
            let name: String = rest[3..]
                .chars()
                .take_while(char::is_ascii_lowercase)
                .collect();
            !name.is_empty() && rest[3 + name.len()..].starts_with('=')
        })
}

#[test]
fn html_export_renders_in_chromium_without_scripts_or_requests() {
    let Some(chromium) = chromium() else { return };
    let document = export_fixture::document();
    let highlights = export_fixture::highlights(&document);
    let outline = export_fixture::outline(&document);
    let input = ExportInput {
        metadata: &document.metadata,
        source_file: "article.md",
        document: &document,
        highlights: &highlights,
        outline: Some(&outline),
    };
    let html = export::render(Format::Html, &[input]);
    let work = tempfile::tempdir().unwrap();
    let page = work.path().join("article.md.highlights.html");
    std::fs::write(&page, &html).unwrap();

    let run = run_chromium(&chromium, &page, &["--dump-dom".to_owned()]);
    assert!(
        run.dom.contains("<mark class=\"tag-claim\""),
        "page loaded: {}",
        run.dom
    );
    assert!(
        !run.dom.to_ascii_lowercase().contains("<script"),
        "no script element"
    );
    assert_eq!(event_handler_attribute(&run.dom), None, "no event handlers");
    assert!(
        run.dom
            .contains("&lt;script&gt;alert('heat')&lt;/script&gt;")
    );
    assert!(
        run.dom
            .contains("&lt;script&gt;alert('note')&lt;/script&gt;")
    );
    assert!(run.dom.matches("<mark class=\"tag-").count() >= highlights.len());
    assert_eq!(
        run.page_requests,
        Vec::<String>::new(),
        "the page requested nothing"
    );

    let shots = common::crate_dir().join("target/export-chromium");
    std::fs::create_dir_all(&shots).unwrap();
    let screenshot = shots.join("article.png");
    let _ = std::fs::remove_file(&screenshot);
    let shot = run_chromium(
        &chromium,
        &page,
        &[
            format!("--screenshot={}", screenshot.display()),
            "--window-size=1280,1700".to_owned(),
        ],
    );
    assert!(shot.page_requests.is_empty());
    let png = std::fs::read(&screenshot).expect("chromium wrote the screenshot");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 20_000);
    eprintln!("screenshot of the HTML export: {}", screenshot.display());
}

/// The two detectors above must be able to fail: on a page without the policy an inline
/// script runs and an image request is logged with the page as initiator; injected into the
/// exported page (which carries the policy), neither happens.
#[test]
fn chromium_controls_show_the_script_and_request_checks_can_fail() {
    let Some(chromium) = chromium() else { return };
    let probe = "<p id=\"probe\">x</p><img src=\"http://127.0.0.1:9/probe.png\">\
                 <script>document.getElementById('probe').setAttribute('data-ran','yes')</script>";
    let work = tempfile::tempdir().unwrap();
    let bare = work.path().join("bare.html");
    std::fs::write(
        &bare,
        format!("<!DOCTYPE html><html><body>{probe}</body></html>"),
    )
    .unwrap();
    let run = run_chromium(&chromium, &bare, &["--dump-dom".to_owned()]);
    assert!(
        run.dom.contains("data-ran=\"yes\""),
        "the control script ran"
    );
    assert_eq!(run.page_requests, ["http://127.0.0.1:9/probe.png"]);

    let document = export_fixture::document();
    let input = ExportInput {
        metadata: &document.metadata,
        source_file: "article.md",
        document: &document,
        highlights: &[],
        outline: None,
    };
    let html = export::render(Format::Html, &[input]).replace("<main>", &format!("<main>{probe}"));
    let guarded = work.path().join("guarded.html");
    std::fs::write(&guarded, html).unwrap();
    let run = run_chromium(&chromium, &guarded, &["--dump-dom".to_owned()]);
    assert!(run.dom.contains("id=\"probe\""), "the probe is in the page");
    assert!(
        !run.dom.contains("data-ran=\"yes\""),
        "the policy blocked the script"
    );
    assert!(run.page_requests.is_empty(), "the policy blocked the image");
}
