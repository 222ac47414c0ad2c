/**
 * The picture as a PNG (for slides and mail): the exportable SVG drawn as an image on a canvas,
 * twice its size on screen, on the editor's background. The SVG is the sanitized picture (no
 * foreignObject, nothing outside it), so the canvas stays readable.
 */
import { exportableSvg } from './bars';

/** Base64 of a text's UTF-8 bytes, in chunks (a spread of a whole large picture overflows). */
function base64OfText(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The PNG's bytes in base64 (no `data:` prefix). */
export async function pngOfPicture(svg: SVGSVGElement, background: string, scale = 2): Promise<string> {
  const box = svg.getBoundingClientRect();
  const width = Math.max(1, Math.ceil(box.width));
  const height = Math.max(1, Math.ceil(box.height));
  const image = new Image();
  image.src = `data:image/svg+xml;base64,${base64OfText(exportableSvg(svg, { width, height }))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no canvas to draw the PNG on');
  context.fillStyle = background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}
