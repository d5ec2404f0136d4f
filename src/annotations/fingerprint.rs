//! Fingerprints of document text: tell whether the text annotations were placed on is still the
//! text being read, so stored positions can be trusted without searching.
//!
//! SHA-256 (the RustCrypto `sha2` crate: maintained, audited, pure Rust, no build script). Speed
//! is not an issue at article sizes (a few milliseconds for a megabyte); what matters is a
//! stable, well-known digest that other tools can recompute.

use sha2::{Digest, Sha256};

/// Prefix naming the algorithm, so a later version can change it without ambiguity.
pub const ALGORITHM: &str = "sha256";

/// The fingerprint of `text`: `sha256:` followed by 64 lower-case hex digits.
pub fn fingerprint(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::with_capacity(ALGORITHM.len() + 1 + 64);
    out.push_str(ALGORITHM);
    out.push(':');
    for byte in digest {
        out.push(char::from(HEX[usize::from(byte >> 4)]));
        out.push(char::from(HEX[usize::from(byte & 0xf)]));
    }
    out
}

const HEX: &[u8; 16] = b"0123456789abcdef";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_is_the_standard_sha256_digest() {
        // Other tools must be able to recompute it, so it must be the plain SHA-256 of the
        // UTF-8 text, not some private hash.
        assert_eq!(
            fingerprint("abc"),
            "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_ne!(fingerprint("abc"), fingerprint("abd"));
    }
}
