//! Exporting articles on disk and importing W3C JSON into their sidecars: reading the article
//! and its annotations, choosing where outputs go, and writing them.
//!
//! An export is written beside its article as `<file name>.highlights.<ext>` (`article.md` →
//! `article.md.highlights.md`), so it sorts next to the article and its
//! `article.md.margent.toml` sidecar and is never mistaken for an article by a folder export.
//! A combined export defaults to `margent-highlights.<ext>` in the folder of the first article.

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::annotations::{AnchorStatus, Problem, Store, StoreError, StoreOptions};
use crate::document::Document;
use crate::ingest::{self, IngestError};
use crate::outline::{self, Outline};

use super::store_view::{annotation_from_highlight, highlights_from_store};
use super::w3c::{self, W3cError};
use super::{ExportHighlight, ExportInput, Format, render};

/// Exit code: a folder holds no article to export.
pub const EXIT_NO_ARTICLES: i32 = 30;
/// Exit code: the annotations file to import cannot be read or is not W3C JSON.
pub const EXIT_BAD_ANNOTATIONS: i32 = 31;
/// Exit code: the annotations file has no annotations for the article.
pub const EXIT_NO_MATCHING_SOURCE: i32 = 32;
/// Exit code: the sidecar does not parse, or imported work could not go to it.
pub const EXIT_SIDECAR: i32 = 33;
/// Exit code: the export could not be written (same as the other commands' output failures).
pub const EXIT_WRITE: i32 = 9;

/// Name of a combined export (before its extension) when no output path is given.
pub const COMBINED_NAME: &str = "margent-highlights";

/// What goes between an article's file name and the export's extension.
pub const EXPORT_INFIX: &str = ".highlights.";

/// File extensions of articles picked up when a folder is exported.
const ARTICLE_EXTENSIONS: [&str; 9] = [
    "md", "markdown", "mdown", "mkd", "txt", "text", "html", "htm", "xhtml",
];

/// How to export.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Include the outline (claims, quotes, recommendations) in Markdown and Org. HTML always
    /// includes it; JSON and CSV have no place for it.
    pub with_outline: bool,
    /// Where to write: a file for one article or a combined export, a folder for several
    /// articles; `None` for the default paths.
    pub output: Option<PathBuf>,
    /// Write one combined file for all articles instead of one per article.
    pub combine: bool,
}

/// Why an export or import failed.
#[derive(Debug)]
pub enum ExportError {
    /// An article could not be read.
    Ingest(IngestError),
    /// A folder holds no article file.
    NoArticles(PathBuf),
    /// The sidecar does not parse, or the store failed.
    Sidecar(String),
    /// The annotations file could not be read.
    AnnotationsUnreadable(PathBuf, io::Error),
    /// The annotations file is not usable W3C JSON.
    Annotations(PathBuf, W3cError),
    /// The annotations file targets other articles only.
    NoMatchingSource {
        /// The annotations file.
        file: PathBuf,
        /// The article's file name.
        article: String,
        /// The sources the file does have.
        sources: Vec<String>,
    },
    /// An output could not be written.
    Write(PathBuf, io::Error),
}

impl ExportError {
    /// The process exit code for this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            ExportError::Ingest(error) => error.exit_code(),
            ExportError::NoArticles(_) => EXIT_NO_ARTICLES,
            ExportError::Sidecar(_) => EXIT_SIDECAR,
            ExportError::AnnotationsUnreadable(..) | ExportError::Annotations(..) => {
                EXIT_BAD_ANNOTATIONS
            }
            ExportError::NoMatchingSource { .. } => EXIT_NO_MATCHING_SOURCE,
            ExportError::Write(..) => EXIT_WRITE,
        }
    }
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::Ingest(error) => error.fmt(f),
            ExportError::NoArticles(folder) => write!(
                f,
                "{}: no article files (.md, .txt, .html…) to export",
                folder.display()
            ),
            ExportError::Sidecar(message) => f.write_str(message),
            ExportError::AnnotationsUnreadable(path, error) => {
                write!(
                    f,
                    "{}: cannot read the annotations: {error}",
                    path.display()
                )
            }
            ExportError::Annotations(path, error) => write!(f, "{}: {error}", path.display()),
            ExportError::NoMatchingSource {
                file,
                article,
                sources,
            } => write!(
                f,
                "{}: no annotations for {article:?} (the file has annotations for: {})",
                file.display(),
                sources.join(", ")
            ),
            ExportError::Write(path, error) => {
                write!(f, "{}: cannot write the export: {error}", path.display())
            }
        }
    }
}

