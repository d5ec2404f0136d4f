//! Remembered reading positions: one character offset per article, keyed by the article's
//! canonical path, in `positions.toml` in margent's data folder. Kept behind this small module
//! so it can move into the annotation sidecar later.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The positions file.
#[derive(Debug, Clone)]
pub struct PositionStore {
    path: PathBuf,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct PositionsFile {
    /// Canonical article path → character offset of the reading position.
    #[serde(default)]
    positions: BTreeMap<String, usize>,
}

impl PositionStore {
    /// A store kept in `folder`.
    pub fn in_folder(folder: &Path) -> PositionStore {
        PositionStore {
            path: folder.join("positions.toml"),
        }
    }

    fn key(article: &Path) -> String {
        std::fs::canonicalize(article)
            .unwrap_or_else(|_| article.to_path_buf())
            .to_string_lossy()
            .into_owned()
    }

    fn read(&self) -> PositionsFile {
        std::fs::read_to_string(&self.path)
            .ok()
            .and_then(|text| toml::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// The remembered character offset for `article`, if any.
    pub fn load(&self, article: &Path) -> Option<usize> {
        self.read().positions.get(&Self::key(article)).copied()
    }

    /// Remembers `offset` for `article`, writing the file atomically.
    pub fn save(&self, article: &Path, offset: usize) -> io::Result<()> {
        let mut file = self.read();
        file.positions.insert(Self::key(article), offset);
        let text = toml::to_string(&file).map_err(io::Error::other)?;
        let folder = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(folder)?;
        let mut temporary = tempfile::NamedTempFile::new_in(folder)?;
        temporary.write_all(text.as_bytes())?;
        temporary.persist(&self.path).map_err(|error| error.error)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_survive_a_round_trip_per_article() {
        let folder = tempfile::tempdir().unwrap();
        let store = PositionStore::in_folder(&folder.path().join("data"));
        let one = folder.path().join("one.md");
        let two = folder.path().join("two.md");
        std::fs::write(&one, "x").unwrap();
        std::fs::write(&two, "y").unwrap();
        assert_eq!(store.load(&one), None);
        store.save(&one, 120).unwrap();
        store.save(&two, 7).unwrap();
        store.save(&one, 340).unwrap();
        assert_eq!(store.load(&one), Some(340));
        assert_eq!(store.load(&two), Some(7));
    }

    /// A damaged positions file must not stop the reader: it is treated as empty.
    #[test]
    fn a_broken_file_reads_as_empty() {
        let folder = tempfile::tempdir().unwrap();
        let store = PositionStore::in_folder(folder.path());
        std::fs::write(folder.path().join("positions.toml"), "positions = [").unwrap();
        assert_eq!(store.load(Path::new("/nowhere")), None);
        store.save(Path::new("/nowhere"), 3).unwrap();
        assert_eq!(store.load(Path::new("/nowhere")), Some(3));
    }
}
