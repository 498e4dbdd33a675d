//! The shop's look in the chat panel: its colour and its logo, checked once when the
//! merchant sets them (admin API) and turned into what the panel draws (the welcome frame).
//!
//! The colour is only ever a background (the header, the send button, the shopper's own
//! messages), and the text on it is computed here: black or white, whichever contrasts more.
//! One of the two always reaches WCAG AA's 4.5:1 (the worst colour still gets 4.58:1), so
//! no colour has to be refused for contrast; the pair is sent, so the panel cannot get it
//! wrong. The logo is an https URL the panel loads as an image; the panel's
//! Content-Security-Policy allows `img-src https:` and nothing else from elsewhere (an image
//! runs no script), and the URL is checked for shape only: the merchant's server serves it.

use kefu_protocol::PanelBrand;

use crate::store::Brand;

/// WCAG 2 AA's minimum contrast for normal text.
pub const AA_CONTRAST: f64 = 4.5;
/// The longest logo URL accepted, in bytes.
pub const MAX_LOGO_URL_BYTES: usize = 512;

/// A colour as `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb` (or `#rgb`), any case; `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        let hex = text.trim().strip_prefix('#')?;
        if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize, width: usize| u8::from_str_radix(&hex[i..i + width], 16).ok();
        match hex.len() {
            6 => Some(Self(digit(0, 2)?, digit(2, 2)?, digit(4, 2)?)),
            3 => {
                let d = |i| digit(i, 1).map(|v| v * 17);
                Some(Self(d(0)?, d(1)?, d(2)?))
            }
            _ => None,
        }
    }

    /// `#rrggbb`, lower-case.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG 2's relative luminance, 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        let channel = |v: u8| {
            let c = f64::from(v) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }
}

/// WCAG 2's contrast ratio between two colours, 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

const BLACK: Rgb = Rgb(0, 0, 0);
const WHITE: Rgb = Rgb(255, 255, 255);

/// The text colour on `background`: white or black, whichever contrasts more (white on a
/// tie, the more usual look on a brand colour).
pub fn text_on(background: Rgb) -> Rgb {
    if contrast(WHITE, background) >= contrast(BLACK, background) {
        WHITE
    } else {
        BLACK
    }
}

/// What is wrong with a brand setting, as the merchant should read it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BrandError {
    /// Not a colour as `#rrggbb`.
    #[error("brand_color: `{0}` is not a colour; give it as #rrggbb, like #1a73e8")]
    Color(String),
    /// Not an https URL kefu can put in the panel.
    #[error("logo_url: {0}")]
    Logo(String),
}

/// The colour to store for `text`: `#rrggbb`, lower-case.
pub fn check_color(text: &str) -> Result<String, BrandError> {
    let rgb = Rgb::parse(text).ok_or_else(|| BrandError::Color(text.chars().take(40).collect()))?;
    // Cannot fail (see the module's doc); kept as a guard should the rule above change.
    if contrast(rgb, text_on(rgb)) < AA_CONTRAST {
        return Err(BrandError::Color(format!(
            "{text} (no text colour reaches {AA_CONTRAST}:1 on it)"
        )));
    }
    Ok(rgb.hex())
}

/// The logo URL to store for `url`: an absolute https URL with a host, no credentials, no
/// spaces or quotes, at most [`MAX_LOGO_URL_BYTES`].
pub fn check_logo_url(url: &str) -> Result<String, BrandError> {
    let url = url.trim();
    let bad = |why: &str| Err(BrandError::Logo(why.to_string()));
    if url.len() > MAX_LOGO_URL_BYTES {
        return bad(&format!("at most {MAX_LOGO_URL_BYTES} bytes"));
    }
    let Some(rest) = url
        .get(..8)
        .filter(|s| s.eq_ignore_ascii_case("https://"))
        .map(|_| &url[8..])
    else {
        return bad("the logo must be an https:// URL (the panel loads images over https only)");
    };
    if !url.chars().all(|c| c.is_ascii_graphic()) || url.contains(['"', '\'', '<', '>', '\\', '`'])
    {
        return bad(
            "the URL has spaces, quotes or other characters a URL cannot hold: encode them",
        );
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return bad("the URL may not carry a user name or password");
    }
    let host = authority.rsplit_once(':').map_or(authority, |(h, port)| {
        if port.chars().all(|c| c.is_ascii_digit()) {
            h
        } else {
            authority
        }
    });
    if host.is_empty()
        || !host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '[' | ']' | ':'))
    {
        return bad("the URL has no valid host name");
    }
    Ok(url.to_string())
}