impl std::error::Error for ExportError {}

impl From<IngestError> for ExportError {
    fn from(error: IngestError) -> Self {
        ExportError::Ingest(error)
    }
}

impl From<StoreError> for ExportError {
    fn from(error: StoreError) -> Self {
        ExportError::Sidecar(error.to_string())
    }
}

/// An article read for export: its document, highlights and (when wanted) outline.
#[derive(Debug)]
pub struct LoadedArticle {
    /// Where it was read from.
    pub path: PathBuf,
    /// Its file name, as written into exports.
    pub file_name: String,
    /// The article.
    pub document: Document,
    /// Its highlights and notes as placed on the current text.
    pub highlights: Vec<ExportHighlight>,
    /// Its outline, when asked for.
    pub outline: Option<Outline>,
}

impl LoadedArticle {
    /// Reads the article at `path` and its sidecar; computes the outline when `with_outline`.
    /// A sidecar that does not parse is an error (exporting would silently leave out its
    /// annotations); a missing sidecar means no highlights.
    pub fn load(path: &Path, with_outline: bool) -> Result<LoadedArticle, ExportError> {
        let document = ingest::load(path)?;
        let store = Store::open(path, &document, StoreOptions::from_environment())?;
        if let Some(problem @ Problem::Corrupt { .. }) = store.problem() {
            return Err(ExportError::Sidecar(format!(
                "{problem}; fix it before exporting"
            )));
        }
        let highlights = highlights_from_store(&store, &document);
        let outline = with_outline.then(|| outline::extract(&document));
        Ok(LoadedArticle {
            path: path.to_path_buf(),
            file_name: file_name(path),
            document,
            highlights,
            outline,
        })
    }

    /// The writers' view of this article.
    pub fn input(&self) -> ExportInput<'_> {
        ExportInput {
            metadata: &self.document.metadata,
            source_file: &self.file_name,
            document: &self.document,
            highlights: &self.highlights,
            outline: self.outline.as_ref(),
        }
    }
}

/// One rendered export and where it belongs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The path it is to be written to.
    pub path: PathBuf,
    /// The file's contents.
    pub contents: String,
}

/// Exports one article beside itself (or to `options.output`) and returns the path written.
/// This is what the reader's `:export FORMAT` calls.
pub fn export_file(
    source: &Path,
    format: Format,
    options: &ExportOptions,
) -> Result<PathBuf, ExportError> {
    let written = export_files(&[source.to_path_buf()], format, options)?;
    Ok(written.into_iter().next().unwrap_or_default())
}

/// Exports the given articles and folders and returns the paths written.
pub fn export_files(
    sources: &[PathBuf],
    format: Format,
    options: &ExportOptions,
) -> Result<Vec<PathBuf>, ExportError> {
    let rendered = render_files(sources, format, options)?;
    for export in &rendered {
        write_atomically(&export.path, &export.contents)
            .map_err(|error| ExportError::Write(export.path.clone(), error))?;
    }
    Ok(rendered.into_iter().map(|export| export.path).collect())
}

