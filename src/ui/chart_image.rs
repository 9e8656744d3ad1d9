//! "Grafiek kopiëren" and "Grafiek bewaren als PNG": a screenshot of the window, cropped to the plot.

use std::sync::Arc;
use std::sync::mpsc;

use eframe::egui::{self, ColorImage, Rect};

/// What to do with the picture once it is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ChartUse {
    Copy,
    Save,
}

/// A screenshot on its way from the renderer.
pub(super) struct Capture {
    pub purpose: ChartUse,
    /// The plot's place on screen, in points.
    region: Rect,
    receiver: mpsc::Receiver<Arc<ColorImage>>,
}

impl Capture {
    pub fn request(ctx: &egui::Context, purpose: ChartUse, region: Rect) -> Capture {
        let (sender, receiver) = mpsc::channel();
        let waker = ctx.clone();
        ctx.request_screenshot(move |image| {
            // The window may be gone by now; then nobody wants the picture.
            let _ = sender.send(image);
            waker.request_repaint();
        });
        Capture {
            purpose,
            region,
            receiver,
        }
    }

    /// The plot's pixels, once the screenshot arrived.
    pub fn poll(&self, pixels_per_point: f32) -> Option<ColorImage> {
        let image = self.receiver.try_recv().ok()?;
        Some(image.region(&self.region, Some(pixels_per_point)))
    }
}

/// The picture as a PNG file.
pub(super) fn png_bytes(image: &ColorImage) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let [width, height] = image.size;
    let mut encoder = png::Encoder::new(&mut out, width as u32, height as u32);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    let rgba: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(|pixel| pixel.to_srgba_unmultiplied())
        .collect();
    writer.write_image_data(&rgba).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_picture_becomes_a_png_that_reads_back() {
        let mut image = ColorImage::filled([3, 2], egui::Color32::WHITE);
        image.pixels[4] = egui::Color32::from_rgb(0x33, 0x22, 0x88);
        let bytes = png_bytes(&image).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().unwrap();
        let mut buffer = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buffer).unwrap();
        assert_eq!((info.width, info.height), (3, 2));
        assert_eq!(&buffer[16..20], &[0x33, 0x22, 0x88, 0xFF]);
    }
}