/// What the panel draws for `brand`; `None` for kefu's own look.
pub fn panel_brand(brand: &Brand) -> Option<PanelBrand> {
    let color = brand.color.as_deref().and_then(Rgb::parse);
    if color.is_none() && brand.logo_url.is_none() {
        return None;
    }
    Some(PanelBrand {
        color: color.map(Rgb::hex),
        text_color: color.map(|c| text_on(c).hex()),
        logo_url: brand.logo_url.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_wcag_reference_values() {
        assert!((contrast(BLACK, WHITE) - 21.0).abs() < 1e-9);
        assert!((contrast(WHITE, WHITE) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic "just passes AA" grey: 4.54:1.
        let grey = Rgb::parse("#767676").unwrap();
        assert!((contrast(grey, WHITE) - 4.54).abs() < 0.01);
    }

    #[test]
    fn the_text_on_every_brand_colour_reaches_aa() {
        // Every colour on a 16-step grid of the cube, and the known worst case (mid grey).
        let steps: Vec<u8> = (0..=255).step_by(17).collect();
        for &r in &steps {
            for &g in &steps {
                for &b in &steps {
                    let c = Rgb(r, g, b);
                    let ratio = contrast(c, text_on(c));
                    assert!(ratio >= AA_CONTRAST, "{} gets {ratio:.2}:1", c.hex());
                }
            }
        }
        assert_eq!(text_on(Rgb::parse("#0b5fff").unwrap()), WHITE);
        assert_eq!(text_on(Rgb::parse("#ffd400").unwrap()), BLACK);
    }

    #[test]
    fn colours_are_stored_as_lower_case_six_digits_and_nonsense_is_refused() {
        assert_eq!(check_color("#1A73E8").unwrap(), "#1a73e8");
        assert_eq!(check_color(" #fa0 ").unwrap(), "#ffaa00");
        for bad in ["red", "1a73e8", "#1a73e", "#1a73e8ff", "#ggg", "", "#"] {
            let e = check_color(bad).unwrap_err().to_string();
            assert!(
                e.starts_with("brand_color:") && e.contains("#rrggbb"),
                "{bad}: {e}"
            );
        }
    }

    #[test]
    fn a_logo_is_an_https_url_with_a_host_and_nothing_that_breaks_out() {
        for good in [
            "https://cdn.example.com/logo.png",
            "HTTPS://shop.example:8443/a/b.svg?v=2",
            "https://[2001:db8::1]/logo.png",
        ] {
            assert!(check_logo_url(good).is_ok(), "{good}");
        }
        for (bad, why) in [
            ("http://cdn.example.com/logo.png", "https://"),
            ("javascript:alert(1)", "https://"),
            ("data:image/png;base64,AAAA", "https://"),
            ("//cdn.example.com/logo.png", "https://"),
            ("https://", "host"),
            ("https:///logo.png", "host"),
            ("https://user:pw@cdn.example.com/logo.png", "user name"),
            ("https://cdn.example.com/logo.png\" onerror=\"x", "quotes"),
            ("https://cdn.example.com/my logo.png", "spaces"),
        ] {
            let e = check_logo_url(bad).unwrap_err().to_string();
            assert!(e.starts_with("logo_url:") && e.contains(why), "{bad}: {e}");
        }
        let long = format!("https://cdn.example.com/{}", "a".repeat(MAX_LOGO_URL_BYTES));
        assert!(
            check_logo_url(&long)
                .unwrap_err()
                .to_string()
                .contains("at most 512")
        );
    }

    #[test]
    fn the_panel_gets_the_colour_with_its_text_colour_and_the_logo() {
        assert_eq!(panel_brand(&Brand::default()), None);
        let brand = Brand {
            color: Some("#ffd400".into()),
            logo_url: Some("https://cdn.example.com/logo.png".into()),
        };
        assert_eq!(
            panel_brand(&brand),
            Some(PanelBrand {
                color: Some("#ffd400".into()),
                text_color: Some("#000000".into()),
                logo_url: Some("https://cdn.example.com/logo.png".into()),
            })
        );
        let logo_only = Brand {
            color: None,
            logo_url: Some("https://x.example/l.png".into()),
        };
        assert_eq!(panel_brand(&logo_only).unwrap().text_color, None);
    }
}
