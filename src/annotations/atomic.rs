//! Writing a file so that a crash or a kill at any moment leaves either the old version or the
//! new one, never a mixture: write a temporary file in the same folder, flush it to disk, then
//! rename it over the target (an atomic step on POSIX file systems) and flush the folder.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;

/// Replaces `path` with `contents` atomically.
pub fn write(path: &Path, contents: &[u8]) -> io::Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mut temporary = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(folder)?;
    temporary.write_all(contents)?;
    temporary.as_file().sync_all()?;
    temporary.persist(path).map_err(|error| error.error)?;
    sync_folder(folder)
}

/// Keeps the current content of `path` as `backup` (replacing any older backup) without
/// copying: a second name for the same file, which the rename in [`write`] then leaves as the
/// only name of the old version. Falls back to an atomic copy where hard links are refused.
pub fn keep_backup(path: &Path, backup: &Path, contents: &[u8]) -> io::Result<()> {
    let name = backup.file_name().unwrap_or_default().to_string_lossy();
    let staging = backup.with_file_name(format!(".{name}.{:016x}.link", fastrand::u64(..)));
    match fs::hard_link(path, &staging) {
        Ok(()) => fs::rename(&staging, backup).inspect_err(|_| {
            let _ = fs::remove_file(&staging);
        }),
        Err(_) => write(backup, contents),
    }
}

/// Flushes a folder's entries (the rename) to disk; a no-op where folders cannot be opened.
fn sync_folder(folder: &Path) -> io::Result<()> {
    if cfg!(unix) {
        File::open(folder)?.sync_all()
    } else {
        Ok(())
    }
}

/// Whether an error means the folder cannot take new files (read-only, missing, not a folder),
/// as opposed to a passing failure such as a full disk.
pub fn is_unwritable_folder(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::PermissionDenied
            | io::ErrorKind::ReadOnlyFilesystem
            | io::ErrorKind::NotADirectory
            | io::ErrorKind::NotFound
    )
}

/// Reads a file's text; `None` when it does not exist (or its folder does not).
pub fn read_if_present(path: &Path) -> io::Result<Option<String>> {
    match fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(error)
            if matches!(
                error.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
            ) =>
        {
            Ok(None)
        }
        Err(error) => Err(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_behind() {
        // A reader must only ever see a whole file; a writer must not litter the folder.
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("notes.toml");
        write(&path, b"one").unwrap();
        write(&path, b"two").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "two");
        assert_eq!(fs::read_dir(folder.path()).unwrap().count(), 1);
    }

    #[test]
    fn the_backup_keeps_the_old_content_after_a_replace() {
        // The backup shares the old file rather than copying it; replacing the original must
        // not change it.
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("notes.toml");
        let backup = folder.path().join("notes.toml.bak");
        write(&path, b"old").unwrap();
        keep_backup(&path, &backup, b"old").unwrap();
        write(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&backup).unwrap(), "old");
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(fs::read_dir(folder.path()).unwrap().count(), 2);
    }

    #[test]
    fn a_file_used_as_a_folder_is_reported_as_unwritable() {
        // The sidecar's folder may be unusable; that must be told apart from other failures so
        // the work can go elsewhere.
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("plain-file");
        fs::write(&file, "x").unwrap();
        let error = write(&file.join("notes.toml"), b"x").unwrap_err();
        assert!(is_unwritable_folder(&error), "{error:?}");
        assert_eq!(read_if_present(&file.join("notes.toml")).unwrap(), None);
    }
}
