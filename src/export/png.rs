//! PNG from the exported SVG, for slide tools that take no SVG (Google Slides): rasterised in
//! pure Rust (resvg) with an embedded open font (DejaVu Sans, the SVG's first choice; licence in
//! `assets/fonts/DejaVuSans-LICENSE.txt`), so the PNG looks the same on every machine and
//! needs nothing installed.

use std::sync::Arc;

/// DejaVu Sans, embedded.
const FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// Pixels per SVG unit: the 1600-wide figure becomes a 3200-pixel image, sharp on a projector
/// and on a high-density screen.
pub const SCALE: f32 = 2.0;

/// Why an SVG could not become a PNG.
#[derive(Debug, thiserror::Error)]
pub enum PngError {
    /// The SVG did not parse.
    #[error("the SVG does not parse: {0}")]
    Svg(#[from] resvg::usvg::Error),
    /// Scaled, the image would not fit a pixmap.
    #[error("image too large")]
    TooLarge,
    /// The image has no pixels.
    #[error("image of zero size")]
    ZeroSize,
    /// The pixels did not encode.
    #[error("cannot encode the PNG: {0}")]
    Encode(String),
}

/// The SVG `svg` as PNG bytes, or why not.
pub fn svg_to_png(svg: &str) -> Result<Vec<u8>, PngError> {
    let mut options = resvg::usvg::Options::default();
    let mut fonts = resvg::usvg::fontdb::Database::new();
    fonts.load_font_data(FONT.to_vec());
    fonts.set_sans_serif_family("DejaVu Sans");
    options.fontdb = Arc::new(fonts);
    let tree = resvg::usvg::Tree::from_str(svg, &options)?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(SCALE)
        .ok_or(PngError::TooLarge)?;
    let mut pixmap =
        resvg::tiny_skia::Pixmap::new(size.width(), size.height()).ok_or(PngError::ZeroSize)?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(SCALE, SCALE),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| PngError::Encode(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_svg_becomes_a_png_of_twice_its_size() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#ff0000"/><text x="2" y="15" font-family="DejaVu Sans" font-size="12">Hi</text></svg>"##;
        let png = svg_to_png(svg).expect("png");
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        // IHDR: width and height, big-endian, at bytes 16-23.
        let w = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
        let h = u32::from_be_bytes([png[20], png[21], png[22], png[23]]);
        assert_eq!((w, h), (80, 40));
        assert!(svg_to_png("not svg").is_err());
    }
}