/// Renders the exports of the given articles and folders without writing them.
///
/// Folders are expanded to the article files directly inside them that have a sidecar;
/// articles named explicitly are exported even without one.
pub fn render_files(
    sources: &[PathBuf],
    format: Format,
    options: &ExportOptions,
) -> Result<Vec<Rendered>, ExportError> {
    let articles = expand_sources(sources)?;
    let with_outline = match format {
        Format::Html => true,
        Format::Markdown | Format::Org => options.with_outline,
        Format::Json | Format::Csv => false,
    };
    let loaded = articles
        .iter()
        .map(|path| LoadedArticle::load(path, with_outline))
        .collect::<Result<Vec<_>, _>>()?;
    let several = loaded.len() > 1 || sources.iter().any(|source| source.is_dir());
    if options.combine || !several {
        let inputs: Vec<ExportInput> = loaded.iter().map(LoadedArticle::input).collect();
        let path = match (&options.output, loaded.as_slice()) {
            (Some(path), _) => path.clone(),
            (None, [single]) if !options.combine => default_output_path(&single.path, format),
            (None, _) => combined_output_path(sources, format),
        };
        return Ok(vec![Rendered {
            path,
            contents: render(format, &inputs),
        }]);
    }
    Ok(loaded
        .iter()
        .map(|article| {
            let default = default_output_path(&article.path, format);
            let path = match &options.output {
                Some(folder) => folder.join(default.file_name().unwrap_or_default()),
                None => default,
            };
            Rendered {
                path,
                contents: render(format, &[article.input()]),
            }
        })
        .collect())
}

/// `<article path>.highlights.<ext>`.
pub fn default_output_path(article: &Path, format: Format) -> PathBuf {
    let mut name = article.file_name().unwrap_or_default().to_os_string();
    name.push(EXPORT_INFIX);
    name.push(format.extension());
    article.with_file_name(name)
}

/// `margent-highlights.<ext>` in the first folder given, or the first article's folder.
fn combined_output_path(sources: &[PathBuf], format: Format) -> PathBuf {
    let folder = sources
        .iter()
        .find(|source| source.is_dir())
        .cloned()
        .or_else(|| {
            sources
                .first()
                .and_then(|first| first.parent().map(Path::to_path_buf))
        })
        .unwrap_or_default();
    folder.join(format!("{COMBINED_NAME}.{}", format.extension()))
}

/// The articles to export: files as given, folders expanded (sorted by name).
fn expand_sources(sources: &[PathBuf]) -> Result<Vec<PathBuf>, ExportError> {
    let mut articles = Vec::new();
    for source in sources {
        if !source.is_dir() {
            articles.push(source.clone());
            continue;
        }
        let entries = std::fs::read_dir(source)
            .map_err(|error| ExportError::Ingest(IngestError::Unreadable(source.clone(), error)))?;
        let mut found: Vec<PathBuf> = entries
            .filter_map(|entry| Some(entry.ok()?.path()))
            .filter(|path| is_annotated_article(path))
            .collect();
        if found.is_empty() {
            return Err(ExportError::NoArticles(source.clone()));
        }
        found.sort();
        articles.extend(found);
    }
    Ok(articles)
}

/// Whether `path` is an article file (by extension, not an export or sidecar) with a sidecar.
fn is_annotated_article(path: &Path) -> bool {
    let name = file_name(path);
    let extension = path
        .extension()
        .and_then(|ext| ext.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    path.is_file()
        && ARTICLE_EXTENSIONS.contains(&extension.as_str())
        && !name.contains(EXPORT_INFIX)
        && crate::annotations::sidecar::sidecar_path(path).is_file()
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Writes `contents` to `path` through a temporary file in the same folder and a rename, so a
/// reader never sees half an export.
fn write_atomically(path: &Path, contents: &str) -> io::Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&folder)?;
    let mut file = tempfile::NamedTempFile::new_in(&folder)?;
    file.write_all(contents.as_bytes())?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|error| error.error)?;
    Ok(())
}

/// What an import did.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportReport {
    /// The file the annotations were saved to (the sidecar, or a recovery file).
    pub saved_to: PathBuf,
    /// Each imported annotation's id with how it was anchored on the article's current text.
    pub imported: Vec<(String, AnchorStatus)>,
    /// Ids skipped because the sidecar already has an annotation with that id.
    pub already_present: Vec<String>,
}

