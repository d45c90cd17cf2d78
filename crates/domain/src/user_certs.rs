//! Atlas-managed X.509 certificates for database users (`POST …/databaseUsers/{username}/certs`): for a
//! user with `x509Type: MANAGED`, valid 1 to 24 months (the spec's `UserCert.monthsUntilExpiration`,
//! default 3), Project Owner only. The certificate and its private key are the caller's to hand over once:
//! nothing here keeps them.
use crate::errors::ErrorCode::{RESOURCE_NOT_FOUND, VALIDATION_ERROR};
use crate::model::{ApiError, X509Type};
use crate::permissions::Permission;
use crate::project::{ActivityKind, Project};
use crate::validate::{Field, Issue};

pub const DEFAULT_CERT_MONTHS: u32 = 3;
pub const MAX_CERT_MONTHS: u32 = 24;

/// Why a certificate can't be valid for `input` months, as typed.
pub fn validate_certificate_months(input: &str) -> Vec<Issue> {
    match input.trim().parse::<u32>() {
        Ok(months) => certificate_months_issues(months),
        Err(_) => vec![months_issue(format!(
            "Enter a number of months from 1 to {MAX_CERT_MONTHS}."
        ))],
    }
}

/// Why a certificate can't be valid for `months`.
pub fn certificate_months_issues(months: u32) -> Vec<Issue> {
    if (1..=MAX_CERT_MONTHS).contains(&months) {
        Vec::new()
    } else {
        vec![months_issue(format!(
            "A certificate is valid for 1 to {MAX_CERT_MONTHS} months."
        ))]
    }
}

fn months_issue(message: String) -> Issue {
    Issue::error(Field::CertificateMonths, VALIDATION_ERROR, message)
}

impl Project {
    /// Checks and records a new certificate for `username`; the PEM itself is made by the caller.
    pub fn create_user_certificate(
        &mut self,
        username: &str,
        months: u32,
        now: &str,
    ) -> Result<(), ApiError> {
        self.principal.authorize(Permission::Certificates)?;
        let managed = self
            .users
            .iter()
            .any(|u| u.username == username && u.x509_type == X509Type::Managed);
        if !managed {
            return Err(ApiError::new(
                RESOURCE_NOT_FOUND,
                format!("No Atlas-managed X.509 user named {username} exists in this project."),
                vec![username.to_string()],
            ));
        }
        if let Some(why) = certificate_months_issues(months).pop() {
            return Err(ApiError::new(
                VALIDATION_ERROR,
                why.message,
                vec![months.to_string()],
            ));
        }
        self.record(
            ActivityKind::DatabaseUserUpdated,
            username,
            format!("X.509 certificate created, valid {months} months"),
            now,
        );
        Ok(())
    }
}

/// A certificate-shaped PEM for a backend with no certificate authority (the embedded demo, the
/// emulator): `note`, before the first line (RFC 7468 allows text there), says what it is; `base64(n)`
/// gives `n` random base64 characters (the caller's random source).
pub fn placeholder_pem(note: &str, mut base64: impl FnMut(usize) -> String) -> String {
    let mut block = |n: usize| {
        base64(n)
            .as_bytes()
            .chunks(64)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let (cert, key) = (block(640), block(1200));
    format!(
        "{note}\n-----BEGIN CERTIFICATE-----\n{cert}\n-----END CERTIFICATE-----\n\
         -----BEGIN PRIVATE KEY-----\n{key}\n-----END PRIVATE KEY-----\n"
    )
}
