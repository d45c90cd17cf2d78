//! MongoDB server versions ("7.0", "6.0.3"), for version-gated actions.
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Version {
    pub major: u16,
    pub minor: u16,
    pub patch: u16,
}

impl Version {
    pub const fn new(major: u16, minor: u16, patch: u16) -> Self {
        Version {
            major,
            minor,
            patch,
        }
    }

    /// Parses `MAJOR[.MINOR[.PATCH]]`, ignoring a suffix after the numbers (`8.0.4-rc1`, `7.0 (LTS)`).
    pub fn parse(s: &str) -> Option<Version> {
        let mut parts = [0u16; 3];
        let numeric: &str = s
            .trim()
            .split(|c: char| !(c.is_ascii_digit() || c == '.'))
            .next()?;
        let mut count = 0;
        for (i, p) in numeric.split('.').filter(|p| !p.is_empty()).enumerate() {
            if i >= 3 {
                break;
            }
            parts[i] = p.parse().ok()?;
            count += 1;
        }
        (count > 0).then(|| Version::new(parts[0], parts[1], parts[2]))
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.patch == 0 {
            write!(f, "{}.{}", self.major, self.minor)
        } else {
            write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_atlas_version_strings_and_orders_them() {
        assert_eq!(Version::parse("7.0"), Some(Version::new(7, 0, 0)));
        assert_eq!(Version::parse("6.0.3"), Some(Version::new(6, 0, 3)));
        assert_eq!(Version::parse("8.0.4-rc1"), Some(Version::new(8, 0, 4)));
        assert_eq!(Version::parse(" 5 "), Some(Version::new(5, 0, 0)));
        assert_eq!(Version::parse("latest"), None);
        assert_eq!(Version::parse(""), None);
        assert!(Version::new(6, 0, 2) < Version::new(6, 0, 3));
        assert!(Version::new(7, 0, 0) > Version::new(6, 0, 3));
        assert_eq!(Version::new(6, 0, 3).to_string(), "6.0.3");
        assert_eq!(Version::new(8, 0, 0).to_string(), "8.0");
    }
}