/// Reads W3C Web Annotation JSON from `annotations` into the sidecar of `article`, anchoring
/// each annotation on the article's current text as the sidecar does (so it also works on an
/// edited copy of the article). Annotations whose id the sidecar already has are skipped, so
/// importing twice adds nothing.
///
/// When the file holds annotations for several sources, those whose source is the article's
/// file name are taken; when it holds a single source, all of them are.
pub fn import_file(article: &Path, annotations: &Path) -> Result<ImportReport, ExportError> {
    let json = std::fs::read_to_string(annotations)
        .map_err(|error| ExportError::AnnotationsUnreadable(annotations.to_path_buf(), error))?;
    let parsed = w3c::parse(&json, crate::annotations::model::now())
        .map_err(|error| ExportError::Annotations(annotations.to_path_buf(), error))?;
    let name = file_name(article);
    let mut sources: Vec<String> = parsed.iter().map(|p| p.source.clone()).collect();
    sources.sort();
    sources.dedup();
    let chosen: Vec<ExportHighlight> = if sources.len() > 1 {
        parsed
            .into_iter()
            .filter(|p| p.source == name)
            .map(|p| p.highlight)
            .collect()
    } else {
        parsed.into_iter().map(|p| p.highlight).collect()
    };
    if chosen.is_empty() && sources.len() > 1 {
        return Err(ExportError::NoMatchingSource {
            file: annotations.to_path_buf(),
            article: name,
            sources,
        });
    }
    let document = ingest::load(article)?;
    let mut store = Store::open(article, &document, StoreOptions::from_environment())?;
    let mut imported = Vec::new();
    let mut already_present = Vec::new();
    for highlight in &chosen {
        let annotation = annotation_from_highlight(highlight);
        if store.get(&annotation.id).is_some() {
            already_present.push(highlight.id.clone());
            continue;
        }
        let id = store.insert(annotation, &document);
        let status = store
            .placement(&id)
            .map_or(AnchorStatus::Orphaned, |placement| placement.status);
        imported.push((id.to_string(), status));
    }
    let saved = store.save(&document)?;
    if let Some(problem) = saved.problem {
        return Err(ExportError::Sidecar(format!(
            "{problem}; the imported annotations were saved to {} instead",
            saved.path.display()
        )));
    }
    Ok(ImportReport {
        saved_to: saved.path,
        imported,
        already_present,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Exports sit beside their article and keep its whole name, so `a.md` and `a.txt` in one
    /// folder do not overwrite each other's export.
    #[test]
    fn default_paths_keep_the_article_name() {
        assert_eq!(
            default_output_path(Path::new("dir/a.md"), Format::Markdown),
            PathBuf::from("dir/a.md.highlights.md")
        );
        assert_eq!(
            default_output_path(Path::new("a.txt"), Format::Json),
            PathBuf::from("a.txt.highlights.json")
        );
        assert_eq!(
            combined_output_path(&[PathBuf::from("x/a.md")], Format::Csv),
            PathBuf::from("x/margent-highlights.csv")
        );
    }

    /// A folder export must not pick up earlier exports or sidecars as articles, nor articles
    /// nobody annotated.
    #[test]
    fn folder_expansion_takes_annotated_articles_only() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str| std::fs::write(dir.path().join(name), "Some text.\n").unwrap();
        for name in [
            "b.md",
            "b.md.margent.toml",
            "a.txt",
            "a.txt.margent.toml",
            "a.txt.highlights.md",
            "plain.md",
            "notes.pdf",
        ] {
            write(name);
        }
        let found = expand_sources(&[dir.path().to_path_buf()]).unwrap();
        let names: Vec<String> = found.iter().map(|p| file_name(p)).collect();
        assert_eq!(names, ["a.txt", "b.md"]);
        let empty = tempfile::tempdir().unwrap();
        let error = expand_sources(&[empty.path().to_path_buf()]).unwrap_err();
        assert_eq!(error.exit_code(), EXIT_NO_ARTICLES);
    }
}
