/**
 * Text widths without layout: a canvas measures in the chart's font, so fitting the labels reads
 * nothing from the DOM (measuring SVG text after each change forces a layout per label).
 */
import { cutToFit } from './pure/layout';

export class TextMeasure {
  private readonly ctx: CanvasRenderingContext2D | null;

  constructor(font: string, size: number) {
    this.ctx = document.createElement('canvas').getContext('2d');
    if (this.ctx) this.ctx.font = `${size}px ${font}`;
  }

  /** A function, so that the layout arithmetic (src/webview/pure/layout.ts) can take it as it is. */
  readonly width = (text: string): number => (this.ctx ? this.ctx.measureText(text).width : text.length * 7);

  /** The longest prefix of `text` that fits `room` with an ellipsis ('' when none). */
  cut(text: string, room: number): string {
    return cutToFit(text, room, this.width);
  }
}
