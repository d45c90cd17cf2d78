//! Username formats of the external authentication methods: AWS IAM ARNs and RFC 2253 distinguished names.

/// An AWS IAM ARN of `kind` ("user" or "role"): `arn:aws:iam::<12 digits>:<kind>/<name>`.
pub(super) fn is_iam_arn(s: &str, kind: &str) -> bool {
    let parts: Vec<&str> = s.splitn(6, ':').collect();
    let [arn, partition, iam, region, account, resource] = parts.as_slice() else {
        return false;
    };
    *arn == "arn"
        && matches!(*partition, "aws" | "aws-cn" | "aws-us-gov")
        && *iam == "iam"
        && region.is_empty()
        && account.len() == 12
        && account.bytes().all(|b| b.is_ascii_digit())
        && resource
            .strip_prefix(kind)
            .and_then(|r| r.strip_prefix('/'))
            .is_some_and(|n| !n.is_empty())
}

/// Parses an RFC 2253 distinguished name into its attribute types (escapes honoured).
pub(super) fn parse_dn(dn: &str) -> Result<Vec<String>, &'static str> {
    let mut types = Vec::new();
    let mut chars = dn.chars().peekable();
    loop {
        let mut attr = String::new();
        for c in chars.by_ref() {
            if c == '=' {
                break;
            }
            attr.push(c);
        }
        let attr = attr.trim().to_string();
        let valid_type = !attr.is_empty()
            && (attr.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && attr.starts_with(|c: char| c.is_ascii_alphabetic())
                // A dotted OID: digits between every two dots (RFC 2253 numericoid).
                || attr.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                    && !attr.starts_with('.')
                    && !attr.ends_with('.')
                    && !attr.contains(".."));
        if !valid_type {
            return Err("each part must look like TYPE=value");
        }
        let mut value = String::new();
        let mut ended_by_comma = false;
        while let Some(c) = chars.next() {
            match c {
                '\\' => match chars.next() {
                    Some(e) => value.push(e),
                    None => return Err("it ends with a lone backslash"),
                },
                ',' | ';' => {
                    ended_by_comma = true;
                    break;
                }
                // Multi-valued RDN: the next attribute must follow, as after a comma.
                '+' => {
                    ended_by_comma = true;
                    break;
                }
                '"' | '<' | '>' | '=' => return Err("it contains an unescaped special character"),
                _ => value.push(c),
            }
        }
        if value.trim().is_empty() {
            return Err("an attribute has no value");
        }
        types.push(attr);
        if chars.peek().is_none() {
            if ended_by_comma {
                return Err("it ends with a separator");
            }
            return Ok(types);
        }
    }
}
