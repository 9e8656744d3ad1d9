//! The app icon for the window and the taskbar: the same picture the .desktop file names, so a
//! dock shows one icon for the launcher and the running window.

use eframe::egui::IconData;

/// Rendered from assets/icon/regio-in-beeld.svg by assets/icon/render.sh.
const PNG_256: &[u8] = include_bytes!("../../assets/icon/regio-in-beeld-256.png");

/// The 256 px icon as RGBA pixels, or `None` if it cannot be decoded: a window without its icon
/// still works, so that is no reason to refuse to start.
pub fn app_icon() -> Option<IconData> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(PNG_256));
    // Whatever colour type the renderer chose, hand eframe 8-bit RGBA.
    decoder.set_transformations(
        png::Transformations::normalize_to_color8() | png::Transformations::ALPHA,
    );
    let mut reader = decoder.read_info().ok()?;
    let mut rgba = vec![0; reader.output_buffer_size()?];
    let info = reader.next_frame(&mut rgba).ok()?;
    if info.color_type != png::ColorType::Rgba {
        return None;
    }
    rgba.truncate(info.buffer_size());
    Some(IconData {
        rgba,
        width: info.width,
        height: info.height,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_icon_is_the_256_pixel_rgba_picture() {
        let icon = app_icon().expect("the icon decodes");
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
        // The middle of the top edge is the accent blue of the rounded square, fully opaque.
        let at = (2 * 256 + 128) * 4;
        assert_eq!(&icon.rgba[at..at + 4], &[0x24, 0x44, 0x6B, 0xFF]);
    }
}
