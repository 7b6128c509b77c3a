//! An export never reports success for a blank or partial image: the pixels are checked
//! before the file is written.

use super::offscreen::Rgba;

/// Why the image is not a complete map, if it is not.
pub fn incomplete(image: &Rgba, expected: [u32; 2]) -> Option<String> {
    if [image.width, image.height] != expected {
        return Some(format!(
            "the renderer returned {}x{} instead of {}x{}",
            image.width, image.height, expected[0], expected[1]
        ));
    }
    if image.pixels.len() != (image.width * image.height * 4) as usize {
        return Some("the image data is truncated".into());
    }
    // Every band of rows must hold drawing (a blank band means a partial render), and the
    // whole image needs more than a handful of colours.
    let rows = image.height as usize;
    let row_bytes = image.width as usize * 4;
    let bands = 8;
    let mut colours = std::collections::HashSet::new();
    for b in 0..bands {
        let (r0, r1) = (rows * b / bands, rows * (b + 1) / bands);
        let band = &image.pixels[r0 * row_bytes..r1 * row_bytes];
        let first = &band[..4];
        if band.chunks_exact(4).all(|p| p == first) {
            return Some(format!(
                "rows {r0} to {r1} are a single colour (a blank or partial render)"
            ));
        }
        for p in band.chunks_exact(4).step_by(97) {
            if colours.len() < 64 {
                colours.insert([p[0], p[1], p[2]]);
            }
        }
    }
    if colours.len() < 8 {
        return Some(format!(
            "only {} colours: the map did not draw",
            colours.len()
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image(w: u32, h: u32, f: impl Fn(u32, u32) -> [u8; 4]) -> Rgba {
        let mut pixels = Vec::new();
        for y in 0..h {
            for x in 0..w {
                pixels.extend_from_slice(&f(x, y));
            }
        }
        Rgba {
            width: w,
            height: h,
            pixels,
        }
    }

    #[test]
    fn blank_partial_and_good_images() {
        let blank = image(64, 64, |_, _| [255; 4]);
        assert!(
            incomplete(&blank, [64, 64])
                .unwrap()
                .contains("single colour")
        );
        let partial = image(64, 64, |x, y| {
            if y < 40 {
                [(x * 4) as u8, (y * 4) as u8, 7, 255]
            } else {
                [0, 0, 0, 255]
            }
        });
        assert!(incomplete(&partial, [64, 64]).is_some());
        let good = image(64, 64, |x, y| [(x * 4) as u8, (y * 4) as u8, 7, 255]);
        assert_eq!(incomplete(&good, [64, 64]), None);
        assert!(incomplete(&good, [65, 64]).unwrap().contains("instead of"));
    }
}
