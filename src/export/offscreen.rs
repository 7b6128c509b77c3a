//! Rendering egui's output offscreen with egui-wgpu (the renderer the window uses), on a
//! headless wgpu device: a CPU driver (Mesa lavapipe) is preferred, so it works with no
//! display and no GPU. The image is read back as RGBA bytes.

use std::iter::once;
use std::sync::Arc;
use std::sync::mpsc::channel;
use std::time::Duration;

use egui_wgpu::{RenderState, ScreenDescriptor, WgpuSetup, wgpu};

use super::ExportError;

/// Longest wait for the device (a software rasteriser can take a while on big images).
const WAIT: Duration = Duration::from_secs(120);

pub struct Offscreen {
    state: RenderState,
}

/// An RGBA8 image, rows top to bottom.
pub struct Rgba {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<u8>,
}

impl Offscreen {
    /// A headless device, CPU adapters first.
    pub fn new() -> Result<Self, ExportError> {
        let mut setup = egui_wgpu::WgpuSetupCreateNew::without_display_handle();
        setup
            .instance_descriptor
            .backends
            .remove(wgpu::Backends::BROWSER_WEBGPU);
        setup.native_adapter_selector = Some(Arc::new(|adapters, _| {
            let mut a: Vec<_> = adapters.iter().collect();
            a.sort_by_key(|a| match a.get_info().device_type {
                wgpu::DeviceType::Cpu => 0,
                wgpu::DeviceType::DiscreteGpu => 1,
                _ => 2,
            });
            a.first().map(|a| (*a).clone()).ok_or_else(|| {
                "no graphics adapter, not even a CPU one (install Mesa's \
                                 mesa-vulkan-drivers)"
                    .to_owned()
            })
        }));
        let setup = WgpuSetup::CreateNew(setup);
        let instance = pollster::block_on(setup.new_instance());
        let state = pollster::block_on(RenderState::create(
            &egui_wgpu::WgpuConfiguration {
                wgpu_setup: setup,
                ..Default::default()
            },
            &instance,
            None,
            egui_wgpu::RendererOptions::PREDICTABLE,
        ))
        .map_err(|e| ExportError::Device(e.to_string()))?;
        Ok(Offscreen { state })
    }

    /// The largest width or height this device renders.
    pub fn max_side(&self) -> u32 {
        self.state.device.limits().max_texture_dimension_2d
    }

    /// Upload new textures (fonts, layer textures) and free old ones.
    pub fn textures(&self, delta: &egui::TexturesDelta) {
        let mut r = self.state.renderer.write();
        for (id, images) in &delta.set {
            for image in images {
                r.update_texture(&self.state.device, &self.state.queue, *id, image);
            }
        }
        for id in &delta.free {
            r.free_texture(id);
        }
    }

    /// Draw `primitives` into a `size` pixel image at `pixels_per_point`.
    pub fn render(
        &self,
        primitives: &[egui::ClippedPrimitive],
        size: [u32; 2],
        pixels_per_point: f32,
    ) -> Result<Rgba, ExportError> {
        let device = &self.state.device;
        let queue = &self.state.queue;
        let mut renderer = self.state.renderer.write();
        let screen = ScreenDescriptor {
            pixels_per_point,
            size_in_pixels: size,
        };
        let mut encoder = device.create_command_encoder(&Default::default());
        let user = renderer.update_buffers(device, queue, &mut encoder, primitives, &screen);
        let texture = device.create_texture(&wgpu::TextureDescriptor {
            label: Some("export"),
            size: wgpu::Extent3d {
                width: size[0],
                height: size[1],
                depth_or_array_layers: 1,
            },
            mip_level_count: 1,
            sample_count: 1,
            dimension: wgpu::TextureDimension::D2,
            format: self.state.target_format,
            usage: wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::COPY_SRC,
            view_formats: &[],
        });
        let view = texture.create_view(&Default::default());
        {
            let mut pass = encoder
                .begin_render_pass(&wgpu::RenderPassDescriptor {
                    label: Some("export"),
                    color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                        view: &view,
                        resolve_target: None,
                        ops: wgpu::Operations {
                            load: wgpu::LoadOp::Clear(wgpu::Color::WHITE),
                            store: wgpu::StoreOp::Store,
                        },
                        depth_slice: None,
                    })],
                    ..Default::default()
                })
                .forget_lifetime();
            renderer.render(&mut pass, primitives, &screen);
        }
        queue.submit(user.into_iter().chain(once(encoder.finish())));
        drop(renderer);
        self.read_back(&texture)
    }

    fn read_back(&self, texture: &wgpu::Texture) -> Result<Rgba, ExportError> {
        let (device, queue) = (&self.state.device, &self.state.queue);
        let (w, h) = (texture.width(), texture.height());
        let unpadded = w as usize * 4;
        let align = wgpu::COPY_BYTES_PER_ROW_ALIGNMENT as usize;
        let padded = unpadded.div_ceil(align) * align;
        let buffer = device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("export read-back"),
            size: (padded * h as usize) as u64,
            usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        let mut encoder = device.create_command_encoder(&Default::default());
        encoder.copy_texture_to_buffer(
            texture.as_image_copy(),
            wgpu::TexelCopyBufferInfo {
                buffer: &buffer,
                layout: wgpu::TexelCopyBufferLayout {
                    offset: 0,
                    bytes_per_row: Some(padded as u32),
                    rows_per_image: None,
                },
            },
            wgpu::Extent3d {
                width: w,
                height: h,
                depth_or_array_layers: 1,
            },
        );
        let index = queue.submit(once(encoder.finish()));
        let slice = buffer.slice(..);
        let (tx, rx) = channel();
        slice.map_async(wgpu::MapMode::Read, move |r| drop(tx.send(r)));
        device
            .poll(wgpu::PollType::Wait {
                submission_index: Some(index),
                timeout: Some(WAIT),
            })
            .map_err(|e| ExportError::Device(format!("rendering did not finish: {e}")))?;
        rx.recv()
            .map_err(|e| ExportError::Device(e.to_string()))?
            .map_err(|e| ExportError::Device(e.to_string()))?;
        let data = slice
            .get_mapped_range()
            .map_err(|e| ExportError::Device(e.to_string()))?;
        let bgra = matches!(
            self.state.target_format,
            wgpu::TextureFormat::Bgra8Unorm | wgpu::TextureFormat::Bgra8UnormSrgb
        );
        let mut pixels = Vec::with_capacity(unpadded * h as usize);
        for row in data.chunks_exact(padded) {
            for px in row[..unpadded].chunks_exact(4) {
                if bgra {
                    pixels.extend_from_slice(&[px[2], px[1], px[0], px[3]]);
                } else {
                    pixels.extend_from_slice(px);
                }
            }
        }
        Ok(Rgba {
            width: w,
            height: h,
            pixels,
        })
    }
}
