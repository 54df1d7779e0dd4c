//! The start-up check that the site folder holds every file the pages link.
//!
//! A release is the binary, `hash.txt` beside it and the `site` folder. Copy the binary without
//! `hash.txt` and the pages link `/pkg/travel-planner.css` while the folder only has the hashed
//! `travel-planner.<hash>.css`: every page comes out unstyled, without islands, and nothing says
//! why. So `serve` works out the addresses the pages will write (the same code the pages use,
//! [`app::linked_files`]) and refuses to start, with one line naming what is missing,
//! when one of them is not a file under the site root.

use std::{
    fmt,
    path::{Path, PathBuf},
};

use leptos::config::LeptosOptions;

/// Files the pages link that the site folder does not have.
#[derive(Debug)]
pub struct MissingFiles {
    site_root: PathBuf,
    missing: Vec<String>,
    /// The hashed stylesheet is there but the pages would link the unhashed one.
    hash_file_lost: bool,
}

impl fmt::Display for MissingFiles {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown: Vec<&str> = self.missing.iter().take(3).map(String::as_str).collect();
        let more = self.missing.len().saturating_sub(shown.len());
        write!(
            f,
            "the site folder {} lacks {}{}, which the pages link",
            self.site_root.display(),
            shown.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        )?;
        if self.hash_file_lost {
            write!(
                f,
                "; the folder has hashed files, so copy hash.txt from the build beside the binary"
            )
        } else {
            write!(
                f,
                "; copy the whole site folder of the same build (cargo leptos build --release) and point LEPTOS_SITE_ROOT at it"
            )
        }
    }
}

impl std::error::Error for MissingFiles {}

/// Checks that every file the pages link exists under the site root.
///
/// # Errors
/// [`MissingFiles`] naming the absent files, with the likely cause.
pub fn check(options: &LeptosOptions) -> Result<(), MissingFiles> {
    let site_root = Path::new(options.site_root.as_ref());
    let missing: Vec<String> = app::linked_files(options)
        .into_iter()
        .filter(|address| !site_root.join(address.trim_start_matches('/')).is_file())
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let hash_file_lost = !options.hash_files && has_hashed_stylesheet(site_root, options);
    Err(MissingFiles {
        site_root: site_root.to_path_buf(),
        missing,
        hash_file_lost,
    })
}

/// Whether the package folder holds `<output name>.<hash>.css`, a sign of a hashed build.
fn has_hashed_stylesheet(site_root: &Path, options: &LeptosOptions) -> bool {
    let prefix = format!("{}.", options.output_name);
    std::fs::read_dir(site_root.join(options.site_pkg_dir.as_ref()))
        .map(|entries| {
            entries.filter_map(Result::ok).any(|entry| {
                let name = entry.file_name();
                let name = name.to_string_lossy();
                name.starts_with(&prefix)
                    && name.ends_with(".css")
                    && name.matches('.').count() == 2
            })
        })
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(root: &Path, hashed: bool) -> LeptosOptions {
        LeptosOptions::builder()
            .output_name("travel-planner")
            .site_root(root.to_string_lossy().as_ref())
            .site_pkg_dir("pkg")
            .hash_files(hashed)
            .build()
    }

    /// A site folder with every linked file, written from the list itself.
    fn complete_site(root: &Path, options: &LeptosOptions) {
        for address in app::linked_files(options) {
            let path = root.join(address.trim_start_matches('/'));
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
    }

    #[test]
    fn a_complete_site_passes_and_the_list_covers_what_every_page_links() {
        let dir = tempfile::tempdir().unwrap();
        let options = options(dir.path(), false);
        complete_site(dir.path(), &options);
        assert!(check(&options).is_ok());

        let files = app::linked_files(&options);
        for expected in [
            "/pkg/travel-planner.css",
            "/pkg/travel-planner.js",
            "/app.js",
            "/map.js",
            "/places.js",
            "/vendor/leaflet-1.9.4/leaflet.js",
        ] {
            assert!(files.iter().any(|file| file == expected), "{files:?}");
        }
        assert!(files.iter().all(|file| !file.contains('?')), "{files:?}");
    }

    #[test]
    fn a_missing_file_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let options = options(dir.path(), false);
        complete_site(dir.path(), &options);
        std::fs::remove_file(dir.path().join("vendor/leaflet-1.9.4/leaflet.css")).unwrap();

        let error = check(&options).unwrap_err().to_string();
        assert!(
            error.contains("lacks /vendor/leaflet-1.9.4/leaflet.css, which the pages link"),
            "{error}"
        );
        assert!(error.contains("copy the whole site folder"), "{error}");
        assert!(!error.contains('\n'), "one line: {error}");
    }

    #[test]
    fn hashed_files_without_hash_txt_point_at_hash_txt() {
        let dir = tempfile::tempdir().unwrap();
        let options = options(dir.path(), false);
        complete_site(dir.path(), &options);
        let pkg = dir.path().join("pkg");
        std::fs::rename(
            pkg.join("travel-planner.css"),
            pkg.join("travel-planner.qCsCR4iEALMF2wm4oMRx0w.css"),
        )
        .unwrap();

        let error = check(&options).unwrap_err().to_string();
        assert!(error.contains("lacks /pkg/travel-planner.css"), "{error}");
        assert!(
            error.contains("copy hash.txt from the build beside the binary"),
            "{error}"
        );
    }

    #[test]
    fn an_empty_folder_names_three_files_and_counts_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let options = options(dir.path(), false);
        let total = app::linked_files(&options).len();

        let error = check(&options).unwrap_err().to_string();
        assert!(
            error.contains(&format!("and {} more", total - 3)),
            "{error}"
        );
    }
}
