//! Export sizes: named presets and custom `WxH` at a dpi.

/// A named size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Preset {
    pub name: &'static str,
    pub label: &'static str,
    pub width: u32,
    pub height: u32,
    pub dpi: f32,
}

/// The offered presets (A4 and A3 landscape at print resolution).
pub const PRESETS: [Preset; 6] = [
    Preset {
        name: "screen-1x",
        label: "Screen 1x (1280×800)",
        width: 1280,
        height: 800,
        dpi: 96.0,
    },
    Preset {
        name: "screen-2x",
        label: "Screen 2x (2560×1600)",
        width: 2560,
        height: 1600,
        dpi: 192.0,
    },
    Preset {
        name: "hd",
        label: "1920×1080",
        width: 1920,
        height: 1080,
        dpi: 96.0,
    },
    Preset {
        name: "a4-150",
        label: "A4 landscape, 150 dpi (1754×1240)",
        width: 1754,
        height: 1240,
        dpi: 150.0,
    },
    Preset {
        name: "a4-300",
        label: "A4 landscape, 300 dpi (3508×2480)",
        width: 3508,
        height: 2480,
        dpi: 300.0,
    },
    Preset {
        name: "a3-300",
        label: "A3 landscape, 300 dpi (4961×3508)",
        width: 4961,
        height: 3508,
        dpi: 300.0,
    },
];

pub fn preset(name: &str) -> Option<Preset> {
    PRESETS.iter().copied().find(|p| p.name == name)
}

/// "1600x900" -> (1600, 900).
pub fn parse_size(s: &str) -> Result<(u32, u32), String> {
    let (w, h) = s
        .trim()
        .split_once(['x', 'X', '×'])
        .ok_or_else(|| format!("\"{s}\" is not WIDTHxHEIGHT (e.g. 1600x900)"))?;
    let num = |v: &str| {
        v.trim()
            .parse::<u32>()
            .map_err(|_| format!("\"{v}\" in \"{s}\" is not a whole number of pixels"))
    };
    let (w, h) = (num(w)?, num(h)?);
    if w < 200 || h < 150 {
        return Err(format!(
            "{w}x{h} is too small for a map with a legend (at least 200x150)"
        ));
    }
    Ok((w, h))
}

/// Egui points per pixel for a dpi: 96 dpi is 1 pixel per point, so text and lines keep
/// their printed size at any resolution.
pub fn pixels_per_point(dpi: f32) -> f32 {
    (dpi / 96.0).max(0.25)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_presets() {
        assert_eq!(parse_size("1600x900"), Ok((1600, 900)));
        assert_eq!(parse_size(" 800 × 600 "), Ok((800, 600)));
        assert!(parse_size("1600").is_err());
        assert!(parse_size("10x10").is_err());
        assert!(parse_size("axb").is_err());
        let a4 = preset("a4-300").unwrap();
        assert_eq!((a4.width, a4.height, a4.dpi), (3508, 2480, 300.0));
        // A4 is 297 × 210 mm: 3508 px at 300 dpi is 297 mm.
        assert!((f64::from(a4.width) / 300.0 * 25.4 - 297.0).abs() < 0.1);
        assert_eq!(pixels_per_point(192.0), 2.0);
    }
}
