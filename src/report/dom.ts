/**
 * A DOM document for rendering charts: the real one in a browser, linkedom's in Node.
 * Observable Plot needs a document to build its SVG.
 */
import { parseHTML } from "linkedom";

let nodeDocument: Document | undefined;

export function chartDocument(): Document {
  if (typeof globalThis.document !== "undefined") return globalThis.document;
  nodeDocument ??= parseHTML("<!DOCTYPE html><html><body></body></html>").document as unknown as Document;
  return nodeDocument;
}

/** Serialises a rendered chart (an <svg> or a <figure> holding one) to a standalone SVG string. */
export function toStandaloneSvg(node: Element): string {
  const svg = node.tagName.toLowerCase() === "svg" ? node : node.querySelector("svg");
  if (!svg) throw new Error("chart did not render an <svg> element");
  if (!svg.getAttribute("xmlns")) svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg.outerHTML}`;
}
