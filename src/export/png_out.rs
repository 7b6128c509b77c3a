//! Writing the PNG: the pixels, the dpi (pHYs, pixels per metre) and text chunks (title, data
//! sources, as-of date, creation time, software).

use std::io::Write;

use super::ExportError;
use super::offscreen::Rgba;

/// Pixels per metre for a dpi (pHYs stores metres).
pub fn pixels_per_metre(dpi: f32) -> u32 {
    (f64::from(dpi) / 0.0254).round() as u32
}

/// Encode `image` as PNG with its dpi and `text` (keyword, value) chunks.
pub fn write_png(
    image: &Rgba,
    dpi: f32,
    text: &[(&str, String)],
    out: impl Write,
) -> Result<(), ExportError> {
    let mut encoder = png::Encoder::new(out, image.width, image.height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let ppm = pixels_per_metre(dpi);
    encoder.set_pixel_dims(Some(png::PixelDimensions {
        xppu: ppm,
        yppu: ppm,
        unit: png::Unit::Meter,
    }));
    for (k, v) in text {
        // tEXt is Latin-1; iTXt carries any text (titles in other scripts).
        encoder
            .add_itxt_chunk((*k).to_owned(), v.clone())
            .map_err(|e| ExportError::Write(e.to_string()))?;
    }
    let mut writer = encoder
        .write_header()
        .map_err(|e| ExportError::Write(e.to_string()))?;
    writer
        .write_image_data(&image.pixels)
        .map_err(|e| ExportError::Write(e.to_string()))?;
    writer
        .finish()
        .map_err(|e| ExportError::Write(e.to_string()))
}
